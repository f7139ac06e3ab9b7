// Xen with XAPI squeezed, against xapi-project/xen-api ocaml/squeezed/lib/squeeze.ml and
// src/squeeze_xen.ml: golden numbers for the proportional targets, hit-target, the two-phase
// rule, stuckness after more than 5 s and the verdicts; a fixed-seed property test against a
// transcription of Proportional.compute_target_adjustments; and in the simulation: every domain
// at the same ratio with 72 MiB host free, no chatter afterwards, a stuck driver held.
import fc from 'fast-check';
import { properties } from '../../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/sim/invariants.ts';
import {
  FREE_MEMORY_TOLERANCE_KIB,
  hasHitTarget,
  inactiveTargetKib,
  isBalanced,
  oneIteration,
  proportionalTargets,
  TARGET_HOST_FREE_MEM_KIB,
  type SqueezeDomain,
} from '../../../src/sim/policy/squeeze.ts';
import { StucknessMonitor } from '../../../src/sim/policy/squeezeStuckness.ts';
import type { XenSqueezedPolicy } from '../../../src/sim/policy/xenPolicy.ts';
import { loadPreset } from '../../../src/sim/scenario/load.ts';
import { Simulation } from '../../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../../helpers/scenario.ts';

const dom = (id: number, dynMinKib: number, dynMaxKib: number, actualKib: number, targetKib = actualKib): SqueezeDomain => ({
  id,
  canBalloon: true,
  dynMinKib,
  dynMaxKib,
  targetKib,
  actualKib,
});

describe('squeezed Proportional policy (squeeze.ml)', () => {
  it('gives three domains the same gamma = surplus / total range', () => {
    // min/max 512/1024, 768/2048, 1024/3072 MiB, each at its max; host free 0.
    // min_freeable = actual - dynamic_min - 2 x 4 KiB: 524280, 1310712, 2097144 -> 3932136 KiB.
    // surplus = max(0, 0 + 3932136 - 73728) = 3858408; total range = 524288 + 1310720 + 2097152 = 3932160.
    // gamma = 3858408 / 3932160 = 0.981243896484375; targets = min + int(gamma x range):
    // 524288 + int(514454.4) = 1038742; 786432 + int(1286136.0) = 2072568; 1048576 + int(2057817.6) = 3106393.
    const doms = [
      dom(0, 512 * MiB * 4, 1024 * MiB * 4, 1024 * MiB * 4),
      dom(1, 768 * MiB * 4, 2048 * MiB * 4, 2048 * MiB * 4),
      dom(2, 1024 * MiB * 4, 3072 * MiB * 4, 3072 * MiB * 4),
    ];
    const r = proportionalTargets(doms, 0, TARGET_HOST_FREE_MEM_KIB);
    expect(r.gamma).toBe(3858408 / 3932160);
    expect(r.targets.map((t) => t.targetKib)).toEqual([1038742, 2072568, 3106393]);
  });

  it('clamps gamma into [0, 1]; no range and no surplus gives 0', () => {
    expect(proportionalTargets([dom(0, 100_000, 200_000, 150_000)], 1_000_000, TARGET_HOST_FREE_MEM_KIB)).toEqual({
      gamma: 1,
      targets: [{ id: 0, targetKib: 200_000 }],
    });
    // Surplus clamps at 0: free 0, min_freeable 0 (actual at min): gamma 0, target = dynamic_min.
    expect(proportionalTargets([dom(0, 100_000, 200_000, 100_000)], 0, TARGET_HOST_FREE_MEM_KIB).targets[0].targetKib).toBe(100_000);
    // dynamic_min = dynamic_max and nothing to spare: 0 / 0 is NaN -> 0.
    expect(proportionalTargets([dom(0, 100_000, 100_000, 100_000)], 0, TARGET_HOST_FREE_MEM_KIB).gamma).toBe(0);
  });

  it('has hit its target within inaccuracy_kib = 4 KiB; balanced when free - 73728 < 512', () => {
    expect(hasHitTarget(1000, 1004)).toBe(true);
    expect(hasHitTarget(1000, 1005)).toBe(false);
    expect(isBalanced(TARGET_HOST_FREE_MEM_KIB + FREE_MEMORY_TOLERANCE_KIB - 1)).toBe(true);
    expect(isBalanced(TARGET_HOST_FREE_MEM_KIB + FREE_MEMORY_TOLERANCE_KIB)).toBe(false);
    expect(isBalanced(0)).toBe(true); // one-sided: too little free memory is not a balancing failure
  });
});

describe('Squeezer.one_iteration', () => {
  it('two phases: while any domain must free memory, only the freeing targets are set', () => {
    // d0 at 300000 of 100000..400000, d1 at 100000 of 100000..400000, free 73728 + 8: surplus = 8 + 199992 + 0 = 200000,
    // gamma = 200000 / 600000: targets 200000 (d0 frees) and 200000 (d1 grows): only d0's is set now.
    const doms = [dom(0, 100_000, 400_000, 300_000), dom(1, 100_000, 400_000, 100_000)];
    const it1 = oneIteration(
      new StucknessMonitor(),
      new Set(),
      doms,
      TARGET_HOST_FREE_MEM_KIB + 8,
      TARGET_HOST_FREE_MEM_KIB,
      0,
      isBalanced,
    );
    expect(it1.action).toEqual({ kind: 'adjust', targets: [{ id: 0, targetKib: 200_000 }] });
    // Once d0 has freed its memory, the allocation phase sets d1's.
    const after = [dom(0, 100_000, 400_000, 200_000), dom(1, 100_000, 400_000, 100_000)];
    const it2 = oneIteration(
      new StucknessMonitor(),
      new Set(),
      after,
      TARGET_HOST_FREE_MEM_KIB + 100_008,
      TARGET_HOST_FREE_MEM_KIB,
      1000,
      isBalanced,
    );
    expect(it2.action).toEqual({
      kind: 'adjust',
      targets: [
        { id: 0, targetKib: 200_000 },
        { id: 1, targetKib: 200_000 },
      ],
    });
  });

  it('succeeds once every target is hit and unchanged; fails (Cannot_free_this_much_memory) with memory left over at dynamic_max', () => {
    const settled = [dom(0, 100_000, 400_000, 200_000), dom(1, 100_000, 400_000, 200_000)];
    expect(
      oneIteration(new StucknessMonitor(), new Set(), settled, TARGET_HOST_FREE_MEM_KIB + 16, TARGET_HOST_FREE_MEM_KIB, 0, isBalanced)
        .action,
    ).toEqual({ kind: 'success' });
    const full = [dom(0, 100_000, 400_000, 400_000), dom(1, 100_000, 400_000, 400_000)];
    expect(oneIteration(new StucknessMonitor(), new Set(), full, 1_000_000, TARGET_HOST_FREE_MEM_KIB, 0, isBalanced).action).toEqual({
      kind: 'failed',
      stuckIds: [],
    });
  });

  it('declares a domain stuck after more than 5 s without progress, leaves it out and squeezes the others harder', () => {
    const stuckness = new StucknessMonitor();
    const nonActive = new Set<number>();
    // d0 should go 300000 -> 200000 but does not move; d1 is at its target.
    const doms = [dom(0, 100_000, 400_000, 300_000, 200_000), dom(1, 100_000, 400_000, 200_000, 200_000)];
    const free = TARGET_HOST_FREE_MEM_KIB - 100_000 + 16;
    expect(oneIteration(stuckness, nonActive, doms, free, TARGET_HOST_FREE_MEM_KIB, 0, isBalanced).declaredInactive).toEqual([]);
    expect(oneIteration(stuckness, nonActive, doms, free, TARGET_HOST_FREE_MEM_KIB, 5000, isBalanced).declaredInactive).toEqual([]); // 5 s is not > 5 s
    const it = oneIteration(stuckness, nonActive, doms, free, TARGET_HOST_FREE_MEM_KIB, 5001, isBalanced);
    expect(it.declaredInactive).toEqual([0]);
    // Only d1 is active: surplus = max(0, free + (200000 - 100000 - 8) - 73728) = 8, gamma = 8 / 300000,
    // target = 100000 + int(gamma x 300000) = 100008: d1 is squeezed from 200000 to almost its minimum.
    expect(it.action).toEqual({ kind: 'adjust', targets: [{ id: 1, targetKib: 100_008 }] });
    // The stuck domain is held at min(target, actual) clipped into its range.
    expect(inactiveTargetKib(doms[0])).toBe(200_000);
    expect(inactiveTargetKib(dom(2, 100_000, 400_000, 50_000, 80_000))).toBe(100_000);
  });
});

describe('Proportional = a transcription of squeeze.ml (fast-check seed 424242)', () => {
  // The oracle: compute_target_adjustments and allocate_memory_in_proportion read line by line
  // (Int64 arithmetic on integers, Int64.to_float / of_float, constrain 0. 1.).
  function oracle(domains: SqueezeDomain[], free_mem_kib: number, host_target_kib: number): number[] {
    const min_freeable = (d: SqueezeDomain) => Math.max(0, d.actualKib - d.dynMinKib - 2 * 4);
    const range = (d: SqueezeDomain) => Math.max(0, d.dynMaxKib - d.dynMinKib);
    const maximum_free_mem_kib = domains.reduce((acc, d) => acc + min_freeable(d), free_mem_kib);
    const surplus_memory_kib = Math.max(0, maximum_free_mem_kib - host_target_kib);
    const total_range = domains.reduce((acc, d) => range(d) + acc, 0);
    const gamma_ = surplus_memory_kib / total_range;
    const gamma = gamma_ < 0 ? 0 : gamma_ > 1 ? 1 : Number.isNaN(gamma_) ? 0 : gamma_;
    return domains.map((d) => d.dynMinKib + Math.trunc(gamma * range(d)));
  }

  it('same targets for random hosts and domains', () => {
    const domArb = fc.record({
      min: fc.integer({ min: 0, max: 8_000_000 }),
      span: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8_000_000 })),
      at: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(domArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: -4_000_000, max: 4_000_000 }), (ds, free) => {
        const domains = ds.map((d, i) => dom(i, d.min, d.min + d.span, Math.max(0, d.min + Math.round(d.at * d.span))));
        expect(proportionalTargets(domains, free, TARGET_HOST_FREE_MEM_KIB).targets.map((t) => t.targetKib)).toEqual(
          oracle(domains, free, TARGET_HOST_FREE_MEM_KIB),
        );
      }),
      properties(2000, 424242),
    );
  });
});

describe('xen policy in the simulation', () => {
  it('balances at the first check (10 s): every domain at the same ratio with 72 MiB host free, then leaves the targets alone', () => {
    const p = loadPreset('xen-squeezed');
    if (!p.ok) throw new Error(p.errors.join());
    const s = new Simulation(p.scenario);
    s.run(9.9);
    const policy = s.policy as XenSqueezedPolicy;
    expect(policy.balances).toBe(0); // the balance thread sleeps before its first check
    s.run(5.1);
    const ratios = s.vms.map((vm) => {
      const alloc = vm.os.mem.pages - vm.driver!.actualPages;
      const min = vm.config.policy.dynamicMinMiB as number;
      const max = vm.config.policy.dynamicMaxMiB as number;
      return (alloc / MiB - min) / (max - min);
    });
    for (const r of ratios) expect(r).toBeCloseTo(policy.ratio, 3);
    expect(policy.ratio).toBeGreaterThan(0.4);
    expect(policy.ratio).toBeLessThan(0.5);
    expect(policy.hostFreePages() * 4 - TARGET_HOST_FREE_MEM_KIB).toBeLessThan(FREE_MEMORY_TOLERANCE_KIB);
    expect(policy.hostFreePages() * 4).toBeGreaterThanOrEqual(TARGET_HOST_FREE_MEM_KIB - 4 * 3);
    const changes = policy.targetChanges;
    s.run(105); // ten more checks: the host is balanced, no new balance
    expect(policy.targetChanges).toBe(changes);
    expect(policy.balances).toBe(1);
    expect(s.hv.stats.hostSwapOuts).toBe(0); // squeezed never overcommits
    expect(checkInvariants(s)).toEqual([]);
  });

  it('keeps the invariants after every tick on a small host', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      policy: { kind: 'xen' },
      vms: [0, 1, 2].map((i) => ({
        name: `d${i}`,
        memoryMiB: 256,
        kernelMiB: 32,
        dynamicMinMiB: 96 + 32 * i,
        dynamicMaxMiB: 256,
        balloon: { driver: 'xen' },
        workload: { kind: 'steady', activeMiB: 40, footprintMiB: 60 },
      })),
    });
    runChecked(s, 13);
    expect(s.policy.state).toMatch(/^balanced/);
  });

  it('declares a driver stuck after more than 5 s without progress, holds it and squeezes the others harder', () => {
    // Tiny's dynamic-min (16 MiB) is below its kernel (48 MiB): on a 640 MiB host its share (gamma ~0.04)
    // is a target of ~34 MiB, which its balloon can never reach.
    const s = sim({
      host: { memoryMiB: 640 },
      policy: { kind: 'xen' },
      vms: [
        {
          name: 'tiny',
          memoryMiB: 512,
          dynamicMinMiB: 16,
          dynamicMaxMiB: 512,
          balloon: { driver: 'xen' },
          workload: { kind: 'idle', activeMiB: 4, footprintMiB: 8 },
        },
        {
          name: 'b',
          memoryMiB: 512,
          dynamicMinMiB: 256,
          dynamicMaxMiB: 512,
          balloon: { driver: 'xen' },
          workload: { kind: 'idle', activeMiB: 16, footprintMiB: 32 },
        },
        {
          name: 'c',
          memoryMiB: 512,
          dynamicMinMiB: 256,
          dynamicMaxMiB: 512,
          balloon: { driver: 'xen' },
          workload: { kind: 'idle', activeMiB: 16, footprintMiB: 32 },
        },
      ],
    });
    runChecked(s, 16);
    const stuckEvent = () => s.events.entries.some((e) => e.type === 'squeezed-stuck' && e.vm === 0 && e.noProgressMs === 5000);
    expect(stuckEvent()).toBe(false); // the balance began at 10 s; tiny last moved at ~10.5 s
    const tinyTarget = s.policy.vmReport(0).entitlementPages;
    const bTarget = s.policy.vmReport(1).entitlementPages;
    runChecked(s, 2);
    expect(stuckEvent()).toBe(true);
    // Held at min(target, actual) = its target; left out, so b and c are squeezed harder.
    expect(s.policy.vmReport(0).entitlementPages).toBe(tinyTarget);
    expect(s.policy.vmReport(1).entitlementPages).toBeLessThan(bTarget);
    const policy = s.policy as XenSqueezedPolicy;
    expect(policy.hostFreePages() * 4 - TARGET_HOST_FREE_MEM_KIB).toBeLessThan(FREE_MEMORY_TOLERANCE_KIB);
    // The next checks find nothing to change: tiny still has memory to free, so the two-phase rule
    // sets only its (unchanged) target and b and c never get their share back.
    s.run(30);
    expect(policy.balances).toBe(1);
  });

  it('sets every target to its dynamic minimum when even the minimums do not fit', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      policy: { kind: 'xen' },
      vms: [0, 1].map((i) => ({
        name: `d${i}`,
        memoryMiB: 512,
        dynamicMinMiB: 300,
        dynamicMaxMiB: 512,
        balloon: { driver: 'xen' },
        workload: { kind: 'idle', activeMiB: 8, footprintMiB: 16 },
      })),
    });
    s.run(12);
    const policy = s.policy as XenSqueezedPolicy;
    expect(policy.ratio).toBe(0);
    for (const vm of s.vms) expect(vm.os.mem.pages - vm.driver!.targetPages).toBe(300 * MiB);
  });
});
