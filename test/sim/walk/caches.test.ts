// The walk caches: a TLB hit skips the whole walk, the nested TLB skips the EPT walks of guest
// page-table pages, the page walk cache serves upper-level entries of both dimensions; an EPT
// change (epoch) empties them all, and no cache ever serves a translation the tables no
// longer give.
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { pteIsSwapped } from '../../../src/sim/guest/Process.ts';
import { translate, WalkCaches } from '../../../src/sim/walk/index.ts';
import { sim } from '../../helpers/scenario.ts';
import { addressOf, APP_PID, findWalk, quietVm } from './walkFixtures.ts';

const ADDRESS = addressOf(5, 0x40);
const cachesOf = (tlbEntries: number, pageWalkCache: boolean, nestedTlb: boolean) => ({ tlbEntries, pageWalkCache, nestedTlb });

describe('TLB', () => {
  it('a second walk of the same page is a hit: 0 memory references, all 24 steps skipped', () => {
    const s = quietVm(cachesOf(64, false, false));
    const caches = new WalkCaches(s.scenario.host);
    const cold = translate(s, 0, APP_PID, ADDRESS, { caches });
    expect(cold.memoryReferences).toBe(24);
    expect(cold.cacheHits).toEqual([]);
    const warm = translate(s, 0, APP_PID, ADDRESS + 8, { caches });
    expect(warm.memoryReferences).toBe(0);
    expect(warm.cacheHits).toHaveLength(1);
    expect(warm.cacheHits[0]).toMatchObject({ cache: 'TLB', steps: Array.from({ length: 24 }, (_, i) => i + 1) });
    expect(warm.steps.every((st) => st.servedBy === 'TLB')).toBe(true);
    expect(warm.outcome.kind === 'translated' && warm.outcome.hostFrame).toBe(cold.outcome.kind === 'translated' && cold.outcome.hostFrame);
  });

  it('evicts the least recently used entry when full', () => {
    const s = quietVm(cachesOf(2, false, false));
    const caches = new WalkCaches(s.scenario.host);
    for (const v of [1, 2, 1, 3]) translate(s, 0, APP_PID, addressOf(v), { caches });
    expect(translate(s, 0, APP_PID, addressOf(1), { caches }).memoryReferences).toBe(0);
    expect(translate(s, 0, APP_PID, addressOf(2), { caches }).memoryReferences).toBe(24);
  });

  it('is off with 0 entries', () => {
    const s = quietVm(cachesOf(0, false, false));
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, ADDRESS, { caches });
    expect(translate(s, 0, APP_PID, ADDRESS, { caches }).memoryReferences).toBe(24);
  });

  it('misses on a write to a page it holds read-only (shared copy-on-write): the walk ends in an EPT violation', () => {
    const s = sim({
      ...findPreset('identical-vms')!.scenario,
      host: { ...(findPreset('identical-vms')!.scenario.host as object), tlbEntries: 64 },
    });
    s.run(10);
    const { v } = findWalk(s, 0, (w) => w.outcome.kind === 'ept-violation' && w.outcome.cause === 'copy-on-write', true, 3)!;
    const caches = new WalkCaches(s.scenario.host);
    expect(translate(s, 0, APP_PID, addressOf(v), { caches }).outcome.kind).toBe('translated');
    expect(translate(s, 0, APP_PID, addressOf(v), { caches }).memoryReferences).toBe(0);
    const write = translate(s, 0, APP_PID, addressOf(v), { caches, write: true });
    expect(write.memoryReferences).toBe(24);
    expect(write.outcome).toMatchObject({ kind: 'ept-violation', cause: 'copy-on-write' });
  });
});

describe('page walk cache and nested TLB', () => {
  it('the page walk cache serves the upper-level entries: 6 references left, the leaf of each walk', () => {
    const s = quietVm(cachesOf(0, true, false));
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, ADDRESS, { caches });
    const warm = translate(s, 0, APP_PID, ADDRESS, { caches });
    expect(warm.memoryReferences).toBe(6);
    const read = warm.steps.filter((st) => st.servedBy === 'memory');
    expect(read.every((st) => st.level === 1)).toBe(true);
    expect(warm.cacheHits.every((h) => h.cache === 'page walk cache' && h.steps.length === 1)).toBe(true);
  });

  it('a nested TLB holding every guest-physical page of the walk leaves the 4 guest entries: the native walk', () => {
    const s = quietVm(cachesOf(0, false, true));
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, ADDRESS, { caches });
    const warm = translate(s, 0, APP_PID, ADDRESS, { caches });
    expect(warm.memoryReferences).toBe(4);
    expect(warm.cacheHits.map((h) => [h.cache, h.steps.length])).toEqual(Array.from({ length: 5 }, () => ['nested TLB', 4]));
    expect(warm.cacheHits[4].description).toContain('data page');
    expect(warm.steps.filter((st) => st.servedBy === 'memory').map((st) => st.table)).toEqual([
      'guest PML4',
      'guest PDPT',
      'guest PD',
      'guest PT',
    ]);
  });

  it('the nested TLB does not answer a write to a shared (read-only) data page: its EPT walk is made', () => {
    const s = sim({
      ...findPreset('identical-vms')!.scenario,
      host: { ...(findPreset('identical-vms')!.scenario.host as object), tlbEntries: 0, nestedTlb: true },
    });
    s.run(10);
    const { v } = findWalk(s, 0, (w) => w.outcome.kind === 'ept-violation' && w.outcome.cause === 'copy-on-write', true, 3)!;
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, addressOf(v), { caches });
    expect(translate(s, 0, APP_PID, addressOf(v), { caches }).memoryReferences).toBe(4);
    const write = translate(s, 0, APP_PID, addressOf(v), { caches, write: true });
    expect(write.memoryReferences).toBe(8);
    expect(write.outcome).toMatchObject({ kind: 'ept-violation', cause: 'copy-on-write' });
  });

  it('together they leave 2 references for a neighbouring page: its guest PTE and its EPT leaf entry', () => {
    const s = quietVm(cachesOf(64, true, true));
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, ADDRESS, { caches });
    const next = translate(s, 0, APP_PID, addressOf(6), { caches });
    expect(next.memoryReferences).toBe(2);
    expect(next.steps.filter((st) => st.servedBy === 'memory').map((st) => st.table)).toEqual(['guest PT', 'EPT PT']);
    expect(next.cacheHits.map((h) => h.steps[0])).toEqual([...next.cacheHits.map((h) => h.steps[0])].sort((a, b) => a - b));
  });

  it('a walk that faults fills the upper-level caches but not the TLB', () => {
    const s = quietVm(cachesOf(64, true, true));
    const caches = new WalkCaches(s.scenario.host);
    const beyond = addressOf(s.vms[0].os.processes[APP_PID]!.virtualPages + 10);
    expect(translate(s, 0, APP_PID, beyond, { caches }).outcome.kind).toBe('guest-page-fault');
    const again = translate(s, 0, APP_PID, beyond, { caches });
    expect(again.cacheHits.some((h) => h.cache === 'TLB')).toBe(false);
    expect(again.memoryReferences).toBeLessThan(again.steps.length);
  });
});

describe('invalidation', () => {
  it('stays warm across ticks that remove no EPT mapping', () => {
    const s = quietVm(cachesOf(64, true, true));
    const caches = new WalkCaches(s.scenario.host);
    translate(s, 0, APP_PID, ADDRESS, { caches });
    const epoch = s.vms[0].ept.epoch;
    s.run(1);
    expect(s.vms[0].ept.epoch).toBe(epoch);
    const warm = translate(s, 0, APP_PID, ADDRESS, { caches });
    expect(warm.invalidation).toBeNull();
    expect(warm.memoryReferences).toBe(0);
  });

  it("empties all of a VM's caches when its EPT changes (balloon inflate: INVEPT)", () => {
    const s = quietVm(cachesOf(64, true, true));
    const caches = new WalkCaches(s.scenario.host);
    for (let v = 0; v < 64; v++) translate(s, 0, APP_PID, addressOf(v), { caches });
    const epoch = s.vms[0].ept.epoch;
    s.vms[0].config.balloon.targetMiB = 40; // more than the free pages: backed pages go too
    s.run(1);
    expect(s.vms[0].ept.epoch).toBeGreaterThan(epoch);
    const { v } = findWalk(s, 0, (w) => w.outcome.kind === 'translated')!; // (a walk without caches)
    expect(v).toBeLessThan(64);
    const after = translate(s, 0, APP_PID, addressOf(v), { caches });
    expect(after.invalidation).toContain('INVEPT');
    expect(after.cacheHits).toEqual([]);
    expect(after.memoryReferences).toBe(24);
    const again = translate(s, 0, APP_PID, addressOf(v), { caches });
    expect(again.invalidation).toBeNull();
    expect(again.memoryReferences).toBe(0);
  });

  it('never serves a translation the guest has since removed (it swapped the page out)', () => {
    const s = sim({
      seed: 7,
      host: { memoryMiB: 512, tlbEntries: 64 },
      policy: { kind: 'manual' },
      vms: [
        { memoryMiB: 64, kernelMiB: 8, guestSwapMiB: 256, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 128, growMiBPerSec: 32 } },
      ],
    });
    s.run(0.5);
    const caches = new WalkCaches(s.scenario.host);
    expect(translate(s, 0, APP_PID, addressOf(0), { caches }).outcome.kind).toBe('translated');
    const epoch = s.vms[0].ept.epoch;
    s.run(3);
    expect(pteIsSwapped(s.vms[0].os.processes[APP_PID]!.pte[0])).toBe(true);
    expect(s.vms[0].ept.epoch).toBe(epoch); // the guest's own paging changes no EPT mapping
    const after = translate(s, 0, APP_PID, addressOf(0), { caches });
    expect(after.outcome).toMatchObject({ kind: 'guest-page-fault', cause: 'guest-swapped' });
    expect(after.cacheHits.some((h) => h.cache === 'TLB')).toBe(false);
  });
});
