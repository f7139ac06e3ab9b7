// The scenario timeline (format 2): entries are checked against the state the schedule reaches
// at their time, with messages naming `schedule`, the index, the path and the allowed range;
// format 1 migrates; a ramp changes its value linearly tick by tick; VMs stop (frames released)
// and start (booted afresh); a guest touching a ballooned page takes exactly one EPT violation
// and reads a zero page; every invariant holds throughout.
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { EPT_BALLOONED } from '../../src/sim/host/Ept.ts';
import { PageKind } from '../../src/sim/guest/pageState.ts';
import { TimelineRun } from '../../src/run/TimelineRun.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

const base = {
  format: 2,
  tickMs: 100,
  host: { memoryMiB: 2048 },
  policy: { kind: 'manual' },
  vms: [
    { name: 'web', memoryMiB: 512, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 128 } },
    { name: 'idle', memoryMiB: 512, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 64 } },
  ],
};
const withSchedule = (schedule: unknown[]) => validateScenario({ ...base, schedule });
const ok = (schedule: unknown[]): Scenario => {
  const r = withSchedule(schedule);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
};
const errors = (schedule: unknown[]): string => {
  const r = withSchedule(schedule);
  return r.ok ? '' : r.errors.join('\n');
};
const runChecked = (run: TimelineRun, ticks: number, each?: () => void): void => {
  for (let i = 0; i < ticks; i++) {
    run.step();
    each?.();
    const bad = checkInvariants(run.sim);
    if (bad.length > 0) expect.fail(`tick ${run.sim.ticks}: ${bad.join('; ')}`);
  }
};

describe('schedule validation', () => {
  it('names schedule, the entry, the path and the allowed range', () => {
    expect(errors([{ atS: 5, set: { 'vms.0.workload.activeMiB': 99999 } }])).toMatch(
      /^schedule\[0\]: set\.vms\.0\.workload\.activeMiB: 99999 is not valid \(allowed 0 to 65536 MiB/,
    );
    expect(
      errors([
        { atS: 1, set: { 'vms.0.workload.accessesPerSec': 10 } },
        { atS: 5, set: { 'host.memoryMiB': 4096 } },
      ]),
    ).toMatch(/^schedule\[1\]: host\.memoryMiB: not a parameter a schedule can change \(allowed: vms\.<i>\.balloon\.targetMiB/);
    expect(errors([{ atS: 5, set: { 'vms.4.balloon.targetMiB': 1 } }])).toMatch(
      /schedule\[0\]: vms\.4\.balloon\.targetMiB: not a parameter/,
    );
    expect(errors([{ atS: -1, set: { 'vms.0.balloon.targetMiB': 1 } }])).toMatch(
      /schedule\[0\]: atS: -1 is not valid \(allowed 0 to 86400 s\)/,
    );
    expect(errors([{ atS: 1, ramp: { path: 'vms.0.workload.footprintMiB', to: 1e7, overS: 10 } }])).toMatch(
      /schedule\[0\]: ramp\.to for vms\.0\.workload\.footprintMiB: 10000000 is not valid \(allowed 0 to/,
    );
    expect(errors([{ atS: 1, start: 'nobody' }])).toMatch(
      /schedule\[0\]: start: "nobody" is not a VM \(allowed: an index 0 to 1 or a name, web, idle\)/,
    );
    expect(
      errors([
        { atS: 1, stop: 'web' },
        { atS: 2, stop: 'web' },
      ]),
    ).toMatch(/schedule\[1\]: stop: VM web is already stopped at 2 s/);
    expect(errors([{ atS: 1, touch: { vm: 0, page: 131072 } }])).toMatch(
      /schedule\[0\]: touch\.page: 131072 is not a guest-physical page of VM web \(allowed 0 to 131071\)/,
    );
  });

  it('checks each value against the state the timeline has reached by then', () => {
    // A working set above the start footprint is wrong at 1 s, right once the footprint has grown.
    expect(errors([{ atS: 1, set: { 'vms.0.workload.activeMiB': 200 } }])).toMatch(
      /schedule\[0\] at 1 s: vms\[0\]\.workload\.activeMiB: 200 must be at most the footprint \(128\)/,
    );
    expect(
      errors([
        { atS: 1, set: { 'vms.0.workload.footprintMiB': 256 } },
        { atS: 2, set: { 'vms.0.workload.activeMiB': 200 } },
      ]),
    ).toBe('');
    expect(
      errors([
        { atS: 1, ramp: { path: 'vms.0.workload.footprintMiB', to: 256, overS: 10 } },
        { atS: 5, set: { 'vms.0.workload.activeMiB': 250 } },
      ]),
    ).toMatch(/schedule\[1\] at 5 s: .*must be at most the footprint \(179\)/);
    expect(errors([{ atS: 1, set: { 'vms.0.workload.footprintMiB': 256, 'vms.0.workload.activeMiB': 200 } }])).toBe('');
  });

  it('reads format 1 as format 2 without a schedule, and refuses a schedule in format 1', () => {
    const v1 = validateScenario({ ...base, format: 1 });
    const v2 = validateScenario(base);
    expect(v1).toEqual(v2);
    expect(v1.ok && v1.scenario.format).toBe(2);
    expect(validateScenario({ ...base, format: 1, schedule: [] })).toMatchObject({
      ok: false,
      errors: ['schedule: a schedule needs "format": 2 (format 1 has none)'],
    });
  });

  it('round-trips through the JSON form', () => {
    const s = ok([
      { atS: 60, set: { 'vms.0.workload.activeMiB': 100, 'vms.0.workload.accessesPerSec': 500 } },
      { atS: 30, ramp: { path: 'vms.0.workload.footprintMiB', to: 140, overS: 60 } },
      { atS: 0, start: 'idle' },
      { atS: 90, stop: 1 },
      { atS: 12.5, touch: { vm: 'web', page: 4000 } },
    ]);
    expect(s.schedule[2]).toEqual({ atS: 0, start: 1 });
    expect(validateScenario(JSON.parse(JSON.stringify(scenarioToJson(s))))).toEqual({
      ok: true,
      scenario: s,
      corrections: [],
      warnings: [],
    });
  });

  it('in clamp mode (links) clamps a value and drops an entry that cannot apply, listing both', () => {
    const r = validateScenario(
      {
        ...base,
        schedule: [
          { atS: 1, set: { 'vms.0.balloon.targetMiB': 999999 } },
          { atS: 2, set: { 'host.memoryMiB': 1 } },
        ],
      },
      'clamp',
    );
    expect(r.ok && r.scenario.schedule).toEqual([{ atS: 1, set: { 'vms.0.balloon.targetMiB': 262144 } }]);
    expect(r.ok && r.corrections.join('\n')).toMatch(
      /schedule\[0\].*using 262144[\s\S]*schedule\[0\] at 1 s: vms\[0\]\.balloon\.targetMiB: 262144 must be at most[\s\S]*schedule\[1\]: host\.memoryMiB: not a parameter.*ignored/,
    );
  });
});

describe('running a schedule', () => {
  it('a ramp moves its value linearly, tick by tick, and ends exactly at its target', () => {
    const run = new TimelineRun(ok([{ atS: 1, ramp: { path: 'vms.0.workload.accessesPerSec', to: 3000, overS: 2 } }]));
    const seen: number[] = [];
    runChecked(run, 35, () => seen.push(run.sim.scenario.vms[0].workload.accessesPerSec));
    expect(seen.slice(8, 12)).toEqual([2000, 2000, 2050, 2100]);
    expect(seen[19]).toBe(2500);
    expect(seen.slice(29)).toEqual(Array(6).fill(3000));
  });

  it('a VM started later is off until then, boots its kernel, and a stop releases its frames', () => {
    const run = new TimelineRun(
      ok([
        { atS: 2, start: 'idle' },
        { atS: 5, stop: 'idle' },
      ]),
    );
    const freeAtStart = run.sim.hv.frames.freeFrames;
    const hypervisorAtStart = run.sim.hv.frames.hypervisorFrames;
    expect(run.sim.poweredOn).toEqual([true, false]);
    expect(run.sim.vms[1].ept.present).toBe(0);
    runChecked(run, 20);
    expect(run.sim.poweredOn).toEqual([true, true]);
    expect(run.sim.vms[1].ept.present).toBeGreaterThanOrEqual(48 * 256);
    expect(run.sim.vms[1].os.mem.count(PageKind.Kernel)).toBe(48 * 256);
    const freeRunning = run.sim.hv.frames.freeFrames;
    expect(freeRunning).toBeLessThan(freeAtStart);
    runChecked(run, 30);
    expect(run.sim.poweredOn).toEqual([true, false]);
    expect(run.sim.hv.vmFrames(1)).toBe(0);
    expect(run.sim.hv.frames.freeFrames).toBeGreaterThan(freeRunning);
    expect(run.sim.hv.frames.hypervisorFrames).toBe(hypervisorAtStart);
  });

  it('a guest touching a ballooned page takes exactly one EPT violation and reads a zero page', () => {
    const run = new TimelineRun(ok([{ atS: 0, set: { 'vms.1.balloon.targetMiB': 128 } }]));
    runChecked(run, 40);
    const ept = run.sim.vms[1].ept;
    const page = ept.entries.findIndex((e) => e === EPT_BALLOONED);
    expect(page).toBeGreaterThan(0);
    const before = run.sim.hv.stats.eptViolations;
    const t = run.sim.vms[1].os.touchGuestPhysical(page, false);
    expect(t).toMatchObject({ exited: true, readZero: true });
    expect(run.sim.hv.stats.eptViolations).toBe(before + 1);
    expect(run.sim.vms[1].os.touchGuestPhysical(page, false)).toMatchObject({ exited: false, readZero: true });
    expect(run.sim.hv.stats.eptViolations).toBe(before + 1);
    expect(checkInvariants(run.sim)).toEqual([]);
    // Deflating the balloon afterwards keeps that page's frame (no frame is lost).
    run.sim.scenario.vms[1].balloon.targetMiB = 0;
    runChecked(run, 60);
    expect(run.sim.vms[1].driver!.actualPages).toBe(0);
  });

  it('a touch entry is that same access, at its time', () => {
    const s = ok([{ atS: 0, set: { 'vms.1.balloon.targetMiB': 128 } }]);
    const probe = new TimelineRun(s);
    probe.run(4);
    const page = probe.sim.vms[1].ept.entries.findIndex((e) => e === EPT_BALLOONED);
    const run = new TimelineRun(
      ok([
        { atS: 0, set: { 'vms.1.balloon.targetMiB': 128 } },
        { atS: 4, touch: { vm: 1, page } },
      ]),
    );
    run.run(4);
    expect(run.sim.hv.stats.eptViolations).toBe(probe.sim.hv.stats.eptViolations + 1);
    expect(run.sim.hv.stats.balloonedTouches).toBe(1);
  });
});
