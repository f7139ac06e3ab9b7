// The translation-cost model: for memory-intensive workloads on the simulator's default caches
// the page walk cache speeds accesses up by 15-38% and the nested TLB by 3-7% more (Bhargava et
// al., ASPLOS 2008; reference §5.1); a working set inside the TLB's reach costs nothing; large
// pages and fewer levels cost less; the figures follow the walk plan's reference counts.
import fc from 'fast-check';
import { properties } from '../../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { MEMORY_REFERENCE_NS, speedup, translationCost, type TranslationCostInput } from '../../../src/sim/walk/translationCost.ts';
import { DEFAULT_WALK_SETTINGS, type WalkSettings } from '../../../src/sim/walk/walkPlan.ts';

const cost = (workingSetMiB: number, footprintMiB: number, machine: Partial<WalkSettings> = {}, tlbEntries = 64) =>
  translationCost({ workingSetMiB, footprintMiB, tlbEntries, machine: { ...DEFAULT_WALK_SETTINGS, ...machine } });

describe('translation cost of a memory-intensive workload (Bhargava et al. 2008)', () => {
  it.each([
    [64, 256],
    [256, 1024],
    [1024, 4096],
    [4096, 8192],
  ])('working set %i MiB, footprint %i MiB', (ws, fp) => {
    const none = cost(ws, fp);
    const pwc = cost(ws, fp, { pageWalkCache: true });
    const both = cost(ws, fp, { pageWalkCache: true, nestedTlb: true });
    expect(none.referencesPerWalk).toBe(24);
    expect(speedup(none, pwc)).toBeGreaterThanOrEqual(0.15);
    expect(speedup(none, pwc)).toBeLessThanOrEqual(0.38);
    expect(speedup(pwc, both)).toBeGreaterThanOrEqual(0.03);
    expect(speedup(pwc, both)).toBeLessThanOrEqual(0.07);
    // Host large pages shorten the walks that still miss: a few percent more.
    expect(speedup(both, cost(ws, fp, { pageWalkCache: true, nestedTlb: true, hostPageSize: '2 MiB' }))).toBeGreaterThan(0.02);
  });
});

describe('the model', () => {
  it("costs nothing when the working set fits in the TLB's reach", () => {
    const c = cost(0.25, 0.25); // 64 pages, 64 entries
    expect(c.tlbMissesPerAccess).toBe(0);
    expect(c.translationNsPerAccess).toBe(0);
    expect(c.slowdown).toBe(1);
  });

  it('charges MEMORY_REFERENCE_NS per reference of each TLB miss', () => {
    // A working set 4096 times the TLB's reach: nearly every page visit misses, once.
    const c = cost(1024, 1024);
    expect(c.tlbMissesPerAccess).toBeCloseTo(1 / 64, 5);
    expect(c.translationNsPerAccess).toBeCloseTo((24 * MEMORY_REFERENCE_NS) / 64, 1);
    // With no TLB at all, every access walks.
    expect(cost(1024, 1024, {}, 0).tlbMissesPerAccess).toBe(1);
    expect(cost(1024, 1024, {}, 0).slowdown).toBe(25);
    expect(cost(1024, 1024, { guestLevels: 5, eptLevels: 5 }, 0).referencesPerWalk).toBe(35);
    expect(cost(1024, 1024, { guestPageSize: '2 MiB', hostPageSize: '2 MiB' }, 0).referencesPerWalk).toBe(15);
  });

  it("large pages extend the TLB's reach, at the smaller of the two page sizes", () => {
    expect(cost(100, 100, { hostPageSize: '2 MiB' }).tlbMissesPerAccess).toBe(cost(100, 100).tlbMissesPerAccess);
    expect(cost(100, 100, { guestPageSize: '2 MiB', hostPageSize: '2 MiB' }).tlbMissesPerAccess).toBe(0);
  });

  it('never gets slower by adding a cache, a larger page or fewer levels (property)', () => {
    const sizes = ['4 KiB', '2 MiB', '1 GiB'] as const;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 65536, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.integer({ min: 0, max: 4096 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...sizes),
        fc.constantFrom(...sizes),
        fc.constantFrom(4, 5),
        (ws, ratio, tlbEntries, pageWalkCache, nestedTlb, guestPageSize, hostPageSize, levels) => {
          const input = (m: Partial<WalkSettings>): TranslationCostInput => ({
            workingSetMiB: ws,
            footprintMiB: ws * ratio,
            tlbEntries,
            machine: {
              ...DEFAULT_WALK_SETTINGS,
              pageWalkCache,
              nestedTlb,
              guestPageSize,
              hostPageSize,
              guestLevels: levels,
              eptLevels: levels,
              ...m,
            },
          });
          const base = translationCost(input({})).slowdown;
          expect(base).toBeGreaterThanOrEqual(1);
          for (const better of [{ pageWalkCache: true }, { nestedTlb: true }, { guestLevels: 4, eptLevels: 4 }]) {
            expect(translationCost(input(better)).slowdown).toBeLessThanOrEqual(base + 1e-9);
          }
        },
      ),
      properties(300, 1234),
    );
  });
});
