// The idle-memory estimator (W02 §5.3) on controlled access patterns: accessed bits of n = 100
// random guest-physical pages are cleared at each period start and counted at its end; the
// estimate is the max of a slow average, a fast average and the fast average with the counts of
// the period in progress, so it rises fast and falls slowly.
import { describe, expect, it } from 'vitest';
import { EPT_ACCESSED, EPT_UNTOUCHED, Ept } from '../../../src/sim/host/Ept.ts';
import { HostFrames } from '../../../src/sim/host/HostFrames.ts';
import { FAST_GAIN, IdleSampler, SAMPLE_PAGES, SLOW_GAIN } from '../../../src/sim/policy/esx/idleSampler.ts';
import { Rng } from '../../../src/sim/rng.ts';

const PAGES = 20000;
const PERIOD_MS = 30000;
const TICK_MS = 1000;

function setup(): { ept: Ept; sampler: IdleSampler } {
  const ept = new Ept(PAGES, 4, new HostFrames(PAGES + 64));
  for (let g = 0; g < PAGES; g++) ept.set(g, g);
  return { ept, sampler: new IdleSampler(ept, new Rng(5), PERIOD_MS) };
}

/** The guest touches its first `fraction` of pages every tick, for `periods` sample periods. */
function touch(ept: Ept, sampler: IdleSampler, fraction: number, periods: number): void {
  const active = Math.round(fraction * PAGES);
  for (let t = 0; t < (periods * PERIOD_MS) / TICK_MS; t++) {
    for (let g = 0; g < active; g++) ept.entries[g] |= EPT_ACCESSED;
    sampler.step(TICK_MS);
  }
}

describe('idle sampling of EPT accessed bits', () => {
  it('samples n = 100 pages and clears their accessed bits at the period start', () => {
    const { ept, sampler } = setup();
    expect(sampler.sampled.length).toBe(SAMPLE_PAGES);
    for (let g = 0; g < PAGES; g++) ept.entries[g] |= EPT_ACCESSED;
    sampler.step(PERIOD_MS); // ends the first period and starts the next
    for (const g of sampler.sampled) expect(ept.entries[g] & EPT_ACCESSED).toBe(0);
    expect(sampler.touchedSoFar()).toBe(0);
  });

  it('estimates a steady 30% working set within sampling error', () => {
    const { ept, sampler } = setup();
    touch(ept, sampler, 0.3, 12);
    expect(sampler.periodsDone).toBe(12);
    // n = 100: one sample has a standard deviation of sqrt(0.3*0.7/100) = 0.046.
    expect(sampler.slow).toBeGreaterThan(0.2);
    expect(sampler.slow).toBeLessThan(0.4);
    expect(sampler.activeFraction).toBeGreaterThan(0.2);
    expect(sampler.activeFraction).toBeLessThan(0.5);
  });

  it('counts a page that was not present and is touched (it becomes present with the bit set)', () => {
    const { ept, sampler } = setup();
    for (const g of sampler.sampled) ept.set(g, EPT_UNTOUCHED);
    expect(sampler.touchedSoFar()).toBe(0);
    const g0 = sampler.sampled[0];
    ept.set(g0, 7 | EPT_ACCESSED);
    const expected = sampler.sampled.filter((g) => g === g0).length;
    expect(sampler.touchedSoFar()).toBe(expected);
  });

  it('rises quickly when the working set grows (fast average and the period in progress)', () => {
    const { ept, sampler } = setup();
    touch(ept, sampler, 0.1, 6);
    const before = sampler.activeFraction;
    expect(before).toBeLessThan(0.25);
    touch(ept, sampler, 0.6, 1);
    // Half a period into the next, the in-progress fast average already counts the new touches.
    for (let t = 0; t < PERIOD_MS / TICK_MS / 2; t++) {
      for (let g = 0; g < 0.6 * PAGES; g++) ept.entries[g] |= EPT_ACCESSED;
      sampler.step(TICK_MS);
    }
    expect(sampler.fastInProgress).toBeGreaterThan(sampler.fast);
    expect(sampler.activeFraction).toBeGreaterThan(0.4);
    expect(sampler.activeFraction).toBe(Math.max(sampler.slow, sampler.fast, sampler.fastInProgress));
  });

  it('falls slowly when the working set shrinks (slow average)', () => {
    const { ept, sampler } = setup();
    touch(ept, sampler, 0.6, 6);
    touch(ept, sampler, 0.1, 3);
    // Slow gain 0.1: after 3 periods the slow average has lost only 1 - 0.9^3 = 27% of the gap.
    expect(sampler.activeFraction).toBeGreaterThan(0.35);
    expect(sampler.fast).toBeLessThan(0.25);
    touch(ept, sampler, 0.1, 30);
    expect(sampler.activeFraction).toBeLessThan(0.2);
    expect(SLOW_GAIN).toBeLessThan(FAST_GAIN);
  });

  it("picks its pages with the simulation's seeded generator: same seed, same pages", () => {
    const a = setup().sampler;
    const b = setup().sampler;
    expect(Array.from(a.sampled)).toEqual(Array.from(b.sampled));
  });
});
