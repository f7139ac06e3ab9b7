// Page sharing merges only identical pages: the scanner's hash is a lookup key, and a hash match
// is compared in full (the exact content identities of src/sim/guest/pageContent.ts), as ESX and
// KSM compare bytes. checkInvariants (run after every tick) checks that every page in use that
// maps a shared frame holds exactly that frame's content.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/sim/host/PageSharing.ts';
import { contentIdentity } from '../../src/sim/guest/pageContent.ts';
import { runChecked, sim } from '../helpers/scenario.ts';

describe('page sharing compares full contents', () => {
  it('the 31-bit hash does collide for distinct contents (so a compare is needed)', () => {
    const seen = new Map<number, number>();
    let collisions = 0;
    for (let v = 0; v < 200000; v++) {
      const id = contentIdentity(103, v);
      const h = contentHash(id);
      if (seen.has(h) && seen.get(h) !== id) collisions++;
      seen.set(h, id);
    }
    expect(collisions).toBeGreaterThan(0);
  });

  it('a VM with no identical pages shares nothing, however many hash collisions its pages have', () => {
    // 2 GiB of code and read-only data (identical across VMs of this kind, but each page of it
    // different from every other), all of it scanned; no zero pages.
    const s = sim({
      seed: 8,
      tickMs: 500,
      host: { memoryMiB: 4096, pageSharing: 'all', shareScanPagesPerSec: 200000 },
      vms: [
        {
          memoryMiB: 2304,
          workload: { kind: 'steady', activeMiB: 64, footprintMiB: 2048, identicalPercent: 100, writePercent: 100, accessesPerSec: 200 },
        },
      ],
    });
    runChecked(s, 20);
    expect(s.sharing.fullScans).toBeGreaterThan(1);
    expect(s.hv.stats.hashCollisionsRejected).toBeGreaterThan(0);
    expect(s.hv.stats.pagesMerged).toBe(0);
    expect(s.hv.frames.sharedFrames).toBe(0);
  }, 120_000);
});
