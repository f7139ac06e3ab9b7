// The complete two-dimensional walk of one guest-virtual address with no caches, in hardware
// order: for each guest level from the root (CR3), the guest table page's guest-physical
// address is walked through the EPT, then the guest entry is read from the host frame found;
// finally the data's guest-physical address gets its own EPT walk. It stops at the first entry
// that is not present, as hardware does. It only reads the simulation.
import type { Process } from '../guest/Process.ts';
import { PTE_NONE, pteIsSwapped, pteSwapSlot, VA_BASE_PAGE } from '../guest/Process.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { entryAddress, guestTableName, hex, indexBitsText, pageOffset, PAGE_OFFSET_BITS, virtualIndex } from './addressBits.ts';
import { eptNotPresentReason, hostSwapSlotOf, walkNested, type NestedContext, type NestedWalk } from './nestedWalk.ts';
import { eptViolation, guestPageFault, translated } from './outcomes.ts';
import type { FoundEntry, WalkOutcome, WalkStep } from './walkTypes.ts';

export interface ColdWalk {
  steps: WalkStep[];
  /** Nested walks of the guest table pages, root first. */
  tableWalks: NestedWalk[];
  /** Nested walk of the data page, or null if the walk stopped before it. */
  dataWalk: NestedWalk | null;
  outcome: WalkOutcome;
}

/** Guest-physical page of the process's table at `level` covering virtual page v, or -1. */
function guestTablePage(p: Process, level: number, v: number): number {
  const table = p.tables[level - 1];
  const slot = p.tableSlot(level, v);
  return slot >= 0 && slot < table.length ? table[slot] : -1;
}

/** The process's leaf entry (PTE) for virtual page v; PTE_NONE outside its mapping. */
const leafEntry = (p: Process, v: number): number => (v >= 0 && v < p.virtualPages ? p.pte[v] : PTE_NONE);

function guestFound(level: number, entry: number): FoundEntry {
  if (entry >= 0) return level > 1 ? { kind: 'next-guest-table', guestPhysicalPage: entry } : { kind: 'guest-page', guestPhysicalPage: entry };
  return { kind: 'not-present', reason: pteIsSwapped(entry) ? 'guest-swapped' : 'never-touched' };
}

function describeGuest(level: number, index: number, entry: number): string {
  const head = `${guestTableName(level)}: entry ${index}`;
  if (entry >= 0) {
    const target = level > 1 ? guestTableName(level - 1) : 'the data page';
    return `${head} -> ${target} at guest-physical ${hex(entry * PAGE_SIZE_BYTES)}`;
  }
  return pteIsSwapped(entry) ? `${head} not present (on guest swap, slot ${pteSwapSlot(entry)})` : `${head} not present (never touched)`;
}

/** How the access to the data ends once its nested walk is done. */
function dataOutcome(dataWalk: NestedWalk, dataAddress: number, write: boolean): WalkOutcome {
  const { hostFrame, leafEntry } = dataWalk;
  if (hostFrame < 0) return eptViolation(eptNotPresentReason(leafEntry), dataAddress, 'data', hostSwapSlotOf(leafEntry));
  if (write && dataWalk.shared) return eptViolation('copy-on-write', dataAddress, 'data', null);
  return translated(dataAddress, hostFrame, hostFrame * PAGE_SIZE_BYTES + pageOffset(dataAddress), dataWalk.largePage);
}

/** Walks guestVirtualAddress of process p (a running process with a root table). */
export function walkTwoDimensional(ctx: NestedContext, p: Process, guestVirtualAddress: bigint, write: boolean): ColdWalk {
  const steps: WalkStep[] = [];
  const tableWalks: NestedWalk[] = [];
  const v = Number(guestVirtualAddress >> BigInt(PAGE_OFFSET_BITS)) - VA_BASE_PAGE;
  let page = p.tables[p.levels - 1][0];
  for (let level = p.levels; level >= 1; level--) {
    const tableAddress = page * PAGE_SIZE_BYTES;
    const nested = walkNested(ctx, tableAddress, guestTableName(level), steps);
    tableWalks.push(nested);
    if (nested.hostFrame < 0) {
      const outcome = eptViolation(eptNotPresentReason(nested.leafEntry), tableAddress, 'guest page table', hostSwapSlotOf(nested.leafEntry));
      return { steps, tableWalks, dataWalk: null, outcome };
    }
    const index = virtualIndex(guestVirtualAddress, level);
    const entry = level > 1 ? guestTablePage(p, level - 1, v) : leafEntry(p, v);
    steps.push({
      step: steps.length + 1,
      servedBy: 'memory',
      dimension: 'guest',
      table: guestTableName(level),
      level,
      index,
      indexBits: `guest-virtual bits ${indexBitsText(level)}`,
      indexFrom: { space: 'guest virtual', address: hex(guestVirtualAddress) },
      nestedWalkFor: null,
      entryGuestPhysicalAddress: hex(entryAddress(page, index)),
      entryHostPhysicalAddress: hex(entryAddress(nested.hostFrame, index)),
      tableGuestPage: page,
      tableHostFrame: nested.hostFrame,
      found: guestFound(level, entry),
      description: describeGuest(level, index, entry),
    });
    if (entry < 0) {
      const outside = v < 0 || v >= p.virtualPages;
      const cause = outside ? 'outside-mapping' : pteIsSwapped(entry) ? 'guest-swapped' : 'never-touched';
      const slot = cause === 'guest-swapped' ? pteSwapSlot(entry) : null;
      return { steps, tableWalks, dataWalk: null, outcome: guestPageFault(cause, level, slot) };
    }
    page = entry;
  }
  const dataAddress = page * PAGE_SIZE_BYTES + pageOffset(guestVirtualAddress);
  const dataWalk = walkNested(ctx, dataAddress, 'data', steps);
  return { steps, tableWalks, dataWalk, outcome: dataOutcome(dataWalk, dataAddress, write) };
}

/** The EPT-only walk of one guest-physical address (a page clicked in a guest-physical map). */
export function walkGuestPhysical(ctx: NestedContext, guestPhysicalAddress: number, write: boolean): ColdWalk {
  const steps: WalkStep[] = [];
  const dataWalk = walkNested(ctx, guestPhysicalAddress, 'data', steps);
  return { steps, tableWalks: [], dataWalk, outcome: dataOutcome(dataWalk, guestPhysicalAddress, write) };
}
