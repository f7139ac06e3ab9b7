// The hypervisor side: EPT violations on first touch, host swapping (random as ESX, LRU as a
// KVM host), double paging, the compression cache, and content-based page sharing with
// copy-on-write.
import { describe, expect, it } from 'vitest';
import { EptKind } from '../../src/sim/host/Ept.ts';
import { COMPRESSION_MAX_FRACTION } from '../../src/sim/host/CompressionCache.ts';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

const squeeze = (selection: 'random' | 'lru', extra: Record<string, unknown> = {}) => ({
  host: { memoryMiB: 640, swapMiB: 1024, swapSelection: selection, ...extra },
  policy: { kind: 'none' },
  vms: [1, 2].map((i) => ({
    name: `vm${i}`,
    memoryMiB: 384,
    balloon: { enabled: false },
    workload: { kind: 'steady', activeMiB: 96, footprintMiB: 320, accessesPerSec: 5000 },
  })),
});

describe('hypervisor', () => {
  it('backs a guest page only when first touched, through an EPT violation', () => {
    const s = sim({ host: { memoryMiB: 1024 }, vms: [{ memoryMiB: 512, workload: { kind: 'steady', activeMiB: 16, footprintMiB: 32 } }] });
    const vm = s.vms[0];
    // Only the kernel and the new process's top page tables are backed at boot.
    expect(vm.ept.present).toBeGreaterThanOrEqual(vm.os.kernelPages);
    expect(vm.ept.present).toBeLessThanOrEqual(vm.os.kernelPages + 5);
    const violations = s.hv.stats.eptViolations;
    runChecked(s, 1);
    expect(s.hv.stats.eptViolations).toBeGreaterThan(violations + 32 * MiB - 1);
    expect(vm.ept.counts[EptKind.Untouched]).toBeGreaterThan(400 * MiB);
  });

  it('swaps guest pages when the host runs out of frames', () => {
    const s = sim(squeeze('random'));
    runChecked(s, 10);
    expect(s.hv.stats.hostSwapOuts).toBeGreaterThan(0);
    expect(s.hv.frames.freeFrames).toBeGreaterThan(0);
  });

  it('keeps the working set resident with LRU selection, and so hurts less than random selection', () => {
    // Footprints that do not fit keep the host reclaiming; LRU takes the cold pages, random
    // selection takes working-set pages in proportion to their number, and the programs fault
    // them straight back (within their re-reference time).
    const churn = (selection: string) =>
      sim({
        host: { memoryMiB: 512, swapMiB: 1024, swapSelection: selection },
        policy: { kind: 'none' },
        vms: [1, 2].map((i) => ({
          name: `vm${i}`,
          memoryMiB: 384,
          balloon: { enabled: false },
          workload: { kind: 'steady', activeMiB: 128, footprintMiB: 320, accessesPerSec: 5000 },
        })),
      });
    const measure = (s: ReturnType<typeof churn>) => {
      s.run(20);
      const swapInsBefore = s.hv.stats.hostSwapIns;
      let perf = 0;
      for (let i = 0; i < 3; i++) {
        s.run(10);
        perf += s.vms[0].performance.value() / 3;
      }
      expect(checkInvariants(s)).toEqual([]);
      return { swapIns: s.hv.stats.hostSwapIns - swapInsBefore, perf };
    };
    const random = measure(churn('random'));
    const lru = measure(churn('lru'));
    expect(lru.swapIns).toBeLessThan(0.6 * random.swapIns);
    expect(lru.perf).toBeGreaterThan(random.perf);
  });

  it('counts double paging when a guest swaps out a page the host already swapped', () => {
    const s = sim({
      host: { memoryMiB: 512, swapMiB: 1024, swapSelection: 'random' },
      policy: { kind: 'none' },
      vms: [
        { name: 'a', memoryMiB: 384, balloon: { enabled: false }, workload: { kind: 'steady', activeMiB: 128, footprintMiB: 300 } },
        {
          name: 'b',
          memoryMiB: 256,
          guestSwapMiB: 512,
          balloon: { enabled: false },
          workload: { kind: 'hog', activeMiB: 0, footprintMiB: 400, growMiBPerSec: 32 },
        },
      ],
    });
    runChecked(s, 20);
    expect(s.hv.stats.doublePaging).toBeGreaterThan(0);
    expect(s.vms[1].os.stats.pswpout).toBeGreaterThan(0);
  });

  it('compresses instead of swapping, within 10% of the VM, two pages per frame', () => {
    const s = sim(squeeze('random', { compression: true }));
    runChecked(s, 15);
    expect(s.hv.stats.compressions).toBeGreaterThan(0);
    for (const vm of s.vms) {
      const cache = s.hv.vms[vm.index].compression!;
      expect(cache.pages).toBeLessThanOrEqual(Math.floor(vm.os.mem.pages * COMPRESSION_MAX_FRACTION));
      expect(cache.frames.length).toBe(Math.ceil(cache.pages / 2));
    }
  });

  it('shares identical pages across VMs: saved frames approach (N-1)/N of the identical pages', () => {
    const n = 4;
    const s = sim({
      host: { memoryMiB: 1024, pageSharing: 'all', shareScanPagesPerSec: 100000 },
      vms: Array.from({ length: n }, (_, i) => ({
        name: `s${i}`,
        memoryMiB: 256,
        workload: { kind: 'steady', activeMiB: 64, footprintMiB: 160, identicalPercent: 50, writePercent: 0 },
      })),
    });
    runChecked(s, 12);
    const identicalPages = 80 * MiB;
    // Identical program pages, kernel text and zero pages all merge; at least (N-1) copies of the program go.
    expect(s.hv.frames.sharingSavedFrames).toBeGreaterThan((n - 1) * identicalPages * 0.95);
  });

  it('merges only zero pages in "zero" mode, and a write to a shared page takes a copy-on-write fault', () => {
    // The written working set is volatile and never merged; the cold rest of the footprint
    // (70% of it never written) is, and the occasional cold write breaks a merged page again.
    const s = sim({
      host: { memoryMiB: 1024, pageSharing: 'zero', shareScanPagesPerSec: 100000 },
      vms: [{ memoryMiB: 384, workload: { kind: 'steady', activeMiB: 100, footprintMiB: 300, identicalPercent: 0, writePercent: 30 } }],
    });
    runChecked(s, 30);
    expect(s.hv.stats.pagesMerged).toBeGreaterThan(0);
    expect(s.hv.stats.cowFaults).toBeGreaterThan(0);
    expect(s.hv.frames.sharedFrames).toBeLessThanOrEqual(1);
    expect(s.hv.stats.volatileScans).toBeGreaterThan(0);
  });
});
