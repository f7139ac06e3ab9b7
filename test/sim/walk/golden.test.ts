// Golden walks for every combination of the walk toggles (paging levels, guest and host page
// sizes, TLB, page walk cache, nested TLB): the simulator's real walk, cold and repeated, has
// the reference's count and the planned sequence of entries, step by step; and the headline
// counts the lesson quotes (24, 35, 19, 15, 14, 8 cold; 6, 4, 1, 0 repeated).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/sim/Simulation.ts';
import { PAGE_SIZES } from '../../../src/sim/walk/pageSizes.ts';
import { translate } from '../../../src/sim/walk/translate.ts';
import { WalkCaches } from '../../../src/sim/walk/WalkCaches.ts';
import {
  coldReferenceCount,
  DEFAULT_WALK_SETTINGS,
  plannedReferences,
  plannedWalk,
  type WalkSettings,
} from '../../../src/sim/walk/walkPlan.ts';
import type { Walk } from '../../../src/sim/walk/walkTypes.ts';
import { addressOf, APP_PID, quietVm } from './walkFixtures.ts';

const ADDRESS = addressOf(5, 0x123);
const CACHE_SETS = [
  { tlb: false, pageWalkCache: false, nestedTlb: false },
  { tlb: true, pageWalkCache: false, nestedTlb: false },
  { tlb: false, pageWalkCache: true, nestedTlb: false },
  { tlb: false, pageWalkCache: false, nestedTlb: true },
  { tlb: false, pageWalkCache: true, nestedTlb: true },
  { tlb: true, pageWalkCache: true, nestedTlb: true },
];
const COMBINATIONS: WalkSettings[] = [4, 5].flatMap((levels) =>
  PAGE_SIZES.flatMap((guestPageSize) =>
    PAGE_SIZES.flatMap((hostPageSize) =>
      CACHE_SETS.map((c) => ({ guestLevels: levels, eptLevels: levels, guestPageSize, hostPageSize, ...c })),
    ),
  ),
);

const sims = new Map<number, Simulation>();
beforeAll(() => {
  for (const levels of [4, 5]) sims.set(levels, quietVm({ eptLevels: levels }, { pageTableLevels: levels }));
});

/** The cold and the repeated walk of ADDRESS with these settings. */
function walksWith(s: WalkSettings): [Walk, Walk] {
  const sim = sims.get(s.guestLevels)!;
  const caches = new WalkCaches({ tlbEntries: s.tlb ? 64 : 0, pageWalkCache: s.pageWalkCache, nestedTlb: s.nestedTlb });
  const options = { caches, guestPageSize: s.guestPageSize, hostPageSize: s.hostPageSize };
  return [translate(sim, 0, APP_PID, ADDRESS, options), translate(sim, 0, APP_PID, ADDRESS, options)];
}

const shape = (w: Walk) =>
  w.steps.map((st) => ({ dimension: st.dimension, level: st.level, nestedWalkFor: st.nestedWalkFor, servedBy: st.servedBy }));
const name = (s: WalkSettings) =>
  `${s.guestLevels}-level, guest ${s.guestPageSize}, host ${s.hostPageSize}` +
  `${s.tlb ? ', TLB' : ''}${s.pageWalkCache ? ', PWC' : ''}${s.nestedTlb ? ', nested TLB' : ''}`;

describe('golden walks: every combination of the toggles', () => {
  it.each(COMBINATIONS.map((s) => [name(s), s] as const))('%s', (_label, s) => {
    const [cold, repeated] = walksWith(s);
    expect(cold.outcome.kind).toBe('translated');
    expect(cold.guestPageSize).toBe(s.guestPageSize);
    expect(cold.hostPageSize).toBe(s.hostPageSize);
    expect(cold.memoryReferences).toBe(coldReferenceCount(s));
    expect(shape(cold)).toEqual(plannedWalk(s, false));
    expect(shape(repeated)).toEqual(plannedWalk(s, true));
    expect(repeated.memoryReferences).toBe(plannedReferences(s).repeated);
    expect(repeated.outcome).toEqual(cold.outcome);
  });
});

describe('the counts the lesson quotes', () => {
  const at = (changes: Partial<WalkSettings>) => plannedReferences({ ...DEFAULT_WALK_SETTINGS, ...changes });
  it.each([
    ['4-level guest on a 4-level EPT', {}, 24],
    ['5-level on 5-level (LA57)', { guestLevels: 5, eptLevels: 5 }, 35],
    ['host 2 MiB pages (4 x 3)', { hostPageSize: '2 MiB' }, 19],
    ['guest and host 2 MiB pages (3 x 3)', { guestPageSize: '2 MiB', hostPageSize: '2 MiB' }, 15],
    ['host 1 GiB pages (4 x 2)', { hostPageSize: '1 GiB' }, 14],
    ['guest 1 GiB pages (2 x 4)', { guestPageSize: '1 GiB' }, 14],
    ['guest and host 1 GiB pages (2 x 2)', { guestPageSize: '1 GiB', hostPageSize: '1 GiB' }, 8],
  ] as const)('cold, %s: %i references', (_label, changes, refs) => {
    expect(at(changes).cold).toBe(refs);
    expect(walksWith({ ...DEFAULT_WALK_SETTINGS, ...changes })[0].memoryReferences).toBe(refs);
  });

  it.each([
    ['no caches', {}, 24],
    ['page walk cache: the leaf of each of the 5 nested walks and the guest PTE', { pageWalkCache: true }, 6],
    ['nested TLB (perfect: it holds every guest-physical page of the walk): the native 4', { nestedTlb: true }, 4],
    ['page walk cache and nested TLB: the guest PTE', { pageWalkCache: true, nestedTlb: true }, 1],
    ['TLB: nothing', { tlb: true }, 0],
  ] as const)('repeated, %s: %i references', (_label, changes, refs) => {
    expect(at(changes).repeated).toBe(refs);
    expect(walksWith({ ...DEFAULT_WALK_SETTINGS, ...changes })[1].memoryReferences).toBe(refs);
  });
});
