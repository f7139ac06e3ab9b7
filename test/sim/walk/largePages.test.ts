// Large pages are used only where nothing splits them: a ballooned (or swapped, compressed,
// shared) 4 KiB page splits the host large page around it, which then falls back to the next
// size that fits; a page on the guest's swap device splits the guest's large page.
import { describe, expect, it } from 'vitest';
import { EPT_BALLOONED } from '../../../src/sim/host/Ept.ts';
import { pteIsSwapped } from '../../../src/sim/guest/Process.ts';
import { translate, translateGuestPhysical } from '../../../src/sim/walk/translate.ts';
import { addressOf, APP_PID, guestSwapping, PAGE_BYTES, quietVm } from './walkFixtures.ts';

describe('host large pages', () => {
  it('a VM with no holes is one 1 GiB host page: every nested walk reads 2 entries', () => {
    const s = quietVm();
    const w = translate(s, 0, APP_PID, addressOf(5), { hostPageSize: '1 GiB' });
    expect(w.memoryReferences).toBe(14);
    expect(w.steps.filter((st) => st.found.kind === 'host-frame').every((st) => st.table === 'EPT PDPT')).toBe(true);
    expect(w.outcome.kind === 'translated' && w.outcome.explanation).toContain('1 GiB host large page');
  });

  it('a balloon splits them: the 1 GiB page breaks into 2 MiB pages, and a region with a ballooned page into 4 KiB', () => {
    const s = quietVm();
    s.vms[0].config.balloon.targetMiB = 8;
    s.run(3);
    const ept = s.vms[0].ept;
    const ballooned = ept.entries.findIndex((e) => e === EPT_BALLOONED);
    expect(ballooned).toBeGreaterThanOrEqual(0);
    const regionOf = (g: number) => Math.floor(g / 512);
    const holes = new Set<number>();
    ept.entries.forEach((e, g) => {
      if (e === EPT_BALLOONED) holes.add(regionOf(g));
    });
    const whole = ept.entries.findIndex((e, g) => e >= 0 && !holes.has(regionOf(g)));
    const split = ept.entries.findIndex((e, g) => e >= 0 && holes.has(regionOf(g)));
    expect(translateGuestPhysical(s, 0, whole * PAGE_BYTES, { hostPageSize: '1 GiB' })).toMatchObject({
      hostPageSize: '2 MiB',
      memoryReferences: 3,
    });
    expect(translateGuestPhysical(s, 0, split * PAGE_BYTES, { hostPageSize: '1 GiB' })).toMatchObject({
      hostPageSize: '4 KiB',
      memoryReferences: 4,
    });
    expect(translateGuestPhysical(s, 0, ballooned * PAGE_BYTES, { hostPageSize: '1 GiB' }).outcome).toMatchObject({
      kind: 'ept-violation',
      cause: 'ballooned',
    });
  });
});

describe('guest large pages', () => {
  it('a guest-swapped page splits the guest large page around it; a wholly resident region stays one', () => {
    const s = guestSwapping();
    const process = s.vms[0].os.processes[APP_PID]!;
    const regions = Math.ceil(process.virtualPages / 512);
    const swappedIn = (r: number) => process.pte.subarray(r * 512, (r + 1) * 512).some(pteIsSwapped);
    const residentIn = (r: number) => process.pte.subarray(r * 512, (r + 1) * 512).findIndex((e) => e >= 0);
    const splitRegion = Array.from({ length: regions }, (_, r) => r).find((r) => swappedIn(r) && residentIn(r) >= 0)!;
    const wholeRegion = Array.from({ length: regions }, (_, r) => r).find((r) => !swappedIn(r) && residentIn(r) >= 0)!;
    const walk = (r: number) => translate(s, 0, APP_PID, addressOf(r * 512 + residentIn(r)), { guestPageSize: '2 MiB' });
    expect(walk(splitRegion)).toMatchObject({ guestPageSize: '4 KiB' });
    expect(walk(wholeRegion)).toMatchObject({ guestPageSize: '2 MiB' });
    expect(
      walk(wholeRegion)
        .steps.filter((st) => st.dimension === 'guest')
        .map((st) => st.table),
    ).toEqual(['guest PML4', 'guest PDPT', 'guest PD']);
  });
});
