// The event log's sentences about mechanisms: host swapping (once, not a sentence a tick),
// double paging, guest OOM kills and notable balloon states.
import { describe, expect, it } from 'vitest';
import { sim } from '../helpers/scenario.ts';

describe('narrator', () => {
  it('tells when the host starts swapping and when double paging first happens, without chatter', () => {
    const s = sim({
      host: { memoryMiB: 512, swapMiB: 1024 }, policy: { kind: 'none' },
      vms: [
        { name: 'a', memoryMiB: 384, balloon: { enabled: false }, workload: { kind: 'steady', activeMiB: 128, footprintMiB: 300 } },
        { name: 'b', memoryMiB: 256, guestSwapMiB: 512, balloon: { enabled: false }, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 400, growMiBPerSec: 32 } },
      ],
    });
    s.run(30);
    const texts = s.events.entries.map((e) => e.text);
    expect(texts.filter((t) => t.includes('started swapping')).length).toBeGreaterThanOrEqual(1);
    expect(texts.filter((t) => t.includes('started swapping')).length).toBeLessThan(5);
    expect(texts.some((t) => t.startsWith('Double paging'))).toBe(true);
  });

  it('tells about a guest OOM kill', () => {
    const s = sim({ host: { memoryMiB: 1024 }, vms: [{ name: 'g', memoryMiB: 256, guestSwapMiB: 0, balloon: { targetMiB: 150 }, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 300, growMiBPerSec: 64 } }] });
    s.run(10);
    const texts = s.events.entries.map((e) => e.text);
    expect(texts.some((t) => t.includes('OOM killer killed hog'))).toBe(true);
    expect(s.events.since(0).length).toBe(s.events.entries.length);
  });
});
