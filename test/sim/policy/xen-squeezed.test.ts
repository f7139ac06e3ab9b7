// Xen with XAPI squeezed: the equal-ratio arithmetic for three domains (golden numbers), the
// failure results, and in the simulation: every domain at the same ratio with the host's free
// memory at target_host_free_mem, no chatter afterwards, stuck detection after 2 s.
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/sim/invariants.ts';
import { squeezeRatio, TARGET_HOST_FREE_MEM_KIB, FREE_MEM_TOLERANCE_KIB } from '../../../src/sim/policy/squeeze.ts';
import type { XenSqueezedPolicy } from '../../../src/sim/policy/xenPolicy.ts';
import { loadPreset } from '../../../src/sim/scenario/load.ts';
import { Simulation } from '../../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../../helpers/scenario.ts';

describe('squeezed ratio (squeezer.md)', () => {
  it('gives three domains the same ratio r = (available - sum min) / sum(max - min)', () => {
    // min/max 512/1024, 768/2048, 1024/3072 MiB; 4000 MiB for domains:
    // r = (4000 - 2304) / 3840 = 0.441666...; targets 738.13, 1333.33, 1928.53 MiB (sum 4000).
    const r = squeezeRatio(
      [{ dynMin: 512, dynMax: 1024, fixed: null }, { dynMin: 768, dynMax: 2048, fixed: null }, { dynMin: 1024, dynMax: 3072, fixed: null }],
      4000,
    );
    expect(r.result).toBe('ok');
    expect(r.ratio).toBeCloseTo(1696 / 3840, 12);
    expect(r.targets[0]).toBeCloseTo(738.1333, 3);
    expect(r.targets[1]).toBeCloseTo(1333.3333, 3);
    expect(r.targets[2]).toBeCloseTo(1928.5333, 3);
    expect(r.targets.reduce((s, t) => s + t, 0)).toBeCloseTo(4000, 9);
  });

  it('caps the ratio at 1 with memory to spare, and reports DynamicMinsTooHigh below the minimums', () => {
    expect(squeezeRatio([{ dynMin: 100, dynMax: 200, fixed: null }], 1000)).toEqual({ ratio: 1, targets: [200], result: 'ok' });
    const r = squeezeRatio([{ dynMin: 600, dynMax: 800, fixed: null }, { dynMin: 600, dynMax: 800, fixed: null }], 1000);
    expect(r.result).toBe('DynamicMinsTooHigh');
    expect(r.targets).toEqual([600, 600]);
  });

  it('holds a stuck domain where it is, squeezes the others harder, and reports DomainsRefusedToCooperate when that is not enough', () => {
    const doms = [{ dynMin: 100, dynMax: 500, fixed: null }, { dynMin: 100, dynMax: 500, fixed: 450 }];
    const r = squeezeRatio(doms, 800);
    expect(r.targets).toEqual([350, 450]);
    expect(squeezeRatio(doms, 500).result).toBe('DomainsRefusedToCooperate');
  });
});

describe('xen policy in the simulation', () => {
  it('settles every domain at the same ratio with ~10 MiB host free (Xen accounting), then leaves the targets alone', () => {
    const p = loadPreset('xen-squeezed');
    if (!p.ok) throw new Error(p.errors.join());
    const s = new Simulation(p.scenario);
    s.run(5);
    const policy = s.policy as XenSqueezedPolicy;
    const ratios = s.vms.map((vm) => {
      const alloc = vm.os.mem.pages - vm.driver!.actualPages;
      const min = vm.config.policy.dynamicMinMiB as number;
      const max = vm.config.policy.dynamicMaxMiB as number;
      return (alloc / MiB - min) / (max - min);
    });
    for (const r of ratios) expect(r).toBeCloseTo(policy.ratio, 3);
    expect(policy.ratio).toBeGreaterThan(0.4);
    expect(policy.ratio).toBeLessThan(0.5);
    expect(Math.abs(policy.hostFreePages() * 4 - TARGET_HOST_FREE_MEM_KIB)).toBeLessThanOrEqual(FREE_MEM_TOLERANCE_KIB);
    const changes = policy.targetChanges;
    s.run(115); // several 30 s periodic balances
    expect(policy.targetChanges).toBe(changes);
    expect(policy.balances).toBeGreaterThanOrEqual(4);
    expect(s.hv.stats.hostSwapOuts).toBe(0); // squeezed never overcommits
    expect(checkInvariants(s)).toEqual([]);
  });

  it('keeps the invariants after every tick on a small host', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      policy: { kind: 'xen' },
      vms: [0, 1, 2].map((i) => ({ name: `d${i}`, memoryMiB: 256, kernelMiB: 32, dynamicMinMiB: 96 + 32 * i, dynamicMaxMiB: 256, balloon: { driver: 'xen' }, workload: { kind: 'steady', activeMiB: 40, footprintMiB: 60 } })),
    });
    runChecked(s, 6);
    expect(s.policy.state).toMatch(/^balanced/);
  });

  it('declares a driver stuck after 2 s without progress and holds it (DomainsRefusedToCooperate)', () => {
    // Tiny's dynamic-min (16 MiB) is below its kernel (48 MiB): its balloon can never reach the target.
    const s = sim({
      host: { memoryMiB: 560 },
      policy: { kind: 'xen' },
      vms: [
        { name: 'tiny', memoryMiB: 512, dynamicMinMiB: 16, dynamicMaxMiB: 512, balloon: { driver: 'xen' }, workload: { kind: 'idle', activeMiB: 4, footprintMiB: 8 } },
        { name: 'b', memoryMiB: 512, dynamicMinMiB: 256, dynamicMaxMiB: 512, balloon: { driver: 'xen' }, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 32 } },
        { name: 'c', memoryMiB: 512, dynamicMinMiB: 256, dynamicMaxMiB: 512, balloon: { driver: 'xen' }, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 32 } },
      ],
    });
    runChecked(s, 1.5);
    const policy = s.policy as XenSqueezedPolicy;
    expect(policy.result).toBe('ok');
    runChecked(s, 2);
    expect(s.events.entries.some((e) => e.type === 'squeezed-stuck' && e.vm === 0 && e.noProgressMs === 2000)).toBe(true);
    expect(policy.result).toBe('DomainsRefusedToCooperate');
    expect(s.events.entries.some((e) => e.type === 'squeezed-result' && e.result === 'DomainsRefusedToCooperate')).toBe(true);
    expect(s.vms[0].driver!.targetPages).toBe(s.vms[0].driver!.actualPages); // held at what it has
  });

  it('reports DynamicMinsTooHigh when the minimums exceed the host', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      policy: { kind: 'xen' },
      vms: [0, 1].map((i) => ({ name: `d${i}`, memoryMiB: 512, dynamicMinMiB: 300, dynamicMaxMiB: 512, balloon: { driver: 'xen' }, workload: { kind: 'idle', activeMiB: 8, footprintMiB: 16 } })),
    });
    s.run(1);
    expect((s.policy as XenSqueezedPolicy).result).toBe('DynamicMinsTooHigh');
    expect(s.policy.state).toMatch(/DynamicMinsTooHigh/);
  });
});
