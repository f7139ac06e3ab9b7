// The page-walk view's question to the model: exploreWalk (the walk under what-if settings, the
// counts each toggle gives, the semantic gap), resolvePick (host frames and regions to targets)
// and the worker's checks of a walk request (bad fields named with their allowed range).
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { Simulation } from '../../../src/sim/Simulation.ts';
import { validateScenario } from '../../../src/sim/scenario/validate.ts';
import { stateHashHex } from '../../../src/sim/stateHash.ts';
import { eptFrame } from '../../../src/sim/host/Ept.ts';
import { DEFAULT_WALK_WHAT_IF, exploreWalk, resolvePick, settingsKey, type WalkTarget } from '../../../src/sim/walk/index.ts';
import { checkWalkRequest } from '../../../src/worker/walkChecks.ts';
import { CommandError } from '../../../src/worker/commandChecks.ts';
import { addressOf, APP_PID, quietVm } from './walkFixtures.ts';

const gva = (v: number): WalkTarget => ({ space: 'guest-virtual', vm: 0, pid: APP_PID, gva: `0x${addressOf(v).toString(16)}` });

function ballooning(): Simulation {
  const r = validateScenario({ name: 'b', ...findPreset('balloon-by-hand')!.scenario }, 'strict');
  if (!r.ok) throw new Error(r.errors.join());
  const s = new Simulation(r.scenario);
  s.run(20);
  return s;
}

describe('exploreWalk', () => {
  it('a cold 4 x 4 walk of a resident page: 24 references, and the counts every toggle gives', () => {
    const s = quietVm();
    const before = stateHashHex(s);
    const e = exploreWalk(s, gva(3), DEFAULT_WALK_WHAT_IF);
    expect(e.walk.steps).toHaveLength(24);
    expect(e.walk.outcome.kind).toBe('translated');
    const count = (over: object) => e.counts.find((c) => settingsKey(c.settings) === settingsKey({ ...e.settings, ...over }));
    expect(count({})).toMatchObject({ cold: 24, repeated: 24, source: 'walked' });
    expect(count({ pageWalkCache: true })).toMatchObject({ repeated: 6 });
    expect(count({ nestedTlb: true })).toMatchObject({ repeated: 4 });
    expect(count({ tlb: true })).toMatchObject({ repeated: 0 });
    expect(count({ hostPageSize: '2 MiB' })).toMatchObject({ cold: 19 });
    expect(count({ guestLevels: 5, eptLevels: 5 })).toMatchObject({ cold: 35, source: 'planned' });
    expect(e.gap).toMatchObject({ guestKind: 'anonymous', ept: 'present' });
    expect(stateHashHex(s)).toBe(before);
  });

  it('with a cache on, shows the repeated walk; the same question gives the same answer', () => {
    const s = quietVm();
    const whatIf = { ...DEFAULT_WALK_WHAT_IF, pageWalkCache: true, nestedTlb: true };
    const a = exploreWalk(s, gva(3), whatIf);
    expect(a.walk.memoryReferences).toBe(1);
    expect(exploreWalk(s, gva(3), whatIf)).toEqual(a);
  });

  it('a ballooned page: its EPT walk ends in an EPT violation, and the guest sees a balloon page', () => {
    const s = ballooning();
    const target = resolvePick(s, { space: 'region', vm: 2, pid: APP_PID, region: 'ballooned' });
    expect(target.space).toBe('guest-physical');
    const e = exploreWalk(s, target, DEFAULT_WALK_WHAT_IF);
    expect(e.walk.kind).toBe('ept-only');
    expect(e.walk.outcome).toMatchObject({ kind: 'ept-violation', cause: 'ballooned' });
    expect(e.gap).toMatchObject({ guestKind: 'balloon', ept: 'ballooned', hostFrame: null });
  });
});

describe('resolvePick', () => {
  it('a host frame backing a guest page walks that page; other frames say what they hold', () => {
    const s = quietVm();
    const frame = eptFrame(s.vms[0].ept.entries[100]);
    expect(resolvePick(s, { space: 'host-physical', frame })).toEqual({
      space: 'guest-physical',
      vm: 0,
      gpa: `0x${(100 * 4096).toString(16)}`,
    });
    const free = s.hv.frames.owner.findIndex((o) => o <= -4);
    expect(() => resolvePick(s, { space: 'host-physical', frame: free })).toThrow(/backs no guest page: it is free/);
  });

  it('regions of the process: the start and end of its mapping, the middle of its working set', () => {
    const s = quietVm();
    expect(resolvePick(s, { space: 'region', vm: 0, pid: APP_PID, region: 'mapping-start' })).toMatchObject({ gva: '0x7f0000000000' });
    expect(resolvePick(s, { space: 'region', vm: 0, pid: APP_PID, region: 'mapping-end' })).toMatchObject({
      gva: `0x${addressOf(32 * 256 - 1).toString(16)}`,
    });
    expect(resolvePick(s, { space: 'region', vm: 0, pid: APP_PID, region: 'working-set' })).toMatchObject({
      gva: `0x${addressOf(8 * 256).toString(16)}`,
    });
    expect(() => resolvePick(s, { space: 'region', vm: 0, pid: APP_PID, region: 'ballooned' })).toThrow(/no ballooned page now/);
  });
});

describe('walk request checks', () => {
  const s = quietVm();
  const bad = (request: unknown, message: RegExp) => {
    expect(() => checkWalkRequest(s, request)).toThrow(CommandError);
    expect(() => checkWalkRequest(s, request)).toThrow(message);
  };
  it('names the bad field and its allowed range', () => {
    bad({}, /pick is missing/);
    bad({ pick: { space: 'guest-virtual', vm: 3, pid: 1, gva: '0x0' } }, /vm 3 is not valid \(allowed 0 to 0\)/);
    bad({ pick: { space: 'guest-virtual', vm: 0, pid: -1, gva: '0x0' } }, /pid -1 is not valid \(allowed 0 to 999999\)/);
    bad(
      { pick: { space: 'guest-virtual', vm: 0, pid: 1, gva: '0x800000000000' } },
      /gva 0x800000000000 is outside the user half .* \(allowed 0x0 to 0x7fffffffffff\)/,
    );
    bad(
      { pick: { space: 'guest-physical', vm: 0, gpa: '0x4000000' } },
      /gpa 0x4000000 is outside vm1's guest-physical memory \(allowed 0x0 to 0x3ffffff\)/,
    );
    bad({ pick: { space: 'host-physical', frame: 1e9 } }, /frame 1000000000 is not valid \(allowed 0 to 131071\)/);
    bad({ pick: { space: 'region', vm: 0, pid: 1, region: 'heap' } }, /region "heap" is not a region/);
    bad(
      { pick: { space: 'guest-physical', vm: 0, gpa: '0x0' }, whatIf: { guestPageSize: '8 KiB' } },
      /whatIf.guestPageSize "8 KiB" is not a page size \(allowed 4 KiB, 2 MiB, 1 GiB\)/,
    );
    bad(
      { pick: { space: 'guest-physical', vm: 0, gpa: '0x0' }, whatIf: { tlb: 'yes' } },
      /whatIf.tlb "yes" is not valid \(allowed true or false\)/,
    );
  });
  it('normalises a good request', () => {
    expect(checkWalkRequest(s, { pick: { space: 'guest-virtual', vm: 0, pid: 1, gva: '0x7F00_0000_1000' } })).toEqual({
      pick: { space: 'guest-virtual', vm: 0, pid: 1, gva: '0x7f0000001000' },
      whatIf: DEFAULT_WALK_WHAT_IF,
    });
  });
});
