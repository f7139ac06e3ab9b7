// The run core: going back in time (keyframe + replay) reproduces exactly the states reached
// going forward; live changes recorded as schedule entries replay identically; other changes
// restart the run; keyframes stay within their memory budget; pacing never changes what is computed.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/Simulation.ts';
import { stateHashHex } from '../../src/sim/stateHash.ts';
import { Keyframes } from '../../src/run/Keyframes.ts';
import { Pacer } from '../../src/worker/Pacer.ts';
import { SimCore } from '../../src/run/SimCore.ts';
import { presetScenario } from '../worker/helpers.ts';

const scenario = presetScenario('balloon-by-hand');
const hashAfter = (ticks: number): string => {
  const s = new Simulation(structuredClone(scenario));
  for (let i = 0; i < ticks; i++) s.step();
  return stateHashHex(s);
};

describe('SimCore', () => {
  it('steps back to the same state it passed going forward', () => {
    const core = new SimCore(scenario);
    core.step(120);
    core.seekTick(73);
    expect(core.ticks).toBe(73);
    expect(stateHashHex(core.sim)).toBe(hashAfter(73));
    expect(core.headTick).toBe(120);
    core.seekTick(120);
    expect(stateHashHex(core.sim)).toBe(hashAfter(120));
  });

  it('records a live change as a schedule entry and replays it exactly', () => {
    const core = new SimCore(scenario);
    core.step(30);
    const out = core.change([{ path: 'vms.2.balloon.targetMiB', value: 256 }]);
    expect(out.restarted).toBe(false);
    expect(core.scenario.schedule).toEqual([{ atS: 3, set: { 'vms.2.balloon.targetMiB': 256 } }]);
    core.step(50);
    const forward = stateHashHex(core.sim);
    core.seekTick(10);
    core.seekTick(80);
    expect(stateHashHex(core.sim)).toBe(forward);
    const again = new SimCore(core.scenario);
    again.seekTick(80);
    expect(stateHashHex(again.sim)).toBe(forward);
    expect(again.sim.scenario.vms[2].balloon.targetMiB).toBe(256);
    expect(again.scenario.vms[2].balloon.targetMiB).toBe(1024);
  });

  it('a change made in the past is recorded at its time; the later entries stay in the timeline', () => {
    const core = new SimCore(scenario);
    core.step(20);
    core.change([{ path: 'vms.2.balloon.targetMiB', value: 512 }]);
    core.step(20);
    core.seekTick(10);
    core.change([{ path: 'vms.2.balloon.targetMiB', value: 128 }]);
    expect(core.scenario.schedule).toEqual([
      { atS: 2, set: { 'vms.2.balloon.targetMiB': 512 } },
      { atS: 1, set: { 'vms.2.balloon.targetMiB': 128 } },
    ]);
    expect(core.headTick).toBe(10);
    core.seekTick(25);
    const forward = stateHashHex(core.sim);
    const again = new SimCore(core.scenario);
    again.seekTick(25);
    expect(stateHashHex(again.sim)).toBe(forward);
    expect(again.sim.scenario.vms[2].balloon.targetMiB).toBe(512);
  });

  it('clamps a live value like a link and lists the correction', () => {
    const core = new SimCore(scenario);
    const out = core.change([{ path: 'vms.2.balloon.targetMiB', value: 99999 }]);
    expect(out.corrections.length).toBeGreaterThan(0);
    expect(core.scenario.schedule[0]).toEqual({ atS: 0, set: { 'vms.2.balloon.targetMiB': 1536 - 48 } });
  });

  it('restarts at 0 s for a change the model cannot take live, keeping the schedule', () => {
    const core = new SimCore(scenario);
    core.step(10);
    core.change([{ path: 'vms.2.balloon.targetMiB', value: 256 }]);
    core.step(5);
    const out = core.change([{ path: 'host.memoryMiB', value: 8192 }]);
    expect(out.restarted).toBe(true);
    expect(core.ticks).toBe(0);
    expect(core.scenario.schedule).toEqual([{ atS: 1, set: { 'vms.2.balloon.targetMiB': 256 } }]);
    expect(core.scenario.host.memoryMiB).toBe(8192);
    expect(core.scenario.vms[2].balloon.targetMiB).toBe(1024);
    core.seekTick(10);
    expect(core.sim.scenario.vms[2].balloon.targetMiB).toBe(256);
  });

  it('refuses unknown parameter paths', () => {
    const core = new SimCore(scenario);
    expect(() => core.change([{ path: 'vms.9.memoryMiB', value: 1 }])).toThrow(/not a parameter/);
    expect(() => core.change([{ path: '__proto__.x', value: 1 }])).toThrow(/not a parameter/);
  });
});

describe('Keyframes', () => {
  it('stay within their budget by thinning, keeping the first; tick 0 is never copied', () => {
    const s = new Simulation(structuredClone(scenario));
    const k = new Keyframes(scenario.tickMs, s.heapBytes * 4.5);
    const first = k.intervalTicks;
    for (let i = 0; i < 2000; i++) {
      k.offer(s);
      s.step();
    }
    expect(k.count).toBeLessThanOrEqual(4);
    expect(k.restore(first)!.ticks).toBe(first);
    expect(k.restore(0)).toBeNull();
    expect(k.restore(1999)!.ticks).toBeGreaterThan(1000);
  });
});

describe('Pacer', () => {
  it('turns wall time into whole ticks at the chosen speed and drops debt it cannot pay', () => {
    const p = new Pacer();
    p.speed = 2;
    p.start(0);
    expect(p.due(100, 100)).toBe(2);
    p.paid(2, 100);
    expect(p.due(125, 100)).toBe(0);
    expect(p.due(150, 100)).toBe(1);
    p.paid(0, 100);
    expect(p.due(10_000, 100)).toBe(6);
  });

  it('pulls the next tick forward and keeps the tick after it in its own slot', () => {
    const p = new Pacer();
    p.start(0);
    expect(p.due(30, 100)).toBe(0);
    p.pullForward(100);
    p.pullForward(100);
    expect(p.due(34, 100)).toBe(1);
    p.paid(1, 100);
    expect(p.due(100, 100)).toBe(0);
    expect(p.due(199, 100)).toBe(0);
    expect(p.due(200, 100)).toBe(1);
    p.paid(1, 100);
    expect(p.due(299, 100)).toBe(0);
  });
});
