// Property-based test: for random small scenarios and random balloon targets changed while
// running, every invariant holds after every tick.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, it } from 'vitest';
import { WORKLOAD_KINDS, BALLOON_DRIVERS } from '../../src/sim/scenario/params.ts';
import { runChecked, sim } from '../helpers/scenario.ts';

const vmArb = fc.record({
  memoryMiB: fc.integer({ min: 96, max: 256 }),
  guestSwapMiB: fc.integer({ min: 0, max: 256 }),
  balloon: fc.record({ enabled: fc.boolean(), driver: fc.constantFrom(...BALLOON_DRIVERS), deflateOnOom: fc.boolean() }),
  workload: fc.record({
    kind: fc.constantFrom(...WORKLOAD_KINDS),
    activeMiB: fc.integer({ min: 0, max: 64 }),
    footprintMiB: fc.integer({ min: 64, max: 320 }),
    fileMiB: fc.integer({ min: 64, max: 256 }),
    writePercent: fc.integer({ min: 0, max: 100 }),
    identicalPercent: fc.integer({ min: 0, max: 100 }),
    periodSeconds: fc.integer({ min: 1, max: 5 }),
    accessesPerSec: fc.integer({ min: 0, max: 5000 }),
    growMiBPerSec: fc.integer({ min: 8, max: 128 }),
  }),
});

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  host: fc.record({
    memoryMiB: fc.integer({ min: 192, max: 512 }),
    swapMiB: fc.integer({ min: 0, max: 512 }),
    pageSharing: fc.constantFrom('off', 'zero', 'all'),
    shareScanPagesPerSec: fc.integer({ min: 0, max: 50000 }),
    swapSelection: fc.constantFrom('random', 'lru'),
    compression: fc.boolean(),
  }),
  policy: fc.record({ kind: fc.constantFrom('manual', 'none') }),
  vms: fc.array(vmArb, { minLength: 1, maxLength: 3 }),
});

describe('model invariants', () => {
  it('hold after every tick of random scenarios with balloon targets changed on the fly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer({ min: 0, max: 240 }), { minLength: 4, maxLength: 4 }), (json, targets) => {
        const vms = json.vms.map((vm, i) => ({
          ...vm,
          name: `vm${i}`,
          workload: { ...vm.workload, activeMiB: Math.min(vm.workload.activeMiB, vm.workload.footprintMiB, vm.workload.fileMiB) },
        }));
        const s = sim({ ...json, vms });
        let step = 0;
        runChecked(s, 4, (x) => {
          if (x.ticks % 10 !== 0) return;
          for (const vm of x.vms) vm.config.balloon.targetMiB = Math.min(targets[step % 4], vm.config.memoryMiB - vm.config.kernelMiB);
          step++;
        });
      }),
      properties(25, 20261126),
    );
  });
});
