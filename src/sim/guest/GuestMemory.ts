// A guest's physical memory as the guest OS manages it: one state byte, one reverse-map word
// and two list links per guest-physical page (13 bytes a page). Free pages sit on a LIFO free
// list, the balloon's pages on the balloon list, and anonymous and page-cache pages on two
// circular LRU lists (the guest's anon and file LRUs) that reclaim scans with second chance.
// Counters per kind are kept incrementally. Watermarks follow Linux mm/page_alloc.c.
import { ChangeStamps } from '../ChangeStamps.ts';
import { FLAG_REFERENCED, KIND_MASK, PAGE_KIND_COUNT, PageKind } from './pageState.ts';

export const enum LruList {
  Anon = 0,
  File = 1,
}

/** Linux watermarks in pages: min_free_kbytes = sqrt(16 * lowmem KiB), clamped to 128 KiB..256 MiB
 * (mm/page_alloc.c), low = min + max(min/4, 0.1% of memory), high = min + 2 * that gap
 * (watermark_scale_factor = 10). */
export function linuxWatermarks(managedPages: number): { min: number; low: number; high: number } {
  const kib = managedPages * 4;
  const minKib = Math.min(262144, Math.max(128, Math.floor(Math.sqrt(kib * 16))));
  const min = Math.ceil(minKib / 4);
  const gap = Math.max(Math.floor(min / 4), Math.floor(managedPages / 1000));
  return { min, low: min + gap, high: min + 2 * gap };
}

export class GuestMemory {
  readonly pages: number;
  readonly state: Uint8Array;
  /** Anon: (pid << 24) | virtual page; Cache: file page; PageTable: table id; Kernel: kernel page. */
  readonly rmap: Int32Array;
  /** List links; two extra slots at the end are the anon and file LRU heads. */
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly counts = new Float64Array(PAGE_KIND_COUNT);
  /** Pages whose state byte changed, and pages whose kind or owner changed, for incremental
   * rendering (not model state): every write of state[] outside setState marks `changes`. */
  readonly changes: ChangeStamps;
  readonly kindChanges: ChangeStamps;
  dirtyCache = 0;
  /** Pages [onlineEnd, pages) are offline (hot-add region not yet onlined). */
  onlineEnd: number;
  private freeHead = -1;
  private balloonHead = -1;

  constructor(pages: number) {
    this.pages = pages;
    this.state = new Uint8Array(pages);
    this.changes = new ChangeStamps(pages);
    this.kindChanges = new ChangeStamps(pages);
    this.rmap = new Int32Array(pages);
    this.next = new Int32Array(pages + 2);
    this.prev = new Int32Array(pages + 2);
    for (const head of [pages, pages + 1]) {
      this.next[head] = head;
      this.prev[head] = head;
    }
    // Every page free, lowest first (the list pushFree would build from the top page down).
    const next = this.next;
    for (let g = 0; g < pages - 1; g++) next[g] = g + 1;
    if (pages > 0) {
      next[pages - 1] = -1;
      this.freeHead = 0;
    }
    this.counts[PageKind.Free] = pages;
    this.onlineEnd = pages;
  }

  /** Takes every page from `first` up offline (boot with only part of the memory online, as a
   * Hyper-V VM starts with its startup RAM). Those pages must all be free; one pass over the free list. */
  offlineFrom(first: number): void {
    let prevNode = -1;
    let moved = 0;
    for (let g = this.freeHead; g >= 0; g = this.next[g]) {
      if (g < first) {
        prevNode = g;
        continue;
      }
      if (prevNode < 0) this.freeHead = this.next[g];
      else this.next[prevNode] = this.next[g];
      this.setState(g, PageKind.Offline, 0, -1);
      moved++;
    }
    if (moved !== this.onlineEnd - first) throw new Error(`pages above ${first} are in use; cannot take them offline`);
    this.onlineEnd = first;
  }

  /** Onlines up to n offline pages, lowest first, onto the free list (memory hot-add). Returns pages onlined. */
  onlinePages(n: number): number {
    const end = Math.min(this.pages, this.onlineEnd + Math.max(0, n));
    const done = end - this.onlineEnd;
    for (let g = this.onlineEnd; g < end; g++) {
      this.setState(g, PageKind.Free, 0, -1);
      this.pushFree(g);
    }
    this.onlineEnd = end;
    return done;
  }

  kind(gpfn: number): PageKind {
    return (this.state[gpfn] & KIND_MASK) as PageKind;
  }
  get free(): number {
    return this.counts[PageKind.Free];
  }
  count(kind: PageKind): number {
    return this.counts[kind];
  }
  lruHead(list: LruList): number {
    return this.pages + list;
  }

  /** Changes a page's kind and flags, keeping the counters (list membership is the caller's). */
  setState(gpfn: number, kind: PageKind, flags: number, rmap: number): void {
    const old = this.state[gpfn];
    this.counts[old & KIND_MASK]--;
    this.counts[kind]++;
    this.state[gpfn] = kind | flags;
    this.rmap[gpfn] = rmap;
    this.changes.mark(gpfn);
    this.kindChanges.mark(gpfn);
  }

  private pushFree(gpfn: number): void {
    this.next[gpfn] = this.freeHead;
    this.freeHead = gpfn;
  }

  /** Takes a page off the free list and gives it a kind; -1 when the free list is empty. */
  takeFree(kind: PageKind, flags: number, rmap: number): number {
    const g = this.freeHead;
    if (g < 0) return -1;
    this.freeHead = this.next[g];
    this.setState(g, kind, flags, rmap);
    return g;
  }

  /** Puts a page (already off every list) back on the free list. */
  giveFree(gpfn: number): void {
    this.setState(gpfn, PageKind.Free, this.state[gpfn] & ~KIND_MASK & ~FLAG_REFERENCED, -1);
    this.pushFree(gpfn);
  }

  /** Takes a specific free page off the free list (boot-time placement, hot-add); O(free) walk. */
  takeSpecificFree(gpfn: number, kind: PageKind, flags: number, rmap: number): void {
    let prevNode = -1;
    for (let g = this.freeHead; g >= 0; g = this.next[g]) {
      if (g === gpfn) {
        if (prevNode < 0) this.freeHead = this.next[g];
        else this.next[prevNode] = this.next[g];
        this.setState(g, kind, flags, rmap);
        return;
      }
      prevNode = g;
    }
    throw new Error(`guest page ${gpfn} is not free`);
  }

  pushBalloon(gpfn: number): void {
    this.next[gpfn] = this.balloonHead;
    this.balloonHead = gpfn;
  }
  popBalloon(): number {
    const g = this.balloonHead;
    if (g >= 0) this.balloonHead = this.next[g];
    return g;
  }

  /** Appends a page at the tail (most recently used end) of an LRU list. */
  lruAdd(list: LruList, gpfn: number): void {
    const head = this.pages + list;
    const tail = this.prev[head];
    this.next[tail] = gpfn;
    this.prev[gpfn] = tail;
    this.next[gpfn] = head;
    this.prev[head] = gpfn;
  }
  lruRemove(gpfn: number): void {
    const p = this.prev[gpfn];
    const n = this.next[gpfn];
    this.next[p] = n;
    this.prev[n] = p;
  }
  /** The least recently used page of a list, or -1 when empty. */
  lruOldest(list: LruList): number {
    const head = this.pages + list;
    const g = this.next[head];
    return g === head ? -1 : g;
  }

  /** Pages on the free list, by walking it (for invariant checks). */
  countFreeList(): number {
    let n = 0;
    for (let g = this.freeHead; g >= 0 && n <= this.pages; g = this.next[g]) n++;
    return n;
  }
  countBalloonList(): number {
    let n = 0;
    for (let g = this.balloonHead; g >= 0 && n <= this.pages; g = this.next[g]) n++;
    return n;
  }
  countLru(list: LruList): number {
    const head = this.pages + list;
    let n = 0;
    for (let g = this.next[head]; g !== head && n <= this.pages; g = this.next[g]) n++;
    return n;
  }

  get heapBytes(): number {
    return (
      this.state.byteLength +
      this.rmap.byteLength +
      this.next.byteLength +
      this.prev.byteLength +
      this.changes.heapBytes +
      this.kindChanges.heapBytes
    );
  }
}
