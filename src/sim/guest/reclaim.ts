// Guest page reclaim (mm/vmscan.c, simplified): scan the LRU lists from their oldest end with
// second chance (a referenced page has its bit cleared and moves to the young end), taking
// page-cache pages first (clean ones are dropped, dirty ones written back) and then anonymous
// pages, which go to the guest's swap device. Returns the pages freed. A cleared bit is
// reported to the working set (workingSet.ts), whose pages the program references again
// within its re-reference time, so the hand finds them referenced on its next pass.
import type { GuestOs } from './GuestOs.ts';
import { LruList } from './GuestMemory.ts';
import { FLAG_REFERENCED, PageKind } from './pageState.ts';

function scanList(os: GuestOs, list: LruList, want: number, direct: boolean): number {
  const mem = os.mem;
  const kind = list === LruList.Anon ? PageKind.Anon : PageKind.Cache;
  const limit = 2 * mem.count(kind) + 1;
  let freed = 0;
  for (let scanned = 0; freed < want && scanned < limit; scanned++) {
    const g = mem.lruOldest(list);
    if (g < 0) break;
    os.stats.pgscan++;
    if (mem.state[g] & FLAG_REFERENCED) {
      mem.state[g] &= ~FLAG_REFERENCED;
      mem.changes.mark(g);
      os.truth?.referenceReset(g);
      mem.lruRemove(g);
      mem.lruAdd(list, g);
      continue;
    }
    if (!os.evict(g, direct)) break;
    freed++;
  }
  return freed;
}

export function reclaimPages(os: GuestOs, want: number, direct: boolean): number {
  let freed = scanList(os, LruList.File, want, direct);
  if (freed < want && !os.swap.full) freed += scanList(os, LruList.Anon, want - freed, direct);
  return freed;
}
