// The reference's model of a walk, without a simulation: the sequence of entries a walk reads
// for given paging levels, page sizes and caches, cold (caches empty) or repeated (the same
// page walked again, so every cache holds what the first walk put in it). The golden tests hold
// the simulator's real walks to it, and the walk toggles show its counts. Cold count:
// (n+1)(m+1)-1 with n guest levels read and m EPT levels read (reference §5.1).
import { twoDimensionalReferenceCount } from './addressBits.ts';
import { leafLevelOf, levelsRead, type PageSize } from './pageSizes.ts';
import type { ServedBy, WalkDimension } from './walkTypes.ts';

/** The hardware and hypervisor settings the walk toggles control. */
export interface WalkSettings {
  /** Guest paging levels (4, or 5 with LA57) and EPT levels (4 or 5). */
  guestLevels: number;
  eptLevels: number;
  /** Largest page the guest maps with, and the hypervisor backs the VM with. */
  guestPageSize: PageSize;
  hostPageSize: PageSize;
  tlb: boolean;
  pageWalkCache: boolean;
  nestedTlb: boolean;
}

export const DEFAULT_WALK_SETTINGS: WalkSettings = {
  guestLevels: 4,
  eptLevels: 4,
  guestPageSize: '4 KiB',
  hostPageSize: '4 KiB',
  tlb: false,
  pageWalkCache: false,
  nestedTlb: false,
};

export interface PlannedStep {
  dimension: WalkDimension;
  level: number;
  /** EPT steps: the guest table ("guest PML4") or "data" whose address they translate. */
  nestedWalkFor: string | null;
  servedBy: ServedBy;
}

const GUEST_TABLE = ['PT', 'PD', 'PDPT', 'PML4', 'PML5'];

/** One nested walk: EPT levels m down to the host page's leaf; on a repeated walk the nested TLB
 * answers all of it, else the page walk cache answers every entry above the leaf. */
function nestedSteps(s: WalkSettings, repeated: boolean, nestedWalkFor: string): PlannedStep[] {
  const leaf = leafLevelOf(s.hostPageSize);
  const steps: PlannedStep[] = [];
  for (let level = s.eptLevels; level >= leaf; level--) {
    const servedBy: ServedBy = !repeated
      ? 'memory'
      : s.nestedTlb
        ? 'nested TLB'
        : s.pageWalkCache && level > leaf
          ? 'page walk cache'
          : 'memory';
    steps.push({ dimension: 'ept', level, nestedWalkFor, servedBy });
  }
  return steps;
}

/** The entries a complete (translated) walk reads, in hardware order, and who served each. */
export function plannedWalk(s: WalkSettings, repeated: boolean): PlannedStep[] {
  const guestLeaf = leafLevelOf(s.guestPageSize);
  const steps: PlannedStep[] = [];
  for (let level = s.guestLevels; level >= guestLeaf; level--) {
    steps.push(...nestedSteps(s, repeated, `guest ${GUEST_TABLE[level - 1]}`));
    const servedBy: ServedBy = repeated && s.pageWalkCache && level > guestLeaf ? 'page walk cache' : 'memory';
    steps.push({ dimension: 'guest', level, nestedWalkFor: null, servedBy });
  }
  steps.push(...nestedSteps(s, repeated, 'data'));
  if (repeated && s.tlb) for (const step of steps) step.servedBy = 'TLB';
  return steps;
}

/** Memory references of a complete walk: cold, and repeated (caches warm for this page). */
export function plannedReferences(s: WalkSettings): { cold: number; repeated: number } {
  const count = (repeated: boolean) => plannedWalk(s, repeated).filter((st) => st.servedBy === 'memory').length;
  return { cold: count(false), repeated: count(true) };
}

/** The reference's formula for a cold walk with these levels and page sizes. */
export const coldReferenceCount = (s: WalkSettings): number =>
  twoDimensionalReferenceCount(levelsRead(s.guestLevels, s.guestPageSize), levelsRead(s.eptLevels, s.hostPageSize));
