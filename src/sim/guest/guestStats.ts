// The guest kernel's event counters, named after their /proc/vmstat counterparts (and the
// virtio-balloon statistics that report them: SWAP_IN, SWAP_OUT, MAJFLT, MINFLT, OOM_KILL,
// ALLOC_STALL).

export interface GuestStats {
  /** Pages read back from the guest's swap device (pswpin). */
  pswpin: number;
  /** Pages written to the guest's swap device (pswpout). */
  pswpout: number;
  /** Faults that needed disk I/O: swap-ins and file reads (pgmajfault). */
  pgmajfault: number;
  /** Faults served from memory (pgfault minus major). */
  pgminfault: number;
  /** Dirty page-cache pages written back by reclaim. */
  writeback: number;
  /** Pages reclaimed (pgsteal). */
  pgsteal: number;
  /** Pages scanned by reclaim (pgscan). */
  pgscan: number;
  /** Allocations that entered direct reclaim (allocstall). */
  allocstall: number;
  oomKill: number;
}

export const emptyGuestStats = (): GuestStats => ({
  pswpin: 0,
  pswpout: 0,
  pgmajfault: 0,
  pgminfault: 0,
  writeback: 0,
  pgsteal: 0,
  pgscan: 0,
  allocstall: 0,
  oomKill: 0,
});
