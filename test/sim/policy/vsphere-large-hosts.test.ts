// The vSphere minFree sliding scale on the hosts engineers size (reference §1.8): a 96 GiB and a
// 128 GiB host built by the model, with the policy's thresholds read from the running policy.
// Figures in MB are MiB (the scale's "4 GB" band is 4096 MB: 6% of it is 245.76 MB).
import { describe, expect, it } from 'vitest';
import type { VspherePolicy } from '../../../src/sim/policy/vspherePolicy.ts';
import { MiB, sim } from '../../helpers/scenario.ts';

function vsphereHost(hostGiB: number): VspherePolicy {
  const s = sim({
    seed: 1,
    host: { memoryMiB: hostGiB * 1024, swapMiB: 0 },
    policy: { kind: 'vsphere' },
    vms: [{ name: 'vm1', memoryMiB: 1024, balloon: { driver: 'vmware' }, workload: { kind: 'idle' } }],
  });
  return s.policy as VspherePolicy;
}

describe('vSphere minFree on large hosts', () => {
  it('96 GiB host: minFree = 901.12 + 1% of 68 GiB = 1597.44 MB', () => {
    expect(vsphereHost(96).minFreePages / MiB).toBeCloseTo(1597.44, 6);
  });

  it('128 GiB host: minFree 1925.12 MB; Clear < 1925, Soft < 1232, Hard < 616, Low < 308 MB; High at 400%', () => {
    const p = vsphereHost(128);
    expect(p.minFreePages / MiB).toBeCloseTo(1925.12, 6);
    const enter = p.states.levels.slice(1).map((l) => l.enterBelowPages / MiB);
    expect(enter.map(Math.floor)).toEqual([1925, 1232, 616, 308]);
    expect(p.states.levels[0].name).toBe('high');
    expect(Math.floor((p.minFreePages * 4) / MiB)).toBe(7700);
  });
});
