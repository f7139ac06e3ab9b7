// The virtio balloon device's feature bits as scenario parameters (reference §2.1-2.2, §5.2):
// MUST_TELL_HOST orders deflation behind the host's ack, STATS_VQ is the host's only view of
// guest statistics, PAGE_REPORTING belongs to each VM's device (old policy-level files still
// load), and a buggy guest touching a ballooned page takes one EPT violation and reads zeros.
import { describe, expect, it } from 'vitest';
import type { VirtioBalloonDriver } from '../../src/sim/balloon/virtioDriver.ts';
import { PageKind } from '../../src/sim/guest/pageState.ts';
import { EPT_BALLOONED } from '../../src/sim/host/Ept.ts';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import type { Simulation } from '../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

const idle = { kind: 'idle', activeMiB: 16, footprintMiB: 64, accessesPerSec: 100 };

function inflated(balloon: Record<string, unknown>): Simulation {
  const s = sim({ host: { memoryMiB: 2048 }, vms: [{ memoryMiB: 1024, balloon: { targetMiB: 512, ...balloon }, workload: idle }] });
  runChecked(s, 1);
  expect(s.vms[0].driver!.actualPages).toBe(512 * MiB);
  return s;
}

describe('MUST_TELL_HOST', () => {
  it('on: the guest gets deflated pages back one acknowledged 256-page message at a time (1 ms each)', () => {
    const s = inflated({ mustTellHost: true });
    s.vms[0].config.balloon.targetMiB = 0;
    runChecked(s, 0.1);
    expect(s.vms[0].driver!.actualPages).toBe(512 * MiB - 100 * 256);
  });

  it('off: the guest takes the whole deflate back at once and tells the host afterwards', () => {
    const s = inflated({ mustTellHost: false });
    s.vms[0].config.balloon.targetMiB = 0;
    runChecked(s, 0.1);
    const d = s.vms[0].driver!;
    expect(d.actualPages).toBe(0);
    expect(d.deflateMessages).toBe(512);
    expect(s.vms[0].os.mem.count(PageKind.Balloon)).toBe(0);
    expect(s.vms[0].ept.entries.includes(EPT_BALLOONED)).toBe(false); // the host heard of every page
  });
});

describe('STATS_VQ', () => {
  /** MOM with ballooning off grows a ballooned guest back by 5% steps, from its stats (mem_unused). */
  const ballooned = (statsVq: boolean) => {
    const s = sim({
      seed: 3,
      host: { memoryMiB: 512, swapMiB: 1024, swapSelection: 'lru' },
      policy: { kind: 'kvm-mom', balloonEnabled: false },
      vms: [
        [75, 130],
        [75, 130],
        [50, 100],
      ].map(([activeMiB, footprintMiB], i) => ({
        name: `g${i}`,
        memoryMiB: 256,
        kernelMiB: 32,
        balloon: { statsVq },
        workload: { kind: 'steady', activeMiB, footprintMiB },
      })),
    });
    s.vms[0].driver!.setTarget(100 * MiB);
    runChecked(s, 40);
    return s;
  };

  it("on: MOM reads the guest's statistics and grows the balloon back", () => {
    const s = ballooned(true);
    expect(s.vms[0].driver!.targetPages).toBeLessThan(100 * MiB);
    expect(s.events.entries.some((e) => e.type === 'mom-balloon')).toBe(true);
  });

  it('off: the host gets no guest statistics, so MOM never sizes the balloon from them', () => {
    const s = ballooned(false);
    expect(s.observed[0].reportedStats()).toBeNull();
    expect(s.vms[0].driver!.targetPages).toBe(100 * MiB);
    expect(s.events.entries.some((e) => e.type === 'mom-balloon')).toBe(false);
  });
});

describe("PAGE_REPORTING on the VM's device", () => {
  const reporting = (balloon: Record<string, unknown>, policy: Record<string, unknown> = {}) =>
    sim({
      host: { memoryMiB: 2048 },
      policy,
      vms: [{ name: 'g', memoryMiB: 1024, balloon, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 600, accessesPerSec: 100 } }],
    });

  it("runs under any policy when the VM's device offers it, and not otherwise", () => {
    for (const on of [true, false]) {
      const s = reporting({ freePageReporting: on });
      runChecked(s, 3);
      s.vms[0].os.kill(s.vms[0].workload.process);
      runChecked(s, 3);
      expect((s.vms[0].driver as VirtioBalloonDriver).reporting !== null).toBe(on);
      expect(s.hv.stats.reportedPagesDiscarded > 0).toBe(on);
    }
  });

  it("an old file's policy.freePageReporting still loads: moved to every VM's balloon, with a warning", () => {
    const r = validateScenario({
      format: 1,
      policy: { kind: 'kvm-mom', freePageReporting: true },
      vms: [{ name: 'a' }, { name: 'b', balloon: { freePageReporting: false } }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.vms.map((vm) => vm.balloon.freePageReporting)).toEqual([true, false]);
    expect('freePageReporting' in r.scenario.policy.params).toBe(false);
    expect(r.warnings.some((w) => w.startsWith('policy.freePageReporting: moved to vms[i].balloon.freePageReporting'))).toBe(true);
  });
});

describe('a buggy guest touching a ballooned page (reference §5.2)', () => {
  it('takes exactly one EPT violation and reads a zero page; a second touch takes none; deflating later leaks nothing', () => {
    const s = inflated({});
    const vm = s.vms[0];
    let g = 0;
    while (vm.os.mem.kind(g) !== PageKind.Balloon) g++;
    expect(vm.ept.entries[g]).toBe(EPT_BALLOONED);
    const violations = s.hv.stats.eptViolations;
    const freeFrames = s.hv.frames.freeFrames;
    const first = vm.os.touchGuestPhysical(g, false);
    expect(first).toMatchObject({ exited: true, readZero: true });
    expect(s.hv.stats.eptViolations).toBe(violations + 1);
    expect(s.hv.stats.balloonedTouches).toBe(1);
    expect(s.hv.frames.freeFrames).toBe(freeFrames - 1); // a fresh frame backs it again
    expect(vm.os.contentIdentity(g)).toBe(0);
    const second = vm.os.touchGuestPhysical(g, false);
    expect(second).toEqual({ exited: false, stallUs: 0, readZero: true });
    expect(s.hv.stats.eptViolations).toBe(violations + 1);
    expect(vm.os.mem.kind(g)).toBe(PageKind.Balloon); // the guest still counts it ballooned
    expect(checkInvariants(s)).toEqual([]);
    vm.config.balloon.targetMiB = 0;
    runChecked(s, 1);
    expect(vm.driver!.actualPages).toBe(0);
  });

  it('names a page outside guest memory', () => {
    const s = inflated({});
    expect(() => s.vms[0].os.touchGuestPhysical(s.vms[0].os.mem.pages, false)).toThrow(/outside guest memory/);
  });
});
