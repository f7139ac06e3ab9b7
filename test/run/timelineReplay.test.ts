// Property: a timeline replays identically from a scenario file, from a link and in the CLI's
// run: the same schedule (sets, ramps, VM stops and starts, touches), read from JSON or decoded
// from a link, gives the same state hash in TimelineRun (the CLI) and in SimCore (the worker),
// also after going back and forward through keyframes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateHashHex } from '../../src/sim/stateHash.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';
import { DEFAULT_VIEW, decodeLink, encodeLink } from '../../src/url/index.ts';
import { SimCore } from '../../src/run/SimCore.ts';
import { TimelineRun } from '../../src/run/TimelineRun.ts';

const base = {
  format: 2,
  seed: 4,
  tickMs: 100,
  host: { memoryMiB: 640, swapMiB: 512 },
  policy: { kind: 'manual' },
  vms: [
    { name: 'a', memoryMiB: 192, kernelMiB: 16, workload: { kind: 'steady', activeMiB: 32, footprintMiB: 96 } },
    { name: 'b', memoryMiB: 192, kernelMiB: 16, workload: { kind: 'filecache', activeMiB: 32, footprintMiB: 32, fileMiB: 64 } },
    { name: 'c', memoryMiB: 160, kernelMiB: 16, workload: { kind: 'idle', activeMiB: 8, footprintMiB: 32 } },
  ],
};
const TICKS = 80;
const atS = fc.integer({ min: 0, max: TICKS - 1 }).map((t) => t / 10);
const vm = fc.integer({ min: 0, max: 2 });
const entry = fc.oneof(
  fc.record({
    atS,
    set: fc.record({ vm, value: fc.integer({ min: 0, max: 150 }) }).map(({ vm: i, value }) => ({ [`vms.${i}.balloon.targetMiB`]: value })),
  }),
  fc.record({
    atS,
    set: fc
      .record({ vm, value: fc.integer({ min: 0, max: 5000 }) })
      .map(({ vm: i, value }) => ({ [`vms.${i}.workload.accessesPerSec`]: value })),
  }),
  fc.record({
    atS,
    ramp: fc
      .record({ vm, to: fc.integer({ min: 40, max: 140 }), overS: fc.integer({ min: 1, max: 40 }).map((x) => x / 10) })
      .map(({ vm: i, to, overS }) => ({ path: `vms.${i}.workload.footprintMiB`, to, overS })),
  }),
  fc.record({ atS, start: vm }),
  fc.record({ atS, stop: vm }),
  fc.record({ atS, touch: fc.record({ vm, page: fc.integer({ min: 0, max: 160 * 256 - 1 }) }) }),
);

describe('timeline replay', () => {
  it('a file, a link and the CLI run of the same timeline give the same state hash', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (schedule) => {
        const file = validateScenario(JSON.parse(JSON.stringify({ ...base, schedule })), 'clamp');
        if (!file.ok) throw new Error(file.errors.join('; '));
        const scenario = file.scenario;
        const strict = validateScenario(scenarioToJson(scenario), 'strict');
        expect(strict.ok && strict.scenario).toEqual(scenario);
        const link = decodeLink(encodeLink({ scenario, timeMs: 0, view: DEFAULT_VIEW }));
        expect(link.ok && link.corrections).toEqual([]);
        expect(link.state.scenario).toEqual(scenario);
        const cli = new TimelineRun(scenario);
        for (let i = 0; i < TICKS; i++) cli.step();
        const core = new SimCore(link.state.scenario);
        core.seekTick(TICKS);
        expect(stateHashHex(core.sim)).toBe(stateHashHex(cli.sim));
        core.seekTick(23);
        core.seekTick(TICKS);
        expect(stateHashHex(core.sim)).toBe(stateHashHex(cli.sim));
      }),
      { seed: 20261202, numRuns: 25 },
    );
  });
});
