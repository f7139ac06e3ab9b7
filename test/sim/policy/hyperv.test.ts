// Hyper-V Dynamic Memory: golden arithmetic (target, pressure 83.3 at 20% buffer, the
// hv_balloon floor table, weighted sharing when short), guest hot-add (offline region,
// onlining, invariants), and in the simulation: growth by hot-add with pressure near 83 and
// no target changes once demand is flat; weights deciding who gets memory.
import { describe, expect, it } from 'vitest';
import { HA_CHUNK_PAGES, hypervBalloonFloorMiB, type HypervBalloonDriver } from '../../../src/sim/balloon/hypervDriver.ts';
import { PageKind } from '../../../src/sim/guest/pageState.ts';
import { deepClone } from '../../../src/sim/clone.ts';
import { checkInvariants } from '../../../src/sim/invariants.ts';
import { stateHashHex } from '../../../src/sim/stateHash.ts';
import { allocateByWeight, hypervPressure, hypervTargetPages } from '../../../src/sim/policy/hypervBalancer.ts';
import type { HypervPolicy } from '../../../src/sim/policy/hypervPolicy.ts';
import { loadPreset } from '../../../src/sim/scenario/load.ts';
import { Simulation } from '../../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../../helpers/scenario.ts';

describe('Hyper-V arithmetic', () => {
  it('target = demand x (1 + buffer/100): 1000 MB committed at 20% -> 1200 MB, pressure 83.3', () => {
    expect(hypervTargetPages(1000, 20)).toBeCloseTo(1200, 9);
    expect(hypervPressure(1000, 1200)).toBeCloseTo(83.33, 2);
    expect(hypervPressure(1000, hypervTargetPages(1000, 5))).toBeCloseTo(95.24, 2);
    expect(hypervPressure(1000, 1000)).toBe(100);
  });

  it('balloon floor (compute_balloon_floor) at the table values', () => {
    const table: [number, number][] = [
      [16, 16],
      [32, 24],
      [128, 72],
      [512, 168],
      [2048, 360],
      [8192, 744],
      [32768, 1512],
    ];
    for (const [total, floor] of table) expect(hypervBalloonFloorMiB(total)).toBe(floor);
  });

  it('meets every buffered target when the host can, else shares the rest above the minimums by weight', () => {
    const claims = [
      { minPages: 100, maxPages: 2000, wantPages: 1000, weight: 80 },
      { minPages: 100, maxPages: 2000, wantPages: 1000, weight: 20 },
    ];
    expect(allocateByWeight(claims, 3000)).toEqual([1000, 1000]);
    // 1000 for both: 800 above the minimums, split 80:20.
    const short = allocateByWeight(claims, 1000);
    expect(short[0]).toBeCloseTo(740, 9);
    expect(short[1]).toBeCloseTo(260, 9);
    // A VM that wants less than its share is capped at its target; the rest goes to the other.
    const capped = allocateByWeight([{ ...claims[0], wantPages: 300 }, claims[1]], 1000);
    expect(capped).toEqual([300, 700]);
    // Below the minimums everyone keeps the minimum.
    expect(allocateByWeight(claims, 150)).toEqual([100, 100]);
  });
});

describe('guest memory hot-add', () => {
  it('boots with startup memory online and onlines more pages on request, keeping the invariants', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      policy: { kind: 'manual' },
      vms: [{ memoryMiB: 512, balloon: { driver: 'hyperv' }, workload: { kind: 'idle', activeMiB: 8, footprintMiB: 16 } }],
    });
    const vm = s.vms[0];
    const d = vm.driver as HypervBalloonDriver;
    d.bootWithOnline(256 * MiB);
    expect(vm.os.mem.count(PageKind.Offline)).toBe(256 * MiB);
    expect(vm.os.memTotalPages(false)).toBe((256 - 48) * MiB);
    expect(d.maxPages).toBe((256 - 48) * MiB);
    runChecked(s, 1);
    expect(d.hotAdd(50 * MiB)).toBe(50 * MiB);
    expect(d.addedPages).toBe(HA_CHUNK_PAGES); // one 128 MiB block added, 50 MiB of it onlined
    expect(d.onlinedPages).toBe(50 * MiB);
    expect(vm.os.mem.count(PageKind.Offline)).toBe(206 * MiB);
    runChecked(s, 1.5);
    // num_committed includes the balloon floor and the added-but-offline pages.
    expect(d.status!.pendingHotAdd).toBe(HA_CHUNK_PAGES - 50 * MiB);
    expect(d.status!.numCommitted).toBeGreaterThanOrEqual(d.floorPages + d.status!.pendingHotAdd);
    expect(d.hotAdd(1024 * MiB)).toBe(206 * MiB); // never beyond the VM's memory
    expect(vm.os.mem.count(PageKind.Offline)).toBe(0);
    expect(checkInvariants(s)).toEqual([]);
  });
});

describe('hyperv policy in the simulation', () => {
  it('grows a VM by hot-add as its demand rises, keeping pressure near 83, and stops changing once demand is flat', () => {
    const p = loadPreset('hyperv-hot-add');
    if (!p.ok) throw new Error(p.errors.join());
    const s = new Simulation(p.scenario);
    const policy = s.policy as HypervPolicy;
    const grower = s.vms[0].driver as HypervBalloonDriver;
    const pressures: number[] = [];
    s.run(30); // at first the balloon floor keeps the grower above its target (pressure below 83)
    for (let t = 60; t <= 240; t += 30) {
      s.run(30);
      pressures.push(s.policy.vmReport(0).pressure!);
    }
    for (const pr of pressures) expect(pr).toBeGreaterThan(78);
    for (const pr of pressures) expect(pr).toBeLessThan(88);
    expect(policy.hotAdds).toBeGreaterThan(0);
    expect(grower.onlinedPages).toBeGreaterThan(1000 * MiB);
    expect(grower.addedPages % HA_CHUNK_PAGES === 0 || grower.addedPages === 2048 * MiB).toBe(true);
    expect(s.vms[0].os.memTotalPages(false)).toBeGreaterThan(2 * 1024 * MiB);
    const changes = policy.targetChanges;
    s.run(60); // the program stopped growing at 225 s
    expect(policy.targetChanges).toBe(changes);
    for (let i = 0; i < 2; i++) expect(s.policy.vmReport(i).pressure!).toBeCloseTo(83.3, 0);
    expect(s.hv.stats.hostSwapOuts).toBe(0);
    expect(checkInvariants(s)).toEqual([]);
  });

  it('keeps the invariants after every tick while hot-adding and ballooning', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      policy: { kind: 'hyperv' },
      vms: [
        {
          name: 'grow',
          memoryMiB: 768,
          startupMiB: 256,
          balloon: { driver: 'hyperv' },
          workload: { kind: 'hog', activeMiB: 0, footprintMiB: 400, growMiBPerSec: 32 },
        },
        {
          name: 'idle',
          memoryMiB: 512,
          startupMiB: 384,
          balloon: { driver: 'hyperv' },
          workload: { kind: 'idle', activeMiB: 16, footprintMiB: 64 },
        },
      ],
    });
    runChecked(s, 8);
    expect((s.vms[0].driver as HypervBalloonDriver).onlinedPages).toBeGreaterThan(0);
    expect(s.vms[1].driver!.actualPages).toBeGreaterThan(0);
  });

  it('gives the heavier-weighted VM more memory when the host cannot meet both buffers', () => {
    const hog = { kind: 'hog', activeMiB: 0, footprintMiB: 700, growMiBPerSec: 64 };
    const s = sim({
      host: { memoryMiB: 1536, swapMiB: 2048 },
      policy: { kind: 'hyperv' },
      vms: [
        { name: 'heavy', memoryMiB: 1024, startupMiB: 512, weight: 90, guestSwapMiB: 1024, balloon: { driver: 'hyperv' }, workload: hog },
        { name: 'light', memoryMiB: 1024, startupMiB: 512, weight: 10, guestSwapMiB: 1024, balloon: { driver: 'hyperv' }, workload: hog },
      ],
    });
    s.run(60);
    expect(s.policy.state).toMatch(/short/);
    const heavy = s.policy.vmReport(0);
    const light = s.policy.vmReport(1);
    expect(heavy.entitlementPages).toBeGreaterThan(light.entitlementPages);
    expect(light.pressure!).toBeGreaterThan(heavy.pressure!);
  });

  it('kvm-mom, xen and hyperv runs clone for keyframes and replay bit for bit', () => {
    for (const name of ['mom-ksm-squeeze', 'xen-squeezed', 'hyperv-hot-add']) {
      const p = loadPreset(name);
      if (!p.ok) throw new Error(p.errors.join());
      const a = new Simulation(p.scenario);
      a.run(12);
      const b = deepClone(a);
      a.run(8);
      b.run(8);
      expect(stateHashHex(b)).toBe(stateHashHex(a));
    }
  });
});
