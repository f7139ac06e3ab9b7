// The codes a memory map's cells carry from the worker to the views: one byte per cell for
// what the pages in the cell are, so the views colour them through a lookup table. Shared by
// the renderer in the worker (which fills them) and the canvas views (which paint them).

/** A host frame, as the host map shows it. */
export const enum HostCell {
  Free = 0,
  /** Hypervisor data: EPT table pages. */
  Hypervisor = 1,
  GuestKernel = 2,
  GuestPageTable = 3,
  GuestAnon = 4,
  GuestCache = 5,
  /** Backs a page the guest has freed: the host cannot know it holds nothing useful. */
  GuestFreeBacked = 6,
  /** A read-only frame shared copy-on-write by several guest pages. */
  Shared = 7,
  /** Holds compressed pages of a VM (compression cache). */
  Compressed = 8,
}
export const HOST_CELL_COUNT = 9;
export const HOST_CELL_NAMES = [
  'free',
  'hypervisor (EPT tables)',
  'guest kernel',
  'guest page table',
  'guest anonymous',
  'guest page cache',
  'guest free (still backed)',
  'shared (copy-on-write)',
  'compression cache',
] as const;

/** A guest-physical page, as a guest map shows it: the guest's use of the page. */
export const enum GuestCell {
  Free = 0,
  Kernel = 1,
  PageTable = 2,
  /** Anonymous memory referenced since the last reclaim scan. */
  AnonActive = 3,
  AnonIdle = 4,
  CacheClean = 5,
  CacheDirty = 6,
  Balloon = 7,
  Offline = 8,
}
export const GUEST_CELL_COUNT = 9;
export const GUEST_CELL_NAMES = [
  'free',
  'kernel',
  'page table',
  'anonymous (active)',
  'anonymous (idle)',
  'page cache (clean)',
  'page cache (dirty)',
  'balloon',
  'not yet added (hot-add)',
] as const;

/** How the host backs a guest-physical page (the EPT entry's kind), drawn as a second layer. */
export const enum BackingCell {
  /** Present, a private frame. */
  Private = 0,
  Shared = 1,
  /** Not present: never touched, or discarded. */
  Unbacked = 2,
  Ballooned = 3,
  HostSwapped = 4,
  Compressed = 5,
}
export const BACKING_CELL_COUNT = 6;
export const BACKING_CELL_NAMES = ['backed', 'shared', 'not backed', 'ballooned', 'host-swapped', 'compressed'] as const;

/** Owner byte of a host cell with no VM (free, hypervisor). */
export const NO_OWNER = 255;
