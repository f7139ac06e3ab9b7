// VMware, Xen and Hyper-V balloon drivers: their pacing constants from the Linux drivers.
import { describe, expect, it } from 'vitest';
import { hypervBalloonFloorMiB } from '../../src/sim/balloon/hypervDriver.ts';
import { VMW_NOSLEEP_ALLOC_MAX, VMW_RATE_ALLOC_MAX, VMW_RATE_ALLOC_MIN } from '../../src/sim/balloon/vmwareDriver.ts';
import type { XenBalloonDriver } from '../../src/sim/balloon/xenDriver.ts';
import type { VmwareBalloonDriver } from '../../src/sim/balloon/vmwareDriver.ts';
import type { HypervBalloonDriver } from '../../src/sim/balloon/hypervDriver.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

const idle = { kind: 'idle', activeMiB: 16, footprintMiB: 32, accessesPerSec: 100 };

describe('VMware balloon (vmw_balloon.c)', () => {
  it('inflates 16384 pages (64 MiB) per 1 s poll while the guest has memory to spare', () => {
    const s = sim({ host: { memoryMiB: 2048 }, vms: [{ memoryMiB: 1024, balloon: { driver: 'vmware', targetMiB: 600 }, workload: idle }] });
    s.run(0.9);
    expect(s.vms[0].driver!.actualPages).toBe(0);
    s.run(0.1);
    expect(s.vms[0].driver!.actualPages).toBe(VMW_NOSLEEP_ALLOC_MAX);
    s.run(2);
    expect(s.vms[0].driver!.actualPages).toBe(3 * VMW_NOSLEEP_ALLOC_MAX);
  });

  it('caps the balloon at Mem.CtlMaxPercent = 65% of the VM', () => {
    const s = sim({
      host: { memoryMiB: 2048 },
      vms: [{ memoryMiB: 1024, kernelMiB: 32, balloon: { driver: 'vmware', targetMiB: 900 }, workload: idle }],
    });
    s.run(20);
    expect(s.vms[0].driver!.actualPages).toBe(Math.floor(1024 * MiB * 0.65));
  });

  it('falls back to the adaptive 512-2048 page rate under guest pressure', () => {
    const s = sim({
      host: { memoryMiB: 2048 },
      vms: [
        {
          memoryMiB: 512,
          guestSwapMiB: 512,
          balloon: { driver: 'vmware' },
          workload: { kind: 'steady', activeMiB: 64, footprintMiB: 380 },
        },
      ],
    });
    runChecked(s, 2);
    s.vms[0].config.balloon.targetMiB = 300;
    const d = s.vms[0].driver! as VmwareBalloonDriver;
    const before = d.actualPages;
    runChecked(s, 10);
    const gained = d.actualPages - before;
    expect(d.rateAlloc).toBeGreaterThanOrEqual(VMW_RATE_ALLOC_MIN);
    expect(d.rateAlloc).toBeLessThanOrEqual(VMW_RATE_ALLOC_MAX);
    // Under pressure it cannot have moved at the unpressured 64 MiB/s for all 10 polls.
    expect(gained).toBeLessThan(10 * VMW_NOSLEEP_ALLOC_MAX);
    expect(s.vms[0].os.stats.pswpout).toBeGreaterThan(0);
  });
});

describe('Xen balloon (drivers/xen/balloon.c)', () => {
  it('backs off 1, 2, 4, ... up to 32 s while it cannot allocate', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      vms: [
        { memoryMiB: 256, guestSwapMiB: 0, balloon: { driver: 'xen' }, workload: { kind: 'steady', activeMiB: 150, footprintMiB: 180 } },
      ],
    });
    s.run(1);
    s.vms[0].config.balloon.targetMiB = 200;
    const d = s.vms[0].driver! as XenBalloonDriver;
    const delays: number[] = [];
    let failures = d.allocFailures;
    for (let i = 0; i < 1200; i++) {
      s.step();
      if (d.allocFailures === failures) continue;
      failures = d.allocFailures;
      expect(d.activity).toBe('retry-later');
      delays.push(d.retryAfterMs / 1000);
    }
    expect(delays.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 32, 32]);
  });
});

describe('Hyper-V balloon (drivers/hv/hv_balloon.c)', () => {
  it('computes the balloon floor of compute_balloon_floor', () => {
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

  it('refuses to balloon below the floor', () => {
    const s = sim({ host: { memoryMiB: 2048 }, vms: [{ memoryMiB: 1024, kernelMiB: 32, balloon: { driver: 'hyperv' }, workload: idle }] });
    s.run(1);
    s.vms[0].config.balloon.targetMiB = 990;
    s.run(5);
    const d = s.vms[0].driver! as HypervBalloonDriver;
    expect(d.activity).toBe('floor-reached');
    expect(s.vms[0].os.availablePages()).toBeGreaterThanOrEqual(d.floorPages - 512);
    expect(d.actualPages).toBeLessThan(990 * MiB);
  });
});
