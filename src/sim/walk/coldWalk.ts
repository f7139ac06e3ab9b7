// The complete two-dimensional walk of one guest-virtual address with no caches, in hardware
// order: for each guest level from the root (CR3), the guest table page's guest-physical
// address is walked through the EPT, then the guest entry is read from the host frame found;
// finally the data's guest-physical address gets its own EPT walk. It stops at the first entry
// that is not present, as hardware does, and at a guest large-page entry (PD or PDPT) when the
// guest maps the region with a large page. It only reads the simulation.
import type { Process } from '../guest/Process.ts';
import { PTE_NONE, pteIsSwapped, pteSwapSlot, VA_BASE_PAGE } from '../guest/Process.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { entryAddress, guestTableName, hex, indexBitsText, pageOffset, PAGE_OFFSET_BITS, virtualIndex } from './addressBits.ts';
import { guestPageSizeFor } from './largePages.ts';
import { eptNotPresentReason, hostSwapSlotOf, walkNested, type NestedContext, type NestedWalk } from './nestedWalk.ts';
import { eptViolation, guestPageFault, translated } from './outcomes.ts';
import { leafLevelOf, type PageSize } from './pageSizes.ts';
import type { FoundEntry, WalkOutcome, WalkStep } from './walkTypes.ts';

export interface ColdWalk {
  steps: WalkStep[];
  /** Nested walks of the guest table pages, root first. */
  tableWalks: NestedWalk[];
  /** Nested walk of the data page, or null if the walk stopped before it. */
  dataWalk: NestedWalk | null;
  /** The guest page size that mapped the data (null for an EPT-only walk). */
  guestPageSize: PageSize | null;
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

function guestFound(leaf: boolean, entry: number, pageSize: PageSize): FoundEntry {
  if (entry >= 0)
    return leaf ? { kind: 'guest-page', guestPhysicalPage: entry, pageSize } : { kind: 'next-guest-table', guestPhysicalPage: entry };
  return { kind: 'not-present', reason: pteIsSwapped(entry) ? 'guest-swapped' : 'never-touched' };
}

function describeGuest(level: number, leaf: boolean, index: number, entry: number, pageSize: PageSize): string {
  const head = `${guestTableName(level)}: entry ${index}`;
  if (entry >= 0) {
    if (!leaf) return `${head} -> ${guestTableName(level - 1)} at guest-physical ${hex(entry * PAGE_SIZE_BYTES)}`;
    const large = pageSize === '4 KiB' ? '' : ` (a ${pageSize} guest large page)`;
    return `${head} -> the data page at guest-physical ${hex(entry * PAGE_SIZE_BYTES)}${large}`;
  }
  return pteIsSwapped(entry) ? `${head} not present (on guest swap, slot ${pteSwapSlot(entry)})` : `${head} not present (never touched)`;
}

/** How the access to the data ends once its nested walk is done. */
function dataOutcome(dataWalk: NestedWalk, dataAddress: number, write: boolean, guestPageSize: PageSize | null): WalkOutcome {
  const { hostFrame, leafEntry } = dataWalk;
  if (hostFrame < 0) return eptViolation(eptNotPresentReason(leafEntry), dataAddress, 'data', hostSwapSlotOf(leafEntry));
  if (write && dataWalk.shared) return eptViolation('copy-on-write', dataAddress, 'data', null);
  const sizes = { guestPageSize, hostPageSize: dataWalk.pageSize };
  return translated(dataAddress, hostFrame, hostFrame * PAGE_SIZE_BYTES + pageOffset(dataAddress), sizes);
}

/** Walks guestVirtualAddress of process p (a running process with a root table); the guest maps
 * its memory with pages up to `largestGuestPage`. */
export function walkTwoDimensional(
  ctx: NestedContext,
  p: Process,
  guestVirtualAddress: bigint,
  write: boolean,
  largestGuestPage: PageSize,
): ColdWalk {
  const steps: WalkStep[] = [];
  const tableWalks: NestedWalk[] = [];
  const v = Number(guestVirtualAddress >> BigInt(PAGE_OFFSET_BITS)) - VA_BASE_PAGE;
  const guestPageSize = guestPageSizeFor(p, v, largestGuestPage, ctx.regionMemo);
  const leafLevel = leafLevelOf(guestPageSize);
  let page = p.tables[p.levels - 1][0];
  for (let level = p.levels; level >= leafLevel; level--) {
    const tableAddress = page * PAGE_SIZE_BYTES;
    const nested = walkNested(ctx, tableAddress, guestTableName(level), steps);
    tableWalks.push(nested);
    if (nested.hostFrame < 0) {
      const outcome = eptViolation(
        eptNotPresentReason(nested.leafEntry),
        tableAddress,
        'guest page table',
        hostSwapSlotOf(nested.leafEntry),
      );
      return { steps, tableWalks, dataWalk: null, guestPageSize, outcome };
    }
    const leaf = level === leafLevel;
    const index = virtualIndex(guestVirtualAddress, level);
    const entry = leaf ? leafEntry(p, v) : guestTablePage(p, level - 1, v);
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
      found: guestFound(leaf, entry, guestPageSize),
      description: describeGuest(level, leaf, index, entry, guestPageSize),
    });
    if (entry < 0) {
      const outside = v < 0 || v >= p.virtualPages;
      const cause = outside ? 'outside-mapping' : pteIsSwapped(entry) ? 'guest-swapped' : 'never-touched';
      const slot = cause === 'guest-swapped' ? pteSwapSlot(entry) : null;
      return { steps, tableWalks, dataWalk: null, guestPageSize, outcome: guestPageFault(cause, level, slot) };
    }
    page = entry;
  }
  const dataAddress = page * PAGE_SIZE_BYTES + pageOffset(guestVirtualAddress);
  const dataWalk = walkNested(ctx, dataAddress, 'data', steps);
  return { steps, tableWalks, dataWalk, guestPageSize, outcome: dataOutcome(dataWalk, dataAddress, write, guestPageSize) };
}

/** The EPT-only walk of one guest-physical address (a page clicked in a guest-physical map). */
export function walkGuestPhysical(ctx: NestedContext, guestPhysicalAddress: number, write: boolean): ColdWalk {
  const steps: WalkStep[] = [];
  const dataWalk = walkNested(ctx, guestPhysicalAddress, 'data', steps);
  return { steps, tableWalks: [], dataWalk, guestPageSize: null, outcome: dataOutcome(dataWalk, guestPhysicalAddress, write, null) };
}
