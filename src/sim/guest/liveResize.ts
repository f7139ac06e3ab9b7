// Live changes of a workload's size, as a guest kernel carries them out. A process's mapping
// grows at its end (brk/mremap: the new pages are untouched until the program touches them) or
// is cut at its end (munmap): every dropped page that was resident goes back to the free list,
// every dropped page on the guest's swap device frees its slot, and the page-table pages that
// no longer cover any of the mapping are freed (free_pgtables). The workload's files grow or are
// truncated (truncate_inode_pages): cached pages past the new end are dropped, dirty ones
// discarded without writeback. Only frees: no allocation, so no reclaim or OOM on this path.
import { PTE_NONE, Process, pteSwapSlot } from './Process.ts';
import type { GuestOs } from './GuestOs.ts';
import { FLAG_DIRTY } from './pageState.ts';

/** Makes process p's mapping `pages` long (at least 1), unmapping what a shrink drops. */
export function resizeMapping(os: GuestOs, p: Process, pages: number): void {
  if (pages < p.virtualPages) unmapTail(os, p, pages);
  p.resize(pages);
}

function unmapTail(os: GuestOs, p: Process, from: number): void {
  const mem = os.mem;
  const pte = p.pte;
  for (let v = from; v < pte.length; v++) {
    const e = pte[v];
    if (e >= 0) {
      mem.lruRemove(e);
      mem.giveFree(e);
      p.resident--;
    } else if (e !== PTE_NONE) {
      os.swap.release(pteSwapSlot(e));
      p.swapped--;
    }
  }
  // The root (top level) always stays; below it, tables past the new end cover nothing.
  for (let level = 1; level < p.levels; level++) {
    const table = p.tables[level - 1];
    for (let i = Process.tableCount(level, from); i < table.length; i++) {
      if (table[i] < 0) continue;
      mem.giveFree(table[i]);
      p.tablePages--;
    }
  }
}

/** Makes the workload's file data `pages` long, dropping the cached pages a truncate removes. */
export function resizeFiles(os: GuestOs, pages: number): void {
  const mem = os.mem;
  const old = os.fileMap;
  for (let fp = pages; fp < old.length; fp++) {
    const g = old[fp];
    if (g < 0) continue;
    if (mem.state[g] & FLAG_DIRTY) mem.dirtyCache--;
    mem.lruRemove(g);
    mem.giveFree(g);
  }
  const map = new Int32Array(pages).fill(-1);
  map.set(old.subarray(0, Math.min(pages, old.length)));
  os.fileMap = map;
}
