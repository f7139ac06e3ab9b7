// A guest process: its virtual pages and its real multi-level page table. Leaf entries (PTEs)
// are one Int32 per virtual page: >= 0 the guest-physical page, -1 never touched, <= -2 on the
// guest's swap device in slot -2-e. The table pages of every level are guest-physical pages
// of kind PageTable, allocated when a 2 MiB region is first touched, exactly as a kernel
// builds its page tables; tables[level-1][i] is the guest-physical page of table i at that level.
//
// Layout: the process's memory is one mapping starting at VA_BASE, 512 GiB aligned, so virtual
// page v has guest-virtual address VA_BASE + v * 4096. The mapping can grow or shrink at its
// end (resize: the arrays follow; the guest OS first unmaps what a shrink drops).
import { ENTRIES_PER_TABLE, PAGE_SIZE_BYTES } from '../units.ts';

export const PTE_NONE = -1;
const PTE_SWAP_BASE = -2;
export const pteIsSwapped = (e: number): boolean => e <= PTE_SWAP_BASE;
export const pteSwapSlot = (e: number): number => PTE_SWAP_BASE - e;
export const pteForSwapSlot = (slot: number): number => PTE_SWAP_BASE - slot;

/** Guest-virtual base of every process's mapping: PML4 index 254 (0x7f00_0000_0000). */
export const VA_BASE = 0x7f0000000000;
/** Virtual pages a process may have (its footprint is at most 64 GiB: anonRmap keeps 24 bits). */
export const MAX_VIRTUAL_PAGES = 1 << 24;
/** Virtual page number of VA_BASE. */
export const VA_BASE_PAGE = VA_BASE / PAGE_SIZE_BYTES;

export class Process {
  readonly pid: number;
  readonly name: string;
  pte: Int32Array;
  readonly levels: number;
  /** Guest-physical page of each table, per level (index 0 = leaf tables); -1 = not yet built. */
  readonly tables: Int32Array[];
  /** Virtual pages currently resident (mapped to a guest-physical page). */
  resident = 0;
  /** Virtual pages currently on the guest swap device. */
  swapped = 0;
  /** Table pages allocated. */
  tablePages = 0;
  alive = true;

  constructor(pid: number, name: string, virtualPages: number, levels: number) {
    this.pid = pid;
    this.name = name;
    this.levels = levels;
    this.pte = new Int32Array(virtualPages).fill(PTE_NONE);
    this.tables = [];
    for (let level = 1; level <= levels; level++) this.tables.push(new Int32Array(Process.tableCount(level, virtualPages)).fill(-1));
  }

  /** Tables at `level` that a mapping of `virtualPages` pages spans. */
  static tableCount(level: number, virtualPages: number): number {
    const per = ENTRIES_PER_TABLE ** level;
    return Math.floor((VA_BASE_PAGE + virtualPages - 1) / per) - Math.floor(VA_BASE_PAGE / per) + 1;
  }

  get virtualPages(): number {
    return this.pte.length;
  }

  /** Makes the mapping `virtualPages` long: new pages are untouched and new table slots unbuilt.
   * Before a shrink the caller has unmapped the dropped pages and freed the dropped tables. */
  resize(virtualPages: number): void {
    const pte = new Int32Array(virtualPages).fill(PTE_NONE);
    pte.set(this.pte.subarray(0, Math.min(virtualPages, this.pte.length)));
    this.pte = pte;
    for (let level = 1; level <= this.levels; level++) {
      const old = this.tables[level - 1];
      const table = new Int32Array(Process.tableCount(level, virtualPages)).fill(-1);
      table.set(old.subarray(0, Math.min(table.length, old.length)));
      this.tables[level - 1] = table;
    }
  }

  /** Index into tables[level-1] of the table that maps virtual page v (which may lie outside
   * the mapping when the 2D walk inspects an arbitrary address). Inside it, VA_BASE being 512 GiB
   * aligned (a multiple of 512^3 pages) and v < 2^24 make this a shift for levels 1-3 and 0
   * above: the hot path of every touch. */
  tableSlot(level: number, v: number): number {
    if (v >= 0 && v < MAX_VIRTUAL_PAGES) return level <= 3 ? v >>> (9 * level) : 0;
    const per = ENTRIES_PER_TABLE ** level;
    return Math.floor((VA_BASE_PAGE + v) / per) - Math.floor(VA_BASE_PAGE / per);
  }

  /** Table identity stored in the reverse map of a page-table page. */
  static tableRmap(pid: number, level: number, slot: number): number {
    return (pid << 24) | (level << 20) | slot;
  }
  static tableRmapDecode(rmap: number): { pid: number; level: number; slot: number } {
    return { pid: rmap >>> 24, level: (rmap >>> 20) & 0xf, slot: rmap & 0xfffff };
  }

  get heapBytes(): number {
    return this.pte.byteLength + this.tables.reduce((s, t) => s + t.byteLength, 0);
  }
}

/** Reverse-map word of an anonymous page: owning process and virtual page. */
export const anonRmap = (pid: number, vpage: number): number => (pid << 24) | vpage;
export const anonRmapPid = (rmap: number): number => rmap >>> 24;
export const anonRmapVpage = (rmap: number): number => rmap & 0xffffff;
