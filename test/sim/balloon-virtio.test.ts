// The virtio balloon: QEMU's num_pages arithmetic, 256-PFN messages, frames returned to the
// host, EPT entries removed, "Out of puff" back-off, and DEFLATE_ON_OOM with MemTotal.
import { describe, expect, it } from 'vitest';
import { EPT_BALLOONED, EptKind } from '../../src/sim/host/Ept.ts';
import { PageKind } from '../../src/sim/guest/pageState.ts';
import { VIRTIO_OUT_OF_PUFF_SLEEP_MS } from '../../src/sim/balloon/virtioDriver.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

describe('virtio balloon', () => {
  it('inflates to QEMU "balloon 1024" on a 4096 MiB guest: 786432 pages in 3072 messages', () => {
    // num_pages = (ram_size - target) >> 12 (hw/virtio/virtio-balloon.c): (4096 - 1024) MiB / 4 KiB.
    const targetMiB = 4096 - 1024;
    const s = sim({
      host: { memoryMiB: 8192 },
      vms: [{ memoryMiB: 4096, balloon: { targetMiB }, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 64, accessesPerSec: 100 } }],
    });
    s.run(4);
    const d = s.vms[0].driver!;
    expect(d.targetPages).toBe(786432);
    expect(d.actualPages).toBe(786432);
    expect(d.inflateMessages).toBe(3072);
    expect(s.vms[0].ept.counts[EptKind.Ballooned]).toBe(786432);
  });

  it('returns the frames of ballooned pages to the host and removes their EPT entries', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      vms: [{ memoryMiB: 512, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 300, writePercent: 50 } }],
    });
    runChecked(s, 3);
    const freeBefore = s.hv.frames.freeFrames;
    const backedBefore = s.vms[0].ept.present;
    s.vms[0].config.balloon.targetMiB = 128;
    runChecked(s, 2);
    const vm = s.vms[0];
    expect(vm.driver!.actualPages).toBe(128 * MiB);
    // Ballooned pages that had frames gave them back; the guest picked free pages first.
    const released = backedBefore - vm.ept.present;
    expect(s.hv.frames.freeFrames - freeBefore).toBeGreaterThanOrEqual(released - 2 * MiB);
    for (let g = 0; g < vm.os.mem.pages; g++) {
      if (vm.os.mem.kind(g) === PageKind.Balloon) expect(vm.ept.entries[g]).toBe(EPT_BALLOONED);
    }
    expect(vm.os.stats.pswpout).toBe(0);
  });

  it('deflates back and the pages are backed again only when touched', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      vms: [{ memoryMiB: 512, balloon: { targetMiB: 256 }, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 128 } }],
    });
    runChecked(s, 2);
    s.vms[0].config.balloon.targetMiB = 0;
    runChecked(s, 2);
    expect(s.vms[0].driver!.actualPages).toBe(0);
    expect(s.vms[0].ept.counts[EptKind.Ballooned]).toBe(0);
    expect(s.vms[0].driver!.deflateMessages).toBe(256);
  });

  it('runs out of puff and sleeps 200 ms instead of forcing the guest to OOM', () => {
    // The balloon asks for more than the guest can give without heavy reclaim.
    const s = sim({
      host: { memoryMiB: 1024 },
      vms: [{ memoryMiB: 256, guestSwapMiB: 0, workload: { kind: 'steady', activeMiB: 120, footprintMiB: 150 } }],
    });
    runChecked(s, 1);
    s.vms[0].config.balloon.targetMiB = 200;
    let sawPuff = false;
    runChecked(s, 4, (x) => {
      if (x.vms[0].driver!.activity === 'out-of-puff') sawPuff = true;
    });
    const d = s.vms[0].driver!;
    expect(sawPuff).toBe(true);
    expect(d.allocFailures).toBeGreaterThan(0);
    expect(d.actualPages).toBeLessThan(200 * MiB);
    expect(s.vms[0].os.stats.oomKill).toBe(0);
    // Failures are spaced by the 200 ms sleep: at most one per 200 ms (plus the first).
    expect(d.allocFailures).toBeLessThanOrEqual(4000 / VIRTIO_OUT_OF_PUFF_SLEEP_MS + 1);
  });

  it('with DEFLATE_ON_OOM gives 1 MiB back per OOM instead of killing, and keeps MemTotal constant', () => {
    const make = (deflateOnOom: boolean) =>
      sim({
        host: { memoryMiB: 1024 },
        vms: [
          {
            memoryMiB: 256,
            guestSwapMiB: 0,
            balloon: { targetMiB: 160, deflateOnOom },
            workload: { kind: 'hog', activeMiB: 0, footprintMiB: 150, growMiBPerSec: 16 },
          },
        ],
      });
    const withFlag = make(true);
    const memTotalStart = withFlag.vms[0].os.memTotalPages(true);
    runChecked(withFlag, 2);
    expect(withFlag.vms[0].os.memTotalPages(true)).toBe(memTotalStart);
    runChecked(withFlag, 10);
    expect(withFlag.vms[0].driver!.oomDeflates).toBeGreaterThan(0);
    expect(withFlag.vms[0].os.stats.oomKill).toBe(0);

    const without = make(false);
    runChecked(without, 2);
    const vm = without.vms[0];
    expect(vm.os.memTotalPages(false)).toBe(vm.os.mem.pages - vm.os.kernelPages - vm.driver!.actualPages);
    runChecked(without, 10);
    expect(vm.os.stats.oomKill).toBeGreaterThan(0);
  });
});
