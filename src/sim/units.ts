// Units and size conversions shared by the whole model. Everything is counted in 4 KiB pages
// (the x86-64 base page, and the unit of virtio balloon PFNs: virtio spec, "Traditional Memory
// Balloon Device"), so conversions live in one place.

/** Bytes in one page (guest-physical page, host frame, balloon PFN). */
export const PAGE_SIZE_BYTES = 4096;
/** 4 KiB pages in one MiB. */
export const PAGES_PER_MIB = 256;
/** 4 KiB pages in one 2 MiB large page (x86-64 PDE-mapped page, Hyper-V balloon chunk). */
export const PAGES_PER_2MIB = 512;
/** Entries in one 4 KiB page-table page (x86-64 long mode and EPT: 8-byte entries). */
export const ENTRIES_PER_TABLE = 512;

export const mibToPages = (mib: number): number => Math.round(mib * PAGES_PER_MIB);
export const pagesToMib = (pages: number): number => pages / PAGES_PER_MIB;
