// The events of the mechanisms below the policies, as data: host swapping told once when it
// starts (not an event a tick), double paging once, a guest OOM kill with its process, balloon
// inflation in steps, and a driver entering a state that holds it short of its target.
import { describe, expect, it } from 'vitest';
import { STEP_PAGES } from '../../src/sim/eventDetector.ts';
import { EVENT_KIND, eventVm } from '../../src/sim/events.ts';
import { sim } from '../helpers/scenario.ts';

describe('event detector', () => {
  it('tells when the host starts swapping and when double paging first happens, without chatter', () => {
    const s = sim({
      host: { memoryMiB: 512, swapMiB: 1024 },
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
    s.run(30);
    const types = s.events.entries.map((e) => e.type);
    const starts = types.filter((t) => t === 'host-swap-started').length;
    expect(starts).toBeGreaterThanOrEqual(1);
    expect(starts).toBeLessThan(5);
    expect(types.filter((t) => t === 'double-paging')).toHaveLength(1);
    const swapped = s.events.entries.filter((e) => e.type === 'host-swapped');
    expect(swapped.length).toBeGreaterThan(0);
    for (const e of swapped) if (e.type === 'host-swapped') expect(e.changePages).toBeGreaterThanOrEqual(STEP_PAGES);
  });

  it('tells about a guest OOM kill, naming the process and the restart delay', () => {
    const s = sim({
      host: { memoryMiB: 1024 },
      vms: [
        {
          name: 'g',
          memoryMiB: 256,
          guestSwapMiB: 0,
          balloon: { targetMiB: 150 },
          workload: { kind: 'hog', activeMiB: 0, footprintMiB: 300, growMiBPerSec: 64 },
        },
      ],
    });
    s.run(10);
    expect(s.events.entries).toContainEqual(expect.objectContaining({ type: 'oom-kill', vm: 0, process: 'hog', restartAfterMs: 5000 }));
    expect(s.events.since(0).length).toBe(s.events.entries.length);
  });

  it('tells a balloon inflating in steps of at least 32 MiB, with its size, and its kind and VM', () => {
    const s = sim({
      host: { memoryMiB: 2048 },
      vms: [{ name: 'g', memoryMiB: 1024, balloon: { targetMiB: 300 }, workload: { kind: 'steady', activeMiB: 128, footprintMiB: 256 } }],
    });
    s.run(10);
    const inflated = s.events.entries.filter((e) => e.type === 'balloon-inflated');
    expect(inflated.length).toBeGreaterThanOrEqual(1);
    expect(inflated.length).toBeLessThanOrEqual(Math.ceil((300 * 256) / STEP_PAGES));
    for (const e of inflated) {
      if (e.type !== 'balloon-inflated') continue;
      expect(e.changePages).toBeGreaterThanOrEqual(STEP_PAGES);
      expect(EVENT_KIND[e.type]).toBe('balloon');
      expect(eventVm(e)).toBe(0);
    }
    const last = inflated.at(-1);
    expect(last?.type === 'balloon-inflated' && last.balloonPages).toBeLessThanOrEqual(300 * 256);
  });

  it('tells a virtio driver running out of puff with the sleep it takes', () => {
    // A guest whose memory is all in use: the balloon's NORETRY allocations fail.
    const s = sim({
      host: { memoryMiB: 2048 },
      vms: [
        {
          name: 'g',
          memoryMiB: 512,
          guestSwapMiB: 0,
          balloon: { targetMiB: 400 },
          workload: { kind: 'steady', activeMiB: 400, footprintMiB: 420 },
        },
      ],
    });
    s.run(20);
    const stalled = s.events.entries.find((e) => e.type === 'balloon-stalled');
    expect(stalled).toMatchObject({ type: 'balloon-stalled', vm: 0, activity: 'out-of-puff' });
    expect(stalled?.type === 'balloon-stalled' && stalled.retryAfterMs).toBeGreaterThan(0);
  });
});
