// The vSphere 6 policy running: minFree thresholds, the state sequence High -> Clear -> Soft ->
// Hard under a memory ramp, page sharing held back by large pages until Clear, compression and
// swapping in Hard with ballooning stopped, and TPS salting (intra-VM sharing only). Invariants
// are checked after every tick.
import { describe, expect, it } from 'vitest';
import { EPT_READONLY, eptFrame } from '../../../src/sim/host/Ept.ts';
import { minFreePages } from '../../../src/sim/policy/esx/minFree.ts';
import type { VspherePolicy } from '../../../src/sim/policy/vspherePolicy.ts';
import type { Simulation } from '../../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../../helpers/scenario.ts';

const vm = (name: string, memoryMiB: number, workload: Record<string, unknown>) => ({
  name,
  memoryMiB,
  kernelMiB: 16,
  shares: memoryMiB * 10,
  balloon: { driver: 'vmware' },
  workload,
});

/** Two steady VMs and a batch job whose memory grows at 32 MiB/s on a 512 MiB host. */
function ramp(): Simulation {
  return sim({
    seed: 11,
    tickMs: 100,
    host: { memoryMiB: 512, swapMiB: 1024, compression: true, largePages: true, pageSharing: 'all', shareScanPagesPerSec: 20000 },
    policy: { kind: 'vsphere', samplePeriodSeconds: 10 },
    vms: [
      vm('web', 192, { kind: 'steady', activeMiB: 64, footprintMiB: 150, accessesPerSec: 4000, writePercent: 80, identicalPercent: 20 }),
      vm('db', 192, { kind: 'steady', activeMiB: 96, footprintMiB: 150, accessesPerSec: 4000, writePercent: 80, identicalPercent: 20 }),
      vm('batch', 256, { kind: 'hog', activeMiB: 0, footprintMiB: 230, growMiBPerSec: 32, accessesPerSec: 4000, writePercent: 100 }),
    ],
  });
}

describe('vSphere 6 policy', () => {
  it('derives its five thresholds from minFree (6% of a 512 MiB host) with the hysteresis margin', () => {
    const s = ramp();
    const p = s.policy as VspherePolicy;
    const minFree = minFreePages(512 * MiB);
    expect(p.minFreePages).toBeCloseTo(0.06 * 512 * MiB, 6);
    const levels = p.states.levels;
    expect(levels.map((l) => l.name)).toEqual(['high', 'clear', 'soft', 'hard', 'low']);
    expect(levels.slice(1).map((l) => l.enterBelowPages / minFree)).toEqual([1, 0.64, 0.32, 0.16]);
    // Rising needs the threshold of the state above plus 10%: Clear -> High above 400% * 1.1.
    expect(levels[1].leaveAbovePages / minFree).toBeCloseTo(4.4, 9);
    expect(levels[4].leaveAbovePages / minFree).toBeCloseTo(0.352, 9);
  });

  it('goes High -> Clear -> Soft -> Hard under a ramp: TPS from Clear, balloon in Soft, compress and swap in Hard', () => {
    const s = ramp();
    const firstSeen: string[] = [];
    let mergedInFirstHigh = 0;
    let balloonRaisedInHard = 0;
    let hardTicks = 0;
    let prevTargets = s.vms.map((v) => v.driver!.targetPages);
    runChecked(s, 12, (x) => {
      const state = x.policy.state;
      if (!firstSeen.includes(state)) firstSeen.push(state);
      if (firstSeen.length === 1) mergedInFirstHigh = x.hv.stats.pagesMerged;
      const targets = x.vms.map((v) => v.driver!.targetPages);
      if (state === 'hard') {
        hardTicks++;
        if (targets.some((t, i) => t > prevTargets[i])) balloonRaisedInHard++;
      }
      prevTargets = targets;
    });
    expect(firstSeen.slice(0, 4)).toEqual(['high', 'clear', 'soft', 'hard']);
    // Large pages: nothing is merged while the host is in High; TPS works from Clear down.
    expect(mergedInFirstHigh).toBe(0);
    expect(s.hv.stats.pagesMerged).toBeGreaterThan(0);
    // Hard compresses (host.compression on) and swaps; ballooning has stopped there.
    expect(s.hv.stats.compressions).toBeGreaterThan(0);
    expect(s.hv.stats.hostSwapOuts).toBeGreaterThan(0);
    expect(hardTicks).toBeGreaterThan(0);
    expect(balloonRaisedInHard).toBe(0);
    expect(
      s.events.entries.some((e) => e.type === 'vmware-state' && e.product === 'vsphere' && e.state === 'clear' && e.direction === 'down'),
    ).toBe(true);
  }, 120_000);

  it('with salting on, shares pages only within a VM; with salting off, across VMs', () => {
    const crossVmFrames = (salting: boolean): { cross: number; merged: number } => {
      const s = sim({
        seed: 4,
        tickMs: 500,
        host: { memoryMiB: 1024, pageSharing: 'all', shareScanPagesPerSec: 50000 },
        policy: { kind: 'vsphere', salting },
        vms: [1, 2, 3].map((i) =>
          vm(`spec${i}`, 192, { kind: 'steady', activeMiB: 32, footprintMiB: 120, identicalPercent: 60, writePercent: 20 }),
        ),
      });
      runChecked(s, 20);
      const vmsOfFrame = new Map<number, Set<number>>();
      s.vms.forEach((v, i) => {
        for (const e of v.ept.entries) {
          if (e < 0 || (e & EPT_READONLY) === 0) continue;
          const f = eptFrame(e);
          if (!vmsOfFrame.has(f)) vmsOfFrame.set(f, new Set());
          vmsOfFrame.get(f)!.add(i);
        }
      });
      return { cross: [...vmsOfFrame.values()].filter((set) => set.size > 1).length, merged: s.hv.stats.pagesMerged };
    };
    const salted = crossVmFrames(true);
    const unsalted = crossVmFrames(false);
    expect(salted.merged).toBeGreaterThan(0); // zero pages still merge within each VM
    expect(salted.cross).toBe(0);
    expect(unsalted.cross).toBeGreaterThan(0);
    expect(unsalted.merged).toBeGreaterThan(salted.merged);
  }, 120_000);
});
