// The nested (EPT) dimension: the walk of one guest-physical address through a VM's EPT, from
// the root (named by the EPT pointer) to the leaf entry, appending one step per entry read.
// With host large pages, a guest-physical region mapped by one 2 MiB (EPT PD) or 1 GiB (EPT
// PDPT) entry ends the walk one or two levels early (largePages.ts says when a region can be).
import { eptFrame, eptIsSwapped, eptSwapSlot, EPT_ACCESSED, EPT_BALLOONED, EPT_COMPRESSED, type Ept } from '../host/Ept.ts';
import type { HostFrames } from '../host/HostFrames.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { entryAddress, eptTableName, hex, indexBitsText, physicalIndex } from './addressBits.ts';
import { hostPageSizeFor, type RegionMemo } from './largePages.ts';
import { leafLevelOf, type PageSize } from './pageSizes.ts';
import type { EptNotPresentReason, FoundEntry, WalkStep } from './walkTypes.ts';

/** What a walk reads from: one VM's EPT and the host's frames. */
export interface NestedContext {
  ept: Ept;
  frames: HostFrames;
  /** The largest host page the hypervisor uses ('4 KiB' = no host large pages). */
  hostPageSize: PageSize;
  /** Region checks already made in this walk. */
  regionMemo: RegionMemo;
}

/** One nested walk within a walk's steps. */
export interface NestedWalk {
  guestPhysicalPage: number;
  /** Index in the steps array of its first EPT step. */
  firstStep: number;
  stepCount: number;
  /** The leaf EPT entry as stored (>= 0 present). */
  leafEntry: number;
  /** Host frame of the page, or -1 if the leaf entry is not present. */
  hostFrame: number;
  shared: boolean;
  /** The host page that maps it: '2 MiB' ended the walk at the EPT PD, '1 GiB' at the EPT PDPT. */
  pageSize: PageSize;
}

/** Why an EPT leaf entry is not present, from its encoding (src/sim/host/Ept.ts). */
export function eptNotPresentReason(entry: number): EptNotPresentReason {
  if (entry === EPT_BALLOONED) return 'ballooned';
  if (entry === EPT_COMPRESSED) return 'compressed';
  if (eptIsSwapped(entry)) return 'host-swapped';
  return 'never-touched';
}

/** Host swap slot of a host-swapped entry, else null. */
export const hostSwapSlotOf = (entry: number): number | null => (eptIsSwapped(entry) ? eptSwapSlot(entry) : null);

/** The entries an EPT step can find. */
type EptFound = Extract<FoundEntry, { kind: 'next-ept-table' | 'host-frame' | 'not-present' }>;

function leafFound(ctx: NestedContext, entry: number, pageSize: PageSize): EptFound {
  if (entry < 0) return { kind: 'not-present', reason: eptNotPresentReason(entry) };
  const hostFrame = eptFrame(entry);
  return {
    kind: 'host-frame',
    hostFrame,
    largePage: pageSize !== '4 KiB',
    pageSize,
    shared: ctx.frames.isShared(hostFrame),
    accessed: (entry & EPT_ACCESSED) !== 0,
  };
}

function describe(level: number, index: number, found: EptFound): string {
  if (found.kind === 'next-ept-table') {
    return `entry ${index} -> ${eptTableName(level - 1)} at host-physical ${hex(found.hostFrame * PAGE_SIZE_BYTES)}`;
  }
  if (found.kind === 'host-frame') {
    return (
      `entry ${index} -> host frame at host-physical ${hex(found.hostFrame * PAGE_SIZE_BYTES)}` +
      `${found.largePage ? ` (${found.pageSize} host large page)` : ''}${found.shared ? ' (shared copy-on-write, read-only)' : ''}`
    );
  }
  return `entry ${index} not present (${found.reason})`;
}

/** Walks guestPhysicalAddress through the EPT, appending its steps; `nestedWalkFor` names the
 * page being translated ("guest PML4", "data"). */
export function walkNested(ctx: NestedContext, guestPhysicalAddress: number, nestedWalkFor: string, steps: WalkStep[]): NestedWalk {
  const { ept } = ctx;
  const gpfn = Math.floor(guestPhysicalAddress / PAGE_SIZE_BYTES);
  const pageSize = hostPageSizeFor(ept, ctx.frames, gpfn, ctx.hostPageSize, ctx.regionMemo);
  const leafLevel = leafLevelOf(pageSize);
  const firstStep = steps.length;
  const leafEntry = ept.entries[gpfn];
  for (let level = ept.levels; level >= leafLevel; level--) {
    const tableHostFrame = ept.tableFrameFor(level, gpfn);
    const index = physicalIndex(gpfn, level);
    const found: EptFound =
      level > leafLevel ? { kind: 'next-ept-table', hostFrame: ept.tableFrameFor(level - 1, gpfn) } : leafFound(ctx, leafEntry, pageSize);
    steps.push({
      step: steps.length + 1,
      servedBy: 'memory',
      dimension: 'ept',
      table: eptTableName(level),
      level,
      index,
      indexBits: `guest-physical bits ${indexBitsText(level)}`,
      indexFrom: { space: 'guest physical', address: hex(guestPhysicalAddress) },
      nestedWalkFor,
      entryGuestPhysicalAddress: null,
      entryHostPhysicalAddress: hex(entryAddress(tableHostFrame, index)),
      tableGuestPage: null,
      tableHostFrame,
      found,
      description: `${eptTableName(level)}: ${describe(level, index, found)}`,
    });
  }
  const hostFrame = leafEntry >= 0 ? eptFrame(leafEntry) : -1;
  return {
    guestPhysicalPage: gpfn,
    firstStep,
    stepCount: steps.length - firstStep,
    leafEntry,
    hostFrame,
    shared: hostFrame >= 0 && ctx.frames.isShared(hostFrame),
    pageSize,
  };
}
