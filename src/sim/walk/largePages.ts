// Which page size maps an address, in each dimension, when large pages are allowed.
// Host (EPT): the hypervisor backs the VM with large pages (THP, hugetlbfs); a large host page
// maps an aligned guest-physical region (clipped to the VM's memory) unless a 4 KiB hole splits
// it: a page of the region that is ballooned, host-swapped, compressed or mapped to a shared
// (copy-on-write) frame. Pages of the region never touched yet do not split it: the first touch
// populated the whole large page. The page walked must itself be present and private.
// Guest: the guest kernel maps an aligned virtual region (clipped to the process's mapping)
// with one large page unless one of its pages is on the guest's swap device (swapping splits a
// huge page); the page walked must be resident. Results are memoised per walk (regionMemo).
import { eptIsSwapped, EPT_BALLOONED, EPT_COMPRESSED, EPT_FRAME_MASK, EPT_UNTOUCHED, eptFrame, type Ept } from '../host/Ept.ts';
import type { HostFrames } from '../host/HostFrames.ts';
import { pteIsSwapped, type Process } from '../guest/Process.ts';
import { basePagesIn, sizesDownFrom, type PageSize } from './pageSizes.ts';

/** Whether EPT entry e splits a host large page: a hole, or a shared copy-on-write frame. */
function splitsHostPage(e: number, frames: HostFrames): boolean {
  if (e >= 0) return frames.isShared(eptFrame(e));
  return e === EPT_BALLOONED || e === EPT_COMPRESSED || eptIsSwapped(e);
}

// The region scans below are the cost of a 1 GiB check (262144 entries): tight loops over the
// typed arrays. A present entry splits only if it maps a shared frame, so when none of the VM's
// entries does (ept.sharedMapped, kept by the EPT) the frames are not looked up at all.
function noneSplit(ept: Ept, frames: HostFrames, first: number, end: number): boolean {
  const entries = ept.entries;
  const anyShared = ept.sharedMapped > 0;
  for (let g = first; g < end; g++) {
    const e = entries[g];
    if (e >= 0 ? anyShared && frames.isShared(e & EPT_FRAME_MASK) : e !== EPT_UNTOUCHED && splitsHostPage(e, frames)) return false;
  }
  return true;
}

function noneSwapped(pte: Int32Array, first: number, end: number): boolean {
  for (let u = first; u < end; u++) if (pte[u] < 0 && pteIsSwapped(pte[u])) return false;
  return true;
}

function regionOf(page: number, size: PageSize, limit: number): [number, number] {
  const span = basePagesIn(size);
  const first = page - (page % span);
  return [first, Math.min(first + span, limit)];
}

/** Memo of region checks within one walk: key "size:first region page". */
export type RegionMemo = Map<string, boolean>;

/** The host page size that maps guest-physical page gpfn when the hypervisor allows pages up to
 * `largest`: the largest size whose region has no split, else 4 KiB. */
export function hostPageSizeFor(ept: Ept, frames: HostFrames, gpfn: number, largest: PageSize, memo: RegionMemo): PageSize {
  const own = ept.entries[gpfn];
  if (own < 0 || splitsHostPage(own, frames)) return '4 KiB';
  for (const size of sizesDownFrom(largest)) {
    if (size === '4 KiB') return size;
    const [first, end] = regionOf(gpfn, size, ept.pages);
    const key = `h${size}:${first}`;
    let whole = memo.get(key);
    if (whole === undefined) {
      whole = noneSplit(ept, frames, first, end);
      memo.set(key, whole);
    }
    if (whole) return size;
  }
  return '4 KiB';
}

/** The guest page size that maps virtual page v of process p (v inside its mapping) when the
 * guest allows pages up to `largest`. */
export function guestPageSizeFor(p: Process, v: number, largest: PageSize, memo: RegionMemo): PageSize {
  if (v < 0 || v >= p.virtualPages || p.pte[v] < 0) return '4 KiB';
  for (const size of sizesDownFrom(largest)) {
    if (size === '4 KiB') return size;
    const [first, end] = regionOf(v, size, p.virtualPages);
    const key = `g${size}:${first}`;
    let whole = memo.get(key);
    if (whole === undefined) {
      whole = noneSwapped(p.pte, first, end);
      memo.set(key, whole);
    }
    if (whole) return size;
  }
  return '4 KiB';
}
