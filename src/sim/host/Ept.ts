// One VM's second-level page table (Intel EPT / AMD NPT): guest-physical page -> host frame.
// Leaf entries live in one Int32Array indexed by guest-physical page number; the table pages
// themselves are real host frames owned by the hypervisor, allocated when the VM is created
// (levels x ceil(pages / 512^k)), so a 2D walk can name the frame of every table it reads.
//
// Entry encoding: >= 0 present, frame number in bits 0-27 (2^28 frames: 1 TiB hosts) plus the
// read-only (28), accessed (29) and young (30) bits; -1 not present
// because never touched (or discarded: the next touch gets a zeroed frame), -2 ballooned,
// -3 held compressed in the host's compression cache, <= -16 swapped by the host to slot -16-e.
import { ChangeStamps } from '../ChangeStamps.ts';
import { ENTRIES_PER_TABLE } from '../units.ts';
import { HostFrames, OWNER_HYPERVISOR } from './HostFrames.ts';

export const EPT_UNTOUCHED = -1;
export const EPT_BALLOONED = -2;
export const EPT_COMPRESSED = -3;
const EPT_SWAP_BASE = -16;
export const EPT_ACCESSED = 1 << 29;
/** Software bit: the host's LRU clock harvested (cleared) this entry's accessed bit since idle
 * sampling last cleared it, so the sampler still counts the access (Linux keeps PG_young for the
 * same reason: page_referenced and idle page tracking share one hardware bit). */
export const EPT_YOUNG = 1 << 30;
/** Write permission removed: the entry maps a shared copy-on-write frame; a write exits. */
export const EPT_READONLY = 1 << 28;
/** Bits 0-27: the host frame number (HostFrames.MAX_HOST_FRAMES frames). */
export const EPT_FRAME_MASK = (1 << 28) - 1;

export const eptFrame = (e: number): number => e & EPT_FRAME_MASK;
export const eptIsSwapped = (e: number): boolean => e <= EPT_SWAP_BASE;
export const eptSwapSlot = (e: number): number => EPT_SWAP_BASE - e;
export const eptForSwapSlot = (slot: number): number => EPT_SWAP_BASE - slot;

/** Told when the host resets what it can observe of a page's use: its accessed bit cleared, or
 * the page taken away (host swap, compression). Not hardware: the model's truth behind the
 * sampled touches (guest/workingSet.ts) answers with the program's next real reference. */
export interface ReferenceResetListener {
  referenceReset(gpfn: number): void;
}

/** Coarse category of an entry, for counters and the host's view. */
export const enum EptKind {
  Present = 0,
  Untouched = 1,
  Ballooned = 2,
  Compressed = 3,
  Swapped = 4,
}

export function eptKind(e: number): EptKind {
  if (e >= 0) return EptKind.Present;
  if (e === EPT_UNTOUCHED) return EptKind.Untouched;
  if (e === EPT_BALLOONED) return EptKind.Ballooned;
  if (e === EPT_COMPRESSED) return EptKind.Compressed;
  return EptKind.Swapped;
}

export class Ept {
  readonly entries: Int32Array;
  /** Entries that changed (other than their accessed bit), for incremental rendering. */
  readonly changes: ChangeStamps;
  /** Host frames of the table pages, per level: tableFrames[0] = leaf tables ... [levels-1] = root. */
  readonly tableFrames: Int32Array[];
  readonly levels: number;
  /** Entries of each EptKind, kept incrementally. */
  readonly counts = new Float64Array(5);
  /** Present entries that map a shared (copy-on-write) frame. */
  sharedMapped = 0;
  /** Bumped whenever a present mapping is removed or changed (an INVEPT would be needed). */
  epoch = 0;
  /** The guest's working-set truth, told of every reset (see ReferenceResetListener). */
  resetListener: ReferenceResetListener | null = null;

  constructor(pages: number, levels: number, host: HostFrames) {
    this.entries = new Int32Array(pages).fill(EPT_UNTOUCHED);
    this.changes = new ChangeStamps(pages);
    this.counts[EptKind.Untouched] = pages;
    this.levels = levels;
    this.tableFrames = [];
    let tables = pages;
    for (let level = 1; level <= levels; level++) {
      tables = Math.max(1, Math.ceil(tables / ENTRIES_PER_TABLE));
      const frames = new Int32Array(tables);
      for (let t = 0; t < tables; t++) {
        const f = host.allocate(OWNER_HYPERVISOR);
        if (f < 0) throw new RangeError('host has no free frame for the EPT');
        frames[t] = f;
      }
      this.tableFrames.push(frames);
    }
  }

  get pages(): number {
    return this.entries.length;
  }
  get present(): number {
    return this.counts[EptKind.Present];
  }

  /** Replaces the entry of guest-physical page gpfn, keeping the counters. */
  set(gpfn: number, entry: number): void {
    const old = this.entries[gpfn];
    const oldKind = eptKind(old);
    if (oldKind === EptKind.Present && (entry < 0 || eptFrame(entry) !== eptFrame(old))) this.epoch++;
    this.counts[oldKind]--;
    this.counts[eptKind(entry)]++;
    this.entries[gpfn] = entry;
    this.changes.mark(gpfn);
  }

  /** Clears the accessed bit of a present entry (idle sampling, the host LRU clock). `young`
   * keeps a harvested access visible to idle sampling (EPT_YOUNG); the sampler clears both. */
  clearAccessed(gpfn: number, young: boolean): void {
    const e = this.entries[gpfn];
    if (e < 0) return;
    if (!young) this.entries[gpfn] = e & ~(EPT_ACCESSED | EPT_YOUNG);
    else if (e & EPT_ACCESSED) this.entries[gpfn] = (e & ~EPT_ACCESSED) | EPT_YOUNG;
    this.resetListener?.referenceReset(gpfn);
  }

  /** Removes write permission (the page now maps a shared frame); cached translations are stale. */
  writeProtect(gpfn: number): void {
    this.entries[gpfn] |= EPT_READONLY;
    this.changes.mark(gpfn);
    this.epoch++;
  }

  /** Host frame of the table at `level` (1 = leaf) that holds the entry for gpfn. */
  tableFrameFor(level: number, gpfn: number): number {
    return this.tableFrames[level - 1][Math.floor(gpfn / ENTRIES_PER_TABLE ** level)];
  }

  /** Frees the table pages (VM removed). */
  releaseTables(host: HostFrames): void {
    for (const frames of this.tableFrames) for (const f of frames) host.release(f);
  }

  get heapBytes(): number {
    return this.entries.byteLength + this.changes.heapBytes + this.tableFrames.reduce((s, t) => s + t.byteLength, 0);
  }
}
