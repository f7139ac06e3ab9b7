// Latencies charged to a VM's time budget, µs. These are modelling assumptions, not sourced
// measurements (reference §6.3 gives the ranges): the figures that matter to the lesson are the
// swap-device latencies, which are scenario parameters. The reference's relative claims hold
// for any values in range: balloon ~ static sizing, host swap degrades steadily, compression far
// cheaper than swap.

/** A guest page fault served from the free list (zeroing included). */
export const GUEST_MINOR_FAULT_US = 1;
/** An EPT violation VM exit plus the host filling the entry (reference: 1-5 µs). */
export const EPT_VIOLATION_US = 2;
/** Copy-on-write break of a shared frame: the exit plus a 4 KiB copy. */
export const COW_FAULT_US = 3;
/** Decompressing one page from the host's compression cache ("µs scale"). */
export const DECOMPRESS_US = 10;
/** Writing one page to a swap device, as seen by a task stalled in direct reclaim, relative to a read. */
export const SWAP_WRITE_FACTOR = 1;
