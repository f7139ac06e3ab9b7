// Guest memory bookkeeping: Linux watermarks and the lists.
import { describe, expect, it } from 'vitest';
import { GuestMemory, linuxWatermarks, LruList } from '../../src/sim/guest/GuestMemory.ts';
import { PageKind } from '../../src/sim/guest/pageState.ts';

describe('linuxWatermarks', () => {
  it('follows mm/page_alloc.c for a 1 GiB guest', () => {
    // min_free_kbytes = sqrt(1048576 KiB * 16) = 4096 KiB = 1024 pages; gap = max(256, 262).
    expect(linuxWatermarks(262144)).toEqual({ min: 1024, low: 1286, high: 1548 });
  });
  it('clamps min_free_kbytes to 256 MiB on huge machines and 128 KiB on tiny ones', () => {
    expect(linuxWatermarks(1 << 30).min).toBe(65536);
    expect(linuxWatermarks(16).min).toBe(32);
  });
});

describe('GuestMemory', () => {
  it('keeps per-kind counters and list lengths in step', () => {
    const m = new GuestMemory(16);
    const a = m.takeFree(PageKind.Anon, 0, 1);
    const b = m.takeFree(PageKind.Anon, 0, 2);
    const c = m.takeFree(PageKind.Cache, 0, 0);
    m.lruAdd(LruList.Anon, a);
    m.lruAdd(LruList.Anon, b);
    m.lruAdd(LruList.File, c);
    expect(m.count(PageKind.Anon)).toBe(2);
    expect(m.free).toBe(13);
    expect(m.lruOldest(LruList.Anon)).toBe(a);
    m.lruRemove(a);
    expect(m.lruOldest(LruList.Anon)).toBe(b);
    m.giveFree(a);
    expect(m.countFreeList()).toBe(m.free);
    expect(m.countLru(LruList.Anon)).toBe(1);
    m.pushBalloon(m.takeFree(PageKind.Balloon, 0, -1));
    expect(m.countBalloonList()).toBe(1);
  });
});
