// A walk is an inspection: it leaves the simulation's state (and so its stateHash) unchanged,
// even with caches; its result is plain JSON; bad arguments are RangeErrors that say why.
import { describe, expect, it } from 'vitest';
import { VA_BASE } from '../../../src/sim/guest/Process.ts';
import { stateHashHex } from '../../../src/sim/stateHash.ts';
import { translate, translateGuestPhysical } from '../../../src/sim/walk/translate.ts';
import { WalkCaches } from '../../../src/sim/walk/WalkCaches.ts';
import { addressOf, APP_PID, overcommitted, PAGE_BYTES, quietVm } from './walkFixtures.ts';

describe('translate is an inspection', () => {
  it('leaves stateHash unchanged after walks of every outcome, reads and writes, with and without caches', () => {
    const s = overcommitted(true);
    const before = stateHashHex(s);
    const caches = new WalkCaches({ tlbEntries: 64, pageWalkCache: true, nestedTlb: true });
    const outcomes = new Set<string>();
    for (let vm = 0; vm < s.vms.length; vm++) {
      const pages = s.vms[vm].os.processes[APP_PID]!.virtualPages;
      for (let v = 0; v < pages; v += 13) {
        for (const write of [false, true]) {
          outcomes.add(translate(s, vm, APP_PID, addressOf(v), { write, caches }).outcome.kind);
          translate(s, vm, APP_PID, addressOf(v), { write });
        }
      }
      for (let g = 0; g < s.vms[vm].ept.pages; g += 97) translateGuestPhysical(s, vm, g * PAGE_BYTES, { write: true });
    }
    expect([...outcomes].sort()).toEqual(['ept-violation', 'guest-page-fault', 'translated']);
    expect(stateHashHex(s)).toBe(before);
  });

  it('leaves stateHash unchanged with host large pages', () => {
    const s = quietVm({ largePages: true });
    const before = stateHashHex(s);
    for (let v = 0; v < 64; v++) translate(s, 0, APP_PID, addressOf(v));
    expect(stateHashHex(s)).toBe(before);
  });

  it('returns plain data that survives a JSON round trip', () => {
    const s = quietVm({ tlbEntries: 8, pageWalkCache: true, nestedTlb: true });
    const caches = new WalkCaches(s.scenario.host);
    for (const w of [
      translate(s, 0, APP_PID, addressOf(3), { caches }),
      translate(s, 0, APP_PID, addressOf(4), { caches }),
      translateGuestPhysical(s, 0, 0),
    ]) {
      expect(JSON.parse(JSON.stringify(w))).toEqual(w);
    }
  });
});

describe('arguments', () => {
  const s = quietVm();

  it('rejects a VM or process that does not exist', () => {
    expect(() => translate(s, 1, APP_PID, VA_BASE)).toThrow(/no VM 1/);
    expect(() => translate(s, 0, 7, VA_BASE)).toThrow(/no running process 7/);
  });

  it('rejects addresses outside the user half of the address space, and inexact numbers', () => {
    expect(() => translate(s, 0, APP_PID, -4096)).toThrow(RangeError);
    expect(() => translate(s, 0, APP_PID, 2 ** 47)).toThrow(/4-level paging/);
    expect(() => translate(s, 0, APP_PID, 2 ** 53 + 2)).toThrow(/BigInt/);
    expect(() => translateGuestPhysical(s, 0, s.vms[0].ept.pages * PAGE_BYTES)).toThrow(/outside VM 0/);
  });

  it('accepts 57-bit addresses with 5-level guest paging (BigInt) and finds their PML5 entry empty', () => {
    const s5 = quietVm({}, { pageTableLevels: 5 });
    const w = translate(s5, 0, APP_PID, (1n << 56n) - 1n);
    expect(w.guestVirtualAddress).toBe('0xffffffffffffff');
    expect(w.outcome).toMatchObject({ kind: 'guest-page-fault', cause: 'outside-mapping', guestLevel: 5 });
    expect(w.steps.at(-1)).toMatchObject({ table: 'guest PML5', index: 255, indexBits: 'guest-virtual bits 56-48' });
  });
});
