// Footprints and file sizes are live parameters: a change (or a memory-pressure move, which
// rescales them with the working sets) is recorded as a schedule entry at the current tick, the
// run goes on, every invariant holds after every tick, and going back (keyframe + replay) or
// reopening the history reproduces exactly the state reached going forward.
// MAX_SCHEDULE_ENTRIES bounds a run.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { stateHashHex } from '../../src/sim/stateHash.ts';
import { CoreHost } from '../../src/worker/CoreHost.ts';
import type { WorkerEvent } from '../../src/worker/protocol.ts';
import { SimCore } from '../../src/run/SimCore.ts';
import { pressureChanges, type PressureBaseline } from '../../src/views/controls/pressure.ts';
import { presetScenario } from './helpers.ts';
import type { RunHistory } from '../../src/run/history.ts';
import { MAX_SCHEDULE_ENTRIES } from '../../src/sim/scenario/schedule.ts';

// Three small VMs (steady web, file-cache db, idle) whose footprints do not fit: part of each is
// on guest swap from the start, so cuts free swap slots too. Small, so every tick is checked quickly.
const base = presetScenario('balloon-by-hand');
base.host.memoryMiB = 512;
base.vms = base.vms.map((vm) => ({
  ...vm,
  memoryMiB: 160,
  kernelMiB: 16,
  guestSwapMiB: 256,
  workload: { ...vm.workload, activeMiB: 32, footprintMiB: 200, fileMiB: 64 },
  balloon: { ...vm.balloon, targetMiB: 0 },
}));

const stepChecked = (core: SimCore, n: number): void => {
  for (let i = 0; i < n; i++) {
    core.step(1);
    const bad = checkInvariants(core.sim);
    if (bad.length > 0) expect.fail(`tick ${core.ticks}: ${bad.join('; ')}`);
  }
};

type Action =
  | { kind: 'step'; ticks: number }
  | { kind: 'size'; vm: number; key: 'footprintMiB' | 'fileMiB' | 'activeMiB'; value: number }
  | { kind: 'pressure'; to: number }
  | { kind: 'back'; ticks: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 1, max: 25 }).map((ticks) => ({ kind: 'step' as const, ticks })),
  fc
    .record({
      vm: fc.integer({ min: 0, max: 2 }),
      key: fc.constantFrom('footprintMiB' as const, 'fileMiB' as const, 'activeMiB' as const),
      value: fc.integer({ min: 0, max: 320 }),
    })
    .map((c) => ({ kind: 'size' as const, ...c })),
  fc.integer({ min: 25, max: 300 }).map((p) => ({ kind: 'pressure' as const, to: p / 100 })),
  fc.integer({ min: 1, max: 40 }).map((ticks) => ({ kind: 'back' as const, ticks })),
);

describe('live footprint and file size', () => {
  it('random size changes keep every invariant, and replay from keyframes and from the history agrees', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 10 }), (actions) => {
        const core = new SimCore(base);
        let multiplier = 1;
        let baseline: PressureBaseline = new Map();
        stepChecked(core, 20);
        for (const a of actions) {
          if (a.kind === 'step') stepChecked(core, a.ticks);
          else if (a.kind === 'back') core.seekTick(core.ticks - a.ticks);
          else {
            let changes;
            if (a.kind === 'size') changes = [{ path: `vms.${a.vm}.workload.${a.key}`, value: a.value }];
            else {
              ({ changes, baseline } = pressureChanges(core.effectiveScenario(), multiplier, a.to, baseline));
              multiplier = a.to;
            }
            if (changes.length > 0) expect(core.change(changes).restarted).toBe(false);
          }
        }
        stepChecked(core, 60);
        const end = core.ticks;
        const forward = stateHashHex(core.sim);
        core.seekTick(Math.max(0, end - 37));
        core.seekTick(end);
        expect(stateHashHex(core.sim)).toBe(forward);
        const again = new SimCore(core.scenario);
        again.seekTick(end);
        expect(stateHashHex(again.sim)).toBe(forward);
      }),
      properties(10, 20261127),
    );
  });

  it('a memory-pressure move while running is live: recorded as a schedule entry at this tick, the run goes on', () => {
    const core = new SimCore(presetScenario('balloon-by-hand'));
    core.step(30);
    const s = core.effectiveScenario();
    const { changes, baseline } = pressureChanges(s, 1, 1.5);
    expect(changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['vms.0.workload.footprintMiB', 'vms.1.workload.fileMiB', 'vms.1.workload.activeMiB']),
    );
    const out = core.change(changes);
    expect(out).toEqual({ corrections: [], restarted: false });
    expect(core.ticks).toBe(30);
    expect(core.scenario.schedule).toEqual([{ atS: 3, set: Object.fromEntries(changes.map((c) => [c.path, c.value])) }]);
    core.step(10);
    expect(core.sim.vms[0].workload.process.virtualPages).toBe(1536 * 256);
    expect(core.sim.vms[1].os.fileMap.length).toBe(1536 * 256);
    // And back down below where it started: the tails are cut.
    expect(core.change(pressureChanges(core.effectiveScenario(), 1.5, 0.5, baseline).changes).restarted).toBe(false);
    core.step(1);
    expect(core.sim.vms[0].workload.process.virtualPages).toBe(512 * 256);
    expect(core.sim.vms[1].os.fileMap.length).toBe(512 * 256);
    expect(checkInvariants(core.sim)).toEqual([]);
  });

  it('a memory-pressure move while playing keeps the run going: no restart, the next ticks follow', () => {
    const events: WorkerEvent[] = [];
    const timers: (() => void)[] = [];
    let now = 0;
    const host = new CoreHost((e) => events.push(e), { now: () => now, later: (fn) => void timers.push(fn) });
    const run = (ms: number): void => {
      for (const end = now + ms; now < end && timers.length > 0;) {
        now += 4;
        timers.shift()!();
      }
    };
    host.handle({ type: 'load', scenario: base });
    host.handle({ type: 'play' });
    run(1500);
    const histories = (): RunHistory[] =>
      events.filter((e): e is Extract<WorkerEvent, { type: 'history' }> => e.type === 'history').map((e) => e.history);
    const ticks = (): number =>
      events
        .filter((e) => e.type === 'status')
        .map((e) => (e.type === 'status' ? e.status.ticks : 0))
        .at(-1)!;
    const before = ticks();
    expect(before).toBeGreaterThan(5);
    const { changes } = pressureChanges(base, 1, 2);
    host.handle({ type: 'setParams', changes });
    const h = histories().at(-1)!;
    expect(h.atTick).toBeGreaterThanOrEqual(before);
    const recorded = h.scenario.schedule.flatMap((e) => ('set' in e ? Object.keys(e.set) : []));
    expect(recorded).toEqual(changes.map((c) => c.path));
    run(1000);
    expect(ticks()).toBeGreaterThan(h.atTick + 5);
    expect(histories().at(-1)!.scenario.schedule).toHaveLength(1);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it("a cut below the working set records the working set its validation clamps, so the model's scenario stays valid", () => {
    const core = new SimCore(base);
    core.step(5);
    const out = core.change([
      { path: 'vms.0.workload.footprintMiB', value: 16 },
      { path: 'vms.1.workload.fileMiB', value: 8 },
    ]);
    expect(out.restarted).toBe(false);
    expect(out.corrections).toHaveLength(2);
    expect(core.scenario.schedule).toEqual([
      {
        atS: 0.5,
        set: {
          'vms.0.workload.footprintMiB': 16,
          'vms.1.workload.fileMiB': 8,
          'vms.0.workload.activeMiB': 16,
          'vms.1.workload.activeMiB': 8,
        },
      },
    ]);
    expect(core.sim.scenario.vms.map((vm) => vm.workload.activeMiB)).toEqual([16, 8, 32]);
  });

  it("replacing this tick's entry does not count against MAX_SCHEDULE_ENTRIES; one more entry than that restarts", () => {
    const core = new SimCore(base);
    for (let i = 0; i < MAX_SCHEDULE_ENTRIES - 1; i++) {
      core.change([{ path: 'vms.0.workload.footprintMiB', value: 100 + (i % 50) }]);
      core.step(1);
    }
    expect(core.scenario.schedule.length).toBe(MAX_SCHEDULE_ENTRIES - 1);
    // At the limit: this tick's change, then the same path again (replaced, not added).
    expect(core.change([{ path: 'vms.1.workload.fileMiB', value: 80 }]).restarted).toBe(false);
    expect(core.change([{ path: 'vms.1.workload.fileMiB', value: 90 }]).restarted).toBe(false);
    expect(core.scenario.schedule.length).toBe(MAX_SCHEDULE_ENTRIES);
    const ticks = core.ticks;
    const out = core.change([{ path: 'vms.2.workload.footprintMiB', value: 200 }]);
    expect(out.restarted).toBe(true);
    expect(core.ticks).toBe(0);
    expect(core.scenario.schedule).toEqual([]);
    expect(ticks).toBeGreaterThan(0);
    // The restart starts from the scenario as it stood, the change included.
    expect(core.scenario.vms[1].workload.fileMiB).toBe(90);
    expect(core.scenario.vms[2].workload.footprintMiB).toBe(200);
  });
});
