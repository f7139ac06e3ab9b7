// Every way a walk can end, each produced by a real simulation state: translated, guest page
// faults (never touched at the PTE or at an upper table, guest-swapped, outside the mapping)
// and EPT violations (ballooned, host-swapped, compressed, never touched, copy-on-write), on
// the data page or on a guest page-table page. The walk stops at the first fault.
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { PageKind } from '../../../src/sim/guest/pageState.ts';
import { pteIsSwapped, pteSwapSlot, VA_BASE } from '../../../src/sim/guest/Process.ts';
import { EPT_BALLOONED, eptIsSwapped, eptSwapSlot } from '../../../src/sim/host/Ept.ts';
import { translate, translateGuestPhysical } from '../../../src/sim/walk/translate.ts';
import type { Walk, WalkOutcome } from '../../../src/sim/walk/walkTypes.ts';
import { sim } from '../../helpers/scenario.ts';
import { addressOf, APP_PID, findWalk, guestSwapping, overcommitted, PAGE_BYTES, quietVm } from './walkFixtures.ts';

const is =
  (kind: WalkOutcome['kind'], cause?: string) =>
  (w: Walk): boolean =>
    w.outcome.kind === kind && (cause === undefined || ('cause' in w.outcome && w.outcome.cause === cause));

describe('guest page faults', () => {
  it('a page the process never touched: the PTE is empty (20 references: 4 nested walks + 4 guest entries)', () => {
    // A hog growing 1 MiB/s has touched virtual pages 0-255 after 1 s; page 300 shares their PT.
    const s = quietVm({}, { workload: { kind: 'hog', activeMiB: 0, footprintMiB: 32, growMiBPerSec: 1 } });
    expect(s.vms[0].os.processes[APP_PID]!.pte[255]).toBeGreaterThanOrEqual(0);
    const walk = translate(s, 0, APP_PID, addressOf(300));
    expect(walk.outcome).toMatchObject({ kind: 'guest-page-fault', cause: 'never-touched', guestLevel: 1, guestSwapSlot: null });
    expect(walk.steps).toHaveLength(20);
    expect(walk.steps[19]).toMatchObject({ table: 'guest PT', found: { kind: 'not-present', reason: 'never-touched' } });
  });

  it('a region never touched: the guest PD entry is empty, so the walk stops a level early', () => {
    const s = overcommitted(false);
    const process = s.vms[1].os.processes[APP_PID]!;
    const w = translate(s, 1, APP_PID, addressOf(process.virtualPages - 1));
    expect(w.outcome).toMatchObject({ kind: 'guest-page-fault', cause: 'never-touched', guestLevel: 2 });
    expect(w.steps).toHaveLength(15);
    expect(w.outcome.kind === 'guest-page-fault' && w.outcome.explanation).toContain('guest PD entry is empty');
  });

  it('a page the guest swapped out: the PTE holds its guest swap slot', () => {
    const s = guestSwapping();
    const process = s.vms[0].os.processes[APP_PID]!;
    const v = process.pte.findIndex(pteIsSwapped);
    expect(v).toBeGreaterThanOrEqual(0);
    const w = translate(s, 0, APP_PID, addressOf(v));
    expect(w.outcome).toMatchObject({
      kind: 'guest-page-fault',
      cause: 'guest-swapped',
      guestLevel: 1,
      guestSwapSlot: pteSwapSlot(process.pte[v]),
    });
    expect(w.steps.at(-1)!.found).toEqual({ kind: 'not-present', reason: 'guest-swapped' });
  });

  it('an address outside the process mapping: PML4 entry 253 is empty', () => {
    const s = quietVm();
    const w = translate(s, 0, APP_PID, VA_BASE - PAGE_BYTES);
    expect(w.outcome).toMatchObject({ kind: 'guest-page-fault', cause: 'outside-mapping', guestLevel: 4 });
    expect(w.steps).toHaveLength(5);
    expect(w.steps[4]).toMatchObject({ table: 'guest PML4', index: 253 });
  });
});

describe('EPT violations', () => {
  it('a ballooned page: the hypervisor removed its EPT entry', () => {
    const s = quietVm({}, { balloon: { targetMiB: 16 } });
    const vm = s.vms[0];
    const g = vm.ept.entries.indexOf(EPT_BALLOONED);
    expect(vm.os.mem.kind(g)).toBe(PageKind.Balloon);
    const w = translateGuestPhysical(s, 0, g * PAGE_BYTES);
    expect(w.kind).toBe('ept-only');
    expect(w.steps).toHaveLength(4);
    expect(w.outcome).toMatchObject({ kind: 'ept-violation', cause: 'ballooned', accessTo: 'data' });
    expect(w.outcome.kind === 'ept-violation' && w.outcome.explanation).toMatch(/^EPT violation/);
  });

  it('a host-swapped data page, after a full 24-reference walk, with its host swap slot', () => {
    const s = overcommitted(false);
    const found = findWalk(s, 0, is('ept-violation', 'host-swapped'));
    expect(found).not.toBeNull();
    const { v, walk } = found!;
    const entry = s.vms[0].ept.entries[s.vms[0].os.processes[APP_PID]!.pte[v]];
    expect(eptIsSwapped(entry)).toBe(true);
    expect(walk.steps).toHaveLength(24);
    expect(walk.outcome).toMatchObject({ accessTo: 'data', hostSwapSlot: eptSwapSlot(entry) });
  });

  it("a host-swapped guest page-table page stops the walk inside that table's nested walk", () => {
    const s = overcommitted(false, 192);
    const found = findWalk(
      s,
      0,
      (w) => is('ept-violation', 'host-swapped')(w) && w.outcome.kind === 'ept-violation' && w.outcome.accessTo === 'guest page table',
      false,
      7,
    );
    expect(found).not.toBeNull();
    const { walk } = found!;
    const last = walk.steps.at(-1)!;
    expect(last).toMatchObject({ dimension: 'ept', level: 1, found: { kind: 'not-present', reason: 'host-swapped' } });
    expect(walk.steps.length % 5).toBe(4); // k complete guest levels (5 references each) + one 4-step nested walk
    expect(last.nestedWalkFor).toMatch(/^guest /);
  });

  it('a compressed page', () => {
    const s = overcommitted(true);
    const { walk } = findWalk(s, 0, is('ept-violation', 'compressed'))!;
    expect(walk.steps.at(-1)!.found).toEqual({ kind: 'not-present', reason: 'compressed' });
    expect(walk.outcome.kind === 'ept-violation' && walk.outcome.explanation).toContain('compression cache');
  });

  it('a guest-physical page that never had a host frame: the host will allocate a zeroed frame', () => {
    const s = quietVm();
    const w = translateGuestPhysical(s, 0, (s.vms[0].ept.pages - 1) * PAGE_BYTES + 8);
    expect(w.outcome).toMatchObject({ kind: 'ept-violation', cause: 'never-touched', guestPhysicalAddress: '0x3fff008' });
    expect(w.outcome.kind === 'ept-violation' && w.outcome.explanation).toContain('zeroed frame');
  });

  it('a write to a page shared copy-on-write; a read of it translates', () => {
    const s = sim(findPreset('identical-vms')!.scenario);
    s.run(10);
    const { v, walk } = findWalk(s, 0, is('ept-violation', 'copy-on-write'), true, 3)!;
    expect(walk.steps.at(-1)!.found).toMatchObject({ kind: 'host-frame', shared: true });
    const read = translate(s, 0, APP_PID, addressOf(v));
    expect(read.outcome.kind).toBe('translated');
    expect(read.steps).toHaveLength(24);
  });
});
