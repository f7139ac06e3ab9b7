// The working set is the truth behind the sampled touch stream (src/sim/guest/workingSet.ts):
// whatever the touch rate, the guest's LRU keeps it and evicts cold pages first, a working set
// that moves is faulted in within seconds (as fast as the disk allows), page sharing sees a
// written working set as volatile, and the host's LRU clock does not hide accesses from ESX
// idle sampling. Invariants are checked after every tick.
import { describe, expect, it } from 'vitest';
import { EPT_ACCESSED, EPT_READONLY, EPT_YOUNG } from '../../src/sim/host/Ept.ts';
import { PageKind } from '../../src/sim/guest/pageState.ts';
import { anonRmapVpage } from '../../src/sim/guest/Process.ts';
import type { Simulation } from '../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

/** Pages of the window [lo, hi) of VM 0's process that are resident, and that are on guest swap. */
function windowPages(s: Simulation): { resident: number; swapped: number; size: number } {
  const w = s.vms[0].workload;
  const [lo, hi] = w.window();
  let resident = 0;
  let swapped = 0;
  for (let v = lo; v < hi; v++) {
    const e = w.process.pte[v];
    if (e >= 0) resident++;
    else if (e < -1) swapped++;
  }
  return { resident, swapped, size: hi - lo };
}

describe('the working set behind the touch stream', () => {
  it('the guest LRU evicts cold pages before working-set pages, even at 200 touches a second', () => {
    // 1200 MiB footprint, a 256 MiB working set; the balloon leaves the guest about 690 MiB.
    const s = sim({
      seed: 5,
      tickMs: 500,
      host: { memoryMiB: 2048 },
      policy: { kind: 'manual' },
      vms: [
        {
          memoryMiB: 1536,
          guestSwapMiB: 2048,
          balloon: { targetMiB: 800 },
          workload: { kind: 'steady', activeMiB: 256, footprintMiB: 1200, accessesPerSec: 200 },
        },
      ],
    });
    // While the footprint is populated and the balloon inflates at once, reclaim laps the LRU
    // within a tick and takes some working-set pages too; they are faulted back once populating
    // is done. From then on only cold pages leave.
    runChecked(s, 20);
    const os = s.vms[0].os;
    expect(s.vms[0].driver!.actualPages).toBe(800 * MiB);
    expect(os.stats.pswpout).toBeGreaterThan(400 * MiB); // the guest did reclaim a lot
    const swapInsBefore = os.stats.pswpin;
    runChecked(s, 40);
    const ws = windowPages(s);
    expect(ws.resident).toBe(ws.size);
    expect(ws.swapped).toBe(0);
    // Swap-ins are the few cold touches (2% of 200 a second), not the working set coming back.
    expect(os.stats.pswpin - swapInsBefore).toBeLessThan(200);
    // The early losses came back through the program's real references, not the sampled touches.
    expect(s.vms[0].workload.workingSet.faultedBack).toBeGreaterThan(1000);
  });

  it('faults a 2 GiB working set in within seconds when it moves, at the default touch rate', () => {
    // Two 2 GiB phases in a 3 GiB guest: the other phase lives on the guest's (fast) swap device.
    const s = sim({
      seed: 6,
      tickMs: 100,
      host: { memoryMiB: 4096, swapMiB: 0 },
      policy: { kind: 'manual' },
      vms: [
        {
          memoryMiB: 3072,
          guestSwapMiB: 4096,
          guestDiskLatencyUs: 5,
          balloon: { enabled: false },
          workload: { kind: 'phased', activeMiB: 2048, footprintMiB: 4096, periodSeconds: 60, writePercent: 0 },
        },
      ],
    });
    s.run(50);
    // The first window is resident within seconds of the start.
    expect(windowPages(s).resident).toBe(2048 * MiB);
    s.run(10); // the phase changes at 60 s
    const [lo] = s.vms[0].workload.window();
    expect(lo).toBe(2048 * MiB);
    let seconds = 0;
    while (windowPages(s).resident < 0.99 * 2048 * MiB && seconds < 60) {
      runChecked(s, 1);
      seconds++;
    }
    // 2 GiB of 5 µs swap-ins plus the guest's reclaim to make room: seconds, not minutes (the
    // sampled touches alone, 2000 a second, would need more than four minutes).
    expect(seconds).toBeLessThanOrEqual(8);
  }, 60_000);

  it('page sharing sees a written working set as volatile and never merges it', () => {
    const s = sim({
      seed: 7,
      tickMs: 100,
      host: { memoryMiB: 1024, pageSharing: 'all', shareScanPagesPerSec: 100000 },
      vms: [{ memoryMiB: 512, workload: { kind: 'steady', activeMiB: 128, footprintMiB: 384, writePercent: 30, accessesPerSec: 200 } }],
    });
    runChecked(s, 20);
    expect(s.hv.stats.volatileScans).toBeGreaterThan(0);
    expect(s.hv.stats.pagesMerged).toBeGreaterThan(0); // cold zero pages still merge
    const vm = s.vms[0];
    const [lo, hi] = vm.workload.window();
    let mergedInWindow = 0;
    for (let g = 0; g < vm.ept.pages; g++) {
      const e = vm.ept.entries[g];
      if (e < 0 || (e & EPT_READONLY) === 0 || vm.os.mem.kind(g) !== PageKind.Anon) continue;
      const v = anonRmapVpage(vm.os.mem.rmap[g]);
      if (v >= lo && v < hi) mergedInWindow++;
    }
    expect(mergedInWindow).toBe(0);
    // A working set that is only read is not volatile.
    expect(vm.workload.workingSet.volatile(vm.workload.process.pte[lo])).toBe(true);
    vm.workload.workingSet.writes = false;
    expect(vm.workload.workingSet.volatile(vm.workload.process.pte[lo])).toBe(false);
  });

  it('the host LRU clock harvests an accessed bit without hiding the access from idle sampling', () => {
    const s = sim({
      host: { memoryMiB: 1024, swapSelection: 'lru' },
      vms: [{ memoryMiB: 256, workload: { kind: 'steady', activeMiB: 16, footprintMiB: 32 } }],
    });
    s.run(1);
    const ept = s.vms[0].ept;
    const g = s.vms[0].workload.process.pte[0];
    expect(ept.entries[g] & EPT_ACCESSED).not.toBe(0);
    ept.clearAccessed(g, true); // the host LRU clock passes
    expect(ept.entries[g] & EPT_ACCESSED).toBe(0);
    expect(ept.entries[g] & EPT_YOUNG).not.toBe(0);
    ept.clearAccessed(g, false); // idle sampling starts a period with this page
    expect(ept.entries[g] & (EPT_ACCESSED | EPT_YOUNG)).toBe(0);
    // Both resets are the working set's business: the program references the page again.
    expect(s.vms[0].workload.workingSet.pending).toBeGreaterThanOrEqual(2);
    s.run(1);
    expect(ept.entries[g] & EPT_ACCESSED).not.toBe(0);
  });
});
