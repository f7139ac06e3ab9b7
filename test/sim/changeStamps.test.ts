// Change stamps (incremental rendering's record of what changed): every page marked since a
// reader's epoch lies in a reported run, runs are clipped to the range asked and never overlap,
// nothing is reported twice to the same reader, and the stamps stay out of the state hash.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { ChangeStamps } from '../../src/sim/ChangeStamps.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { stateHash } from '../../src/sim/stateHash.ts';
import { presetScenario } from '../worker/helpers.ts';

const runsOf = (c: ChangeStamps, since: number, lo: number, hi: number) => {
  const runs: [number, number][] = [];
  c.forEachChange(since, lo, hi, (a, b) => runs.push([a, b]));
  return runs;
};

describe('ChangeStamps', () => {
  it('reports every marked page within the range, in sorted, disjoint runs of whole blocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3000 })), { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (pages, marks, ranges, a, b) => {
          const c = new ChangeStamps(pages);
          const since = c.advance();
          const marked = new Set<number>();
          for (const m of marks) {
            c.mark(m % pages);
            marked.add(m % pages);
          }
          for (const [from, len] of ranges) {
            const f = from % pages;
            const t = Math.min(pages, f + len);
            c.markRange(f, t);
            for (let i = f; i < t; i++) marked.add(i);
          }
          const lo = Math.min(a % pages, b % pages);
          const hi = Math.max(a % pages, b % pages) + 1;
          const runs = runsOf(c, since, lo, hi);
          for (let i = 0; i < runs.length; i++) {
            const [from, to] = runs[i];
            expect(from).toBeGreaterThanOrEqual(lo);
            expect(to).toBeLessThanOrEqual(hi);
            expect(to).toBeGreaterThan(from);
            if (i > 0) expect(from).toBeGreaterThan(runs[i - 1][1] - 1);
            // A run holds no block without a mark: its first and last block each hold one.
            const hasMark = (x: number) => [...marked].some((m) => m >> 4 === x >> 4);
            expect(hasMark(from) && hasMark(to - 1)).toBe(true);
          }
          for (const m of marked) if (m >= lo && m < hi) expect(runs.some(([f, t]) => m >= f && m < t)).toBe(true);
          // After advancing, the same reader sees nothing new.
          expect(runsOf(c, c.advance(), 0, pages)).toEqual([]);
        },
      ),
      properties(100),
    );
  });

  it('serves several readers, each from its own epoch', () => {
    const c = new ChangeStamps(5000);
    const a = c.advance();
    c.mark(10);
    const b = c.advance();
    c.mark(3000);
    expect(runsOf(c, a, 0, 5000)).toEqual([
      [0, 16],
      [2992, 3008],
    ]);
    expect(runsOf(c, b, 0, 5000)).toEqual([[2992, 3008]]);
  });

  it('stays out of the state hash: reading changes does not change the hash', () => {
    const s = new Simulation(structuredClone(presetScenario('balloon-by-hand')));
    for (let i = 0; i < 20; i++) s.step();
    const before = stateHash(s);
    s.hv.frames.changes.advance();
    s.vms[0].os.mem.changes.advance();
    s.vms[0].ept.changes.advance();
    s.hv.frames.changes.mark(5);
    expect(stateHash(s)).toBe(before);
  });
});
