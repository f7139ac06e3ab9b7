// Links carry footprint and file-size changes in the schedule: the entries a run records for
// memory-pressure moves round-trip exactly, with no corrections, even when a later working set
// is larger than the start footprint (each entry is checked against the scenario as it stands
// at its tick, as the run checked it).
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeLink, encodeLink, presetScenario, type LinkState } from '../../src/url/index.ts';
import { pressureChanges, type PressureBaseline } from '../../src/views/controls/pressure.ts';
import { SimCore } from '../../src/run/SimCore.ts';

const start = presetScenario('balloon-by-hand')!;

/** The link of a run whose pressure was moved to each multiplier in turn, `gap` ticks apart. */
function pressureRun(multipliers: number[], gap: number): LinkState {
  const core = new SimCore(start);
  let from = 1;
  let baseline: PressureBaseline = new Map();
  for (const to of multipliers) {
    core.step(gap);
    let changes;
    ({ changes, baseline } = pressureChanges(core.effectiveScenario(), from, to, baseline));
    if (changes.length > 0) expect(core.change(changes).restarted).toBe(false);
    from = to;
  }
  return { scenario: core.scenario, timeMs: core.ticks * start.tickMs, view: DEFAULT_VIEW };
}

describe('live size changes in links', () => {
  it('a 3x pressure run round-trips, its working sets above the start footprints', () => {
    const s = pressureRun([2, 3], 3);
    const web = s.scenario.schedule
      .flatMap((e) => ('set' in e ? [e.set['vms.0.workload.activeMiB']] : []))
      .filter((v) => v !== undefined)
      .at(-1)!;
    expect(web).toBeGreaterThan(start.vms[0].workload.footprintMiB);
    expect(decodeLink(encodeLink(s))).toEqual({ ok: true, state: s, corrections: [] });
  });

  it('any sequence of pressure moves round-trips with no corrections', () => {
    const multiplier = fc.integer({ min: 25, max: 300 }).map((p) => p / 100);
    fc.assert(
      fc.property(fc.array(multiplier, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 }), (ms, gap) => {
        const s = pressureRun(ms, gap);
        expect(decodeLink(encodeLink(s))).toEqual({ ok: true, state: s, corrections: [] });
      }),
      properties(40, 20261127),
    );
  });
});
