// Guest reclaim order and LRU behaviour: free memory first, then clean page cache, then
// anonymous pages to the guest's swap; the active working set stays resident while idle pages go.
import { describe, expect, it } from 'vitest';
import { PageKind } from '../../src/sim/guest/pageState.ts';
import { pteIsSwapped } from '../../src/sim/guest/Process.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

describe('guest reclaim', () => {
  it('takes nothing while free memory is above the watermarks', () => {
    const s = sim({ host: { memoryMiB: 512 }, vms: [{ memoryMiB: 256, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 128 } }] });
    runChecked(s, 5);
    expect(s.vms[0].os.stats.pgsteal).toBe(0);
  });

  it('drops clean page cache before it swaps anything', () => {
    // 256 MiB guest: 100 MiB of heap, and a file reader streaming 1 GiB through the cache.
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [
        {
          memoryMiB: 256,
          workload: { kind: 'filecache', activeMiB: 1024, fileMiB: 1024, footprintMiB: 100, writePercent: 0, accessesPerSec: 5000 },
        },
      ],
    });
    runChecked(s, 30);
    const os = s.vms[0].os;
    expect(os.stats.pgsteal).toBeGreaterThan(10 * MiB);
    expect(os.stats.pswpout).toBe(0);
  });

  it('swaps idle anonymous pages and keeps the working set resident', () => {
    // 256 MiB guest, 400 MiB footprint: 100 MiB hot, the rest touched once at start-up.
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [{ memoryMiB: 256, guestSwapMiB: 512, workload: { kind: 'steady', activeMiB: 100, footprintMiB: 400, accessesPerSec: 20000 } }],
    });
    runChecked(s, 30);
    const p = s.vms[0].workload.process;
    let hotSwapped = 0;
    let coldSwapped = 0;
    for (let v = 0; v < p.pte.length; v++) {
      if (!pteIsSwapped(p.pte[v])) continue;
      if (v < 100 * MiB) hotSwapped++;
      else coldSwapped++;
    }
    expect(coldSwapped).toBeGreaterThan(100 * MiB);
    expect(hotSwapped).toBeLessThan(0.05 * coldSwapped);
    expect(s.vms[0].performance.value()).toBeGreaterThan(0.9);
  });

  it('OOM-kills the largest process when memory and swap are exhausted, and restarts it', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [{ memoryMiB: 256, guestSwapMiB: 64, workload: { kind: 'hog', footprintMiB: 600, growMiBPerSec: 128 } }],
    });
    runChecked(s, 12);
    const os = s.vms[0].os;
    expect(os.stats.oomKill).toBeGreaterThanOrEqual(1);
    expect(s.vms[0].workload.restarts).toBeGreaterThanOrEqual(1);
    expect(os.mem.count(PageKind.Kernel)).toBe(os.kernelPages);
  });
});
