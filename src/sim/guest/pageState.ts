// Encoding of a guest-physical page's state byte: what the guest OS uses the page for (low 3
// bits) and a few flag bits. This is the guest's view; the hypervisor never reads it (the
// semantic gap), except through what a balloon driver reports.

export const enum PageKind {
  Free = 0,
  Kernel = 1,
  PageTable = 2,
  Anon = 3,
  Cache = 4,
  Balloon = 5,
  /** Hot-add region not yet given to the guest (Hyper-V Dynamic Memory). */
  Offline = 6,
}
export const PAGE_KIND_COUNT = 7;
export const KIND_MASK = 0x07;
/** Accessed since the last LRU scan (the guest PTE accessed bit, as the guest's reclaim sees it). */
export const FLAG_REFERENCED = 0x10;
/** Page-cache page modified since read (needs writeback before it can be dropped). */
export const FLAG_DIRTY = 0x20;
/** Content is all zeros (freshly zeroed and not written since). */
export const FLAG_ZERO = 0x40;
/** Free page already reported to the host by free page reporting (Linux PG_reported); cleared
 * when the page is allocated again. */
export const FLAG_REPORTED = 0x80;

export const PAGE_KIND_NAMES = ['free', 'kernel', 'page table', 'anonymous', 'page cache', 'balloon', 'offline'] as const;

export const kindOf = (state: number): PageKind => (state & KIND_MASK) as PageKind;
