// What a guest's memory accesses go through below it: the hypervisor's EPT for this VM.
// The guest calls these for every access to a guest-physical page; the answer is the stall
// in µs that the access cost (EPT violation, host swap-in, copy-on-write, decompression).

export interface GuestPlatform {
  /** The guest reads or writes guest-physical page gpfn. Returns the stall, µs; Infinity when
   * the host has no frame to give (the vCPU cannot run this tick). */
  access(gpfn: number, write: boolean): number;
  /** The EPT leaf entries the MMU reads (never written through here): a present entry whose
   * accessed bit is already set, and that is writable if the access writes, costs nothing and
   * needs no call, exactly as hardware completes such an access without an exit. */
  readonly eptEntries: Int32Array;
  /** The guest reads gpfn to write it to its own swap device (double paging if host-swapped). */
  readForGuestSwapOut(gpfn: number): number;
}
