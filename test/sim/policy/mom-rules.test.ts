// oVirt MOM's balloon and KSM rules against vdsm's mom.d policies (oVirt/vdsm
// static/etc/vdsm/mom.d/02-balloon.policy, 03-ksm.policy) as MOM's engine evaluates them
// (oVirt/mom mom/Policy/Parser.py, Python 3 true division; the controllers' int()): one golden
// test per branch with the arithmetic written out, then a fixed-seed property test comparing
// momRules with a line-by-line transcription of the policies (the oracle below).
import fc from 'fast-check';
import { properties } from '../../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import {
  ksmPagesPerSec,
  momBalloonRule,
  momFloor,
  momGuestFreePercent,
  momHostFreePercent,
  momKsmRule,
  type KsmTunables,
  type MomGuest,
} from '../../../src/sim/policy/momRules.ts';
import { StatHistory } from '../../../src/sim/policy/statHistory.ts';

const MIB = 1024; // KiB
const guest = (over: Partial<MomGuest>): MomGuest => ({
  balloonCurKib: 2000 * MIB,
  balloonCurAvgKib: 2000 * MIB,
  memUnusedAvgKib: 800 * MIB,
  memUnusedValid: true,
  balloonMinKib: 0,
  balloonMaxKib: 2048 * MIB,
  ...over,
});

describe('02-balloon.policy, shrink_guest (host_free_percent < pressure_threshold and balloonEnabled)', () => {
  it('normal pressure: 5% of balloon_cur per run (host free 10%: 2000 -> 1900 MiB)', () => {
    // guest_free_percent = (* min_guest_free_percent (/ host_free_percent pressure_threshold)) = 0.20 x (0.10 / 0.20) = 0.10
    // balloon_min = (max guest.balloon_min (+ guest_used_mem (* guest_free_percent guest.balloon_cur)))
    //             = max(0, (2000 - 800) + 0.10 x 2000) = 1400 MiB
    // balloon_size = (* guest.balloon_cur (- 1 max_balloon_change_percent)) = 2000 x 0.95 = 1900 MiB, not < 1400
    // (<= 1900 2000) and |1900 - 2000| > 0.0025 x 2000 = 5: balloon_target 1900 MiB = 1945600 KiB.
    expect(momGuestFreePercent(0.1)).toBe(0.1);
    expect(momFloor(guest({}), 0.1)).toBe(1400 * MIB);
    expect(momBalloonRule(0.1, true, guest({}))).toEqual({ rule: 'shrink', targetKib: 1945600 });
  });

  it('stops at the floor, and sets nothing when the floor is the current size', () => {
    // unused 250 MiB: balloon_min = 1750 + 200 = 1950 MiB > 1900: (set balloon_size balloon_min) -> 1950 MiB.
    expect(momBalloonRule(0.1, true, guest({ memUnusedAvgKib: 250 * MIB }))).toEqual({ rule: 'shrink', targetKib: 1950 * MIB });
    // unused 200 MiB: balloon_min = 1800 + 200 = 2000 MiB: |2000 - 2000| = 0, not > 5 MiB: no target.
    expect(momBalloonRule(0.1, true, guest({ memUnusedAvgKib: 200 * MIB }))).toBeNull();
    // unused 100 MiB: balloon_min = 2100 MiB > balloon_cur: (<= balloon_size guest.balloon_cur) fails: no target.
    expect(momBalloonRule(0.1, true, guest({ memUnusedAvgKib: 100 * MIB }))).toBeNull();
  });

  it('critical pressure (host free <= 5%) makes the free share negative', () => {
    // host free 3%: guest_free_percent = (+ -0.05 host_free_percent) = -0.02 (in floats -0.020000000000000004)
    // balloon_cur 1800 MiB = 1843200 KiB, used 1700 MiB = 1740800 KiB:
    // balloon_min = 1740800 + (-0.020000000000000004 x 1843200) = 1740800 - 36864.000000000007 = 1703935.99999999999..
    // balloon_size = 1843200 x 0.95 = 1751040 KiB > balloon_min: target 1751040 KiB (1710 MiB).
    expect(momGuestFreePercent(0.03)).toBe(-0.05 + 0.03);
    expect(momBalloonRule(0.03, true, guest({ balloonCurKib: 1843200, balloonCurAvgKib: 1843200, memUnusedAvgKib: 102400 }))).toEqual({
      rule: 'shrink',
      targetKib: 1751040,
    });
    // At exactly 0.05 the critical formula applies: -0.05 + 0.05 = 0.
    expect(momGuestFreePercent(0.05)).toBe(0);
    // Critical, floor above 95%: balloon_cur 1843210 KiB, unused 10240 KiB: used 1832970 KiB;
    // balloon_min = 1832970 + (-0.020000000000000004 x 1843210 = -36864.200000000004) = 1796105.8 > 1843210 x 0.95 = 1751049.5;
    // the Balloon controller's int(1796105.8) = 1796105 KiB.
    expect(momBalloonRule(0.03, true, guest({ balloonCurKib: 1843210, balloonCurAvgKib: 1843210, memUnusedAvgKib: 10240 }))).toEqual({
      rule: 'shrink',
      targetKib: 1796105,
    });
  });

  it('int() truncates the float target: 2097152 x 0.95 = 1992294.4 -> 1992294 KiB', () => {
    expect(
      momBalloonRule(
        0.1,
        true,
        guest({ balloonCurKib: 2097152, balloonCurAvgKib: 2097152, memUnusedAvgKib: 1024 * MIB, balloonMaxKib: 2097152 }),
      ),
    ).toEqual({ rule: 'shrink', targetKib: 1992294 });
  });
});

describe('02-balloon.policy, grow_guest (otherwise)', () => {
  it('scales guest_free_percent with host free memory: host 50% free, 1000 MiB guest with 100 MiB unused -> 1400 MiB', () => {
    // guest_free_percent = 0.20 x (0.50 / 0.20) = 0.50 (vdsm; MOM's doc/balloon.rules would use the constant 0.20)
    // balloon_min = max(0, (1000 - 100) + 0.50 x 1000) = 1400 MiB; balloon_size = 1000 x 1.05 = 1050 < 1400 -> 1400;
    // 1400 <= balloon_max 2048; |1400 - 1000| > 2.5: balloon_target 1400 MiB.
    expect(
      momBalloonRule(0.5, true, guest({ balloonCurKib: 1000 * MIB, balloonCurAvgKib: 1000 * MIB, memUnusedAvgKib: 100 * MIB })),
    ).toEqual({ rule: 'grow', targetKib: 1400 * MIB });
  });

  it('grows by 5% when the floor is lower, and caps at balloon_max', () => {
    // host 25%: guest_free_percent = 0.20 x (0.25 / 0.20) = 0.25; used 500: balloon_min = 500 + 250 = 750 < 1050: 1050 MiB.
    expect(
      momBalloonRule(0.25, true, guest({ balloonCurKib: 1000 * MIB, balloonCurAvgKib: 1000 * MIB, memUnusedAvgKib: 500 * MIB })),
    ).toEqual({ rule: 'grow', targetKib: 1050 * MIB });
    // host exactly 20%: not under pressure (< fails): grow. 2000 x 1.05 = 2100 > balloon_max: 2048 MiB.
    expect(momBalloonRule(0.2, true, guest({}))).toEqual({ rule: 'grow', targetKib: 2048 * MIB });
  });

  it('ignores changes of 0.25% of balloon_cur or less, and leaves a guest at balloon_max', () => {
    // balloon_cur 2047 MiB: size = min(2047 x 1.05, 2048) = 2048; |2048 - 2047| = 1 MiB, not > 0.0025 x 2047 = 5.1 MiB.
    expect(
      momBalloonRule(0.5, true, guest({ balloonCurKib: 2047 * MIB, balloonCurAvgKib: 2047 * MIB, memUnusedAvgKib: 1500 * MIB })),
    ).toBeNull();
    // (if (< guest.balloon_cur guest.balloon_max) ...): a guest at balloon_max is left alone.
    expect(momBalloonRule(0.5, true, guest({ balloonCurKib: 2048 * MIB, balloonCurAvgKib: 2048 * MIB }))).toBeNull();
  });

  it('balloonEnabled off: under pressure the guest still grows (with the pressure-scaled free share)', () => {
    // (if (and (< host_free_percent pressure_threshold) balloonEnabled) shrink grow): host 10%, disabled -> grow_guest.
    // guest_free_percent = 0.10; balloon_min = 1200 + 0.10 x 1800 = 1380 MiB; 1800 x 1.05 = 1890 MiB > 1380: 1890 MiB.
    const ballooned = guest({ balloonCurKib: 1800 * MIB, balloonCurAvgKib: 1800 * MIB, memUnusedAvgKib: 600 * MIB });
    expect(momBalloonRule(0.1, false, ballooned)).toEqual({ rule: 'grow', targetKib: 1890 * MIB });
    expect(momBalloonRule(0.1, true, ballooned)).toEqual({ rule: 'shrink', targetKib: 1710 * MIB });
    // Critical and disabled: guest_free_percent = -0.02 still only lowers the floor; the 5% step wins.
    expect(momBalloonRule(0.03, false, ballooned)).toEqual({ rule: 'grow', targetKib: 1890 * MIB });
  });
});

describe('02-balloon.policy, validity and guest_qos', () => {
  it('a guest without mem_unused is skipped by the balloon logic', () => {
    expect(momBalloonRule(0.1, true, guest({ memUnusedValid: false }))).toBeNull();
  });

  it('QoS: a guest below balloon_min is set to balloon_min, after (and over) the balloon rule, even with ballooning off', () => {
    // The balloon rule would shrink 400 -> 380 MiB; guest_qos runs after it and its Control wins: 512 MiB.
    const low = guest({ balloonCurKib: 400 * MIB, balloonCurAvgKib: 400 * MIB, memUnusedAvgKib: 300 * MIB, balloonMinKib: 512 * MIB });
    expect(momBalloonRule(0.01, true, low)).toEqual({ rule: 'qos', targetKib: 512 * MIB });
    expect(momBalloonRule(0.01, false, low)).toEqual({ rule: 'qos', targetKib: 512 * MIB });
    expect(momBalloonRule(0.01, true, { ...low, memUnusedValid: false })).toEqual({ rule: 'qos', targetKib: 512 * MIB });
  });
});

describe('03-ksm.policy', () => {
  const host4GiB = 4 * 1024 * 1024; // KiB
  const prev: KsmTunables = { run: false, pagesToScan: 100, sleepMillisecs: 20 };
  const ksmHost = (memFreeAvgKib: number, shareableKib: number, memAvailableKib = host4GiB) => ({
    memAvailableKib,
    memFreeAvgKib,
    shareableKib,
  });

  it('stops KSM when the host is neither committed nor short (only ksm_run is written)', () => {
    // ksm_pressure_threshold = 4194304 x 0.20 = 838860.8; 838860.8 + 0 < 4194304 and 2000000 > 838860.8: ksm_run 0.
    expect(momKsmRule(ksmHost(2_000_000, 0), { run: true, pagesToScan: 700, sleepMillisecs: 40 })).toEqual({
      run: false,
      pagesToScan: 700,
      sleepMillisecs: 40,
    });
  });

  it('keeps KSM running at exactly 20% free, with the decay', () => {
    // MemTotal 5000000 KiB: threshold = 1000000; StatAvg(mem_free) = 1000000 is not > threshold: run;
    // not < threshold: change_npages(-50): 700 - 50 = 650. sleep = max(10, 167772160 / 5000000 = 33.55) -> int 33.
    expect(momKsmRule(ksmHost(1_000_000, 0, 5_000_000), { run: true, pagesToScan: 700, sleepMillisecs: 33 })).toEqual({
      run: true,
      pagesToScan: 650,
      sleepMillisecs: 33,
    });
  });

  it('runs when committed memory + 20% reaches MemTotal; sleep = int(max(10, 10 x 16777216 / MemTotal))', () => {
    // 838860.8 + 4194304 is not < 4194304: run. free 2000000 is not < threshold: 100 - 50 = 50 -> ksm_npages_min 64.
    // sleep = 167772160 / 4194304 = 40.
    expect(momKsmRule(ksmHost(2_000_000, host4GiB), prev)).toEqual({ run: true, pagesToScan: 64, sleepMillisecs: 40 });
    // 16 GiB: 10; 64 GiB: max(10, 2.5) = 10; 3 GiB: 167772160 / 3145728 = 53.33 -> 53.
    expect(momKsmRule(ksmHost(1e7, 16777216, 16777216), prev).sleepMillisecs).toBe(10);
    expect(momKsmRule(ksmHost(1e8, 67108864, 67108864), prev).sleepMillisecs).toBe(10);
    expect(momKsmRule(ksmHost(1e6, 3145728, 3145728), prev).sleepMillisecs).toBe(53);
  });

  it('adds ksm_pages_boost 300 while free < 20% of MemTotal, clamped to ksm_npages_max 1250', () => {
    const k = momKsmRule(ksmHost(500_000, 0), prev);
    expect(k).toEqual({ run: true, pagesToScan: 400, sleepMillisecs: 40 });
    expect(ksmPagesPerSec(k)).toBe(10000);
    expect(momKsmRule(ksmHost(500_000, 0), { ...prev, pagesToScan: 1200 }).pagesToScan).toBe(1250);
  });
});

describe('StatAvg', () => {
  it('averages the last 10 samples; latest is Stat', () => {
    const h = new StatHistory(10);
    expect(h.avg()).toBe(0);
    for (let i = 1; i <= 15; i++) h.push(i);
    expect(h.avg()).toBe(10.5); // mean of 6..15
    expect(h.latest()).toBe(15);
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: vdsm's 02-balloon.policy and 03-ksm.policy read line by line, with MOM's
// semantics: numbers are Python floats/ints (same IEEE doubles as here), `/` is true
// division, (Control name v) sets a key and the last write wins, the controllers int() it.
interface OracleGuest {
  balloon_cur: number;
  balloon_min: number;
  balloon_max: number;
  /** Per sample: balloon_cur, and mem_unused or null (StatAvg skips null; Stat is the last). */
  samples: { balloon_cur: number; mem_unused: number | null }[];
  controls: Record<string, number>;
}

function statAvg(rows: (number | null)[]): number {
  const present = rows.filter((v): v is number => v !== null);
  if (present.length === 0) return 0;
  let total = 0;
  for (const v of present) total = total + v;
  return total / present.length;
}

function oracleBalloon(memFreeSamples: number[], mem_available: number, balloonEnabled: number, Guests: OracleGuest[]): void {
  const pressure_threshold = 0.2;
  const pressure_critical = 0.05;
  const min_guest_free_percent = 0.2;
  const max_balloon_change_percent = 0.05;
  const min_balloon_change_percent = 0.0025;
  const change_big_enough = (guest: OracleGuest, new_val: number) =>
    Math.abs(new_val - guest.balloon_cur) > min_balloon_change_percent * guest.balloon_cur ? 1 : 0;
  const host_free_percent = statAvg(memFreeSamples) / mem_available;
  const free_percent = () =>
    host_free_percent <= pressure_critical ? -0.05 + host_free_percent : min_guest_free_percent * (host_free_percent / pressure_threshold);
  const shrink_guest = (guest: OracleGuest) => {
    const guest_free_percent = free_percent();
    const guest_used_mem = statAvg(guest.samples.map((s) => s.balloon_cur)) - statAvg(guest.samples.map((s) => s.mem_unused));
    const balloon_min = Math.max(guest.balloon_min, guest_used_mem + guest_free_percent * guest.balloon_cur);
    let balloon_size = guest.balloon_cur * (1 - max_balloon_change_percent);
    if (balloon_size < balloon_min) balloon_size = balloon_min;
    if (balloon_size <= guest.balloon_cur && change_big_enough(guest, balloon_size)) guest.controls.balloon_target = balloon_size;
  };
  const grow_guest = (guest: OracleGuest) => {
    const guest_free_percent = free_percent();
    if (guest.balloon_cur < guest.balloon_max) {
      const guest_used_mem = statAvg(guest.samples.map((s) => s.balloon_cur)) - statAvg(guest.samples.map((s) => s.mem_unused));
      const balloon_min = Math.max(guest.balloon_min, guest_used_mem + guest_free_percent * guest.balloon_cur);
      let balloon_size = guest.balloon_cur * (1 + max_balloon_change_percent);
      if (balloon_size < balloon_min) balloon_size = balloon_min;
      if (balloon_size > guest.balloon_max) balloon_size = guest.balloon_max;
      if (change_big_enough(guest, balloon_size)) guest.controls.balloon_target = balloon_size;
    }
  };
  const balloon_logic = (g: OracleGuest) => (host_free_percent < pressure_threshold && balloonEnabled ? shrink_guest(g) : grow_guest(g));
  for (const guest of Guests) if (guest.samples[guest.samples.length - 1].mem_unused !== null) balloon_logic(guest);
  for (const guest of Guests) if (guest.balloon_cur < guest.balloon_min) guest.controls.balloon_target = guest.balloon_min;
}

interface OracleHost {
  mem_available: number;
  memFreeSamples: number[];
  ksm_shareable: number;
  ksm_pages_to_scan: number;
  controls: Record<string, number>;
}

function oracleKsm(Host: OracleHost): void {
  const ksm_pages_boost = 300;
  const ksm_pages_decay = -50;
  const ksm_npages_min = 64;
  const ksm_npages_max = 1250;
  const ksm_sleep_ms_baseline = 10;
  const ksm_free_percent = 0.2;
  const change_npages = (delta: number) => {
    let newval = Host.ksm_pages_to_scan + delta;
    if (newval > ksm_npages_max) newval = ksm_npages_max;
    if (newval < ksm_npages_min) newval = ksm_npages_min;
    Host.controls.ksm_pages_to_scan = newval;
  };
  const ksm_pressure_threshold = Host.mem_available * ksm_free_percent;
  const ksm_committed = Host.ksm_shareable;
  const ksm_action = 0; // apply_NUMA_policy: ksmEnabled 1, merge_across_nodes unchanged
  const mem_free = statAvg(Host.memFreeSamples);
  if ((ksm_pressure_threshold + ksm_committed < Host.mem_available && mem_free > ksm_pressure_threshold) || ksm_action !== 0) {
    Host.controls.ksm_run = ksm_action;
  } else {
    Host.controls.ksm_run = 1;
    Host.controls.ksm_sleep_millisecs = Math.max(10, (ksm_sleep_ms_baseline * 16777216) / Host.mem_available);
    if (mem_free < ksm_pressure_threshold) change_npages(ksm_pages_boost);
    else change_npages(ksm_pages_decay);
  }
}

describe('momRules = the vdsm policy on random inputs (fast-check seed 424242)', () => {
  const SEED = 424242;
  const kib = fc.integer({ min: 1, max: 64 * 1024 * 1024 });
  // Host: MemTotal = 20k KiB so that exactly 5%, 20% and 80% free are exact.
  const hostArb = fc.record({
    k: fc.integer({ min: 1, max: 3_300_000 }),
    freeKind: fc.constantFrom('random', 'zero', '5%', '20%', '80%', 'all'),
    freeSamples: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
    shareable: fc.oneof(fc.constant(0), kib, fc.constant(-1)),
    pagesToScan: fc.oneof(fc.constantFrom(64, 100, 1250, 1000, 950), fc.integer({ min: 0, max: 2000 })),
  });
  const guestArb = fc.record({
    max: fc.integer({ min: 1024, max: 16 * 1024 * 1024 }),
    curKind: fc.constantFrom('random', 'min', 'max', 'belowMin'),
    minKind: fc.constantFrom('zero', 'random', 'max'),
    samples: fc.array(
      fc.record({
        cur: fc.double({ min: 0, max: 1, noNaN: true }),
        unused: fc.double({ min: 0, max: 1, noNaN: true }),
        unusedKind: fc.constantFrom('random', 'zero', 'all'),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    noStats: fc.boolean(),
    x: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('same target or no target, and the same KSM run, pages_to_scan and sleep_millisecs', () => {
    fc.assert(
      fc.property(hostArb, fc.array(guestArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (h, gs, balloonEnabled) => {
        const memAvailableKib = 20 * h.k;
        const free = (u: number) =>
          ({ random: Math.floor(u * memAvailableKib), zero: 0, '5%': h.k, '20%': 4 * h.k, '80%': 16 * h.k, all: memAvailableKib })[
            h.freeKind
          ];
        const memFreeSamples = h.freeSamples.map(free);
        const shareableKib = h.shareable === -1 ? memAvailableKib - h.k : h.shareable;
        const hostFreePercent = momHostFreePercent(statAvg(memFreeSamples), memAvailableKib);

        const oracleGuests: OracleGuest[] = gs.map((g) => {
          const min = g.minKind === 'zero' ? 0 : g.minKind === 'max' ? g.max : Math.floor(g.x * g.max);
          const cur =
            g.curKind === 'min'
              ? min
              : g.curKind === 'max'
                ? g.max
                : g.curKind === 'belowMin'
                  ? Math.max(0, min - 1 - Math.floor(g.x * 1000))
                  : Math.floor(g.x * g.max);
          const samples = g.samples.map((s, i) => {
            const c = i === g.samples.length - 1 ? cur : Math.floor(s.cur * g.max);
            const unused = s.unusedKind === 'zero' ? 0 : s.unusedKind === 'all' ? c : Math.floor(s.unused * c);
            return { balloon_cur: c, mem_unused: g.noStats ? null : unused };
          });
          return { balloon_cur: cur, balloon_min: min, balloon_max: g.max, samples, controls: {} };
        });
        oracleBalloon(memFreeSamples, memAvailableKib, balloonEnabled ? 1 : 0, oracleGuests);
        for (const og of oracleGuests) {
          const decision = momBalloonRule(hostFreePercent, balloonEnabled, {
            balloonCurKib: og.balloon_cur,
            balloonCurAvgKib: statAvg(og.samples.map((s) => s.balloon_cur)),
            memUnusedAvgKib: statAvg(og.samples.map((s) => s.mem_unused)),
            memUnusedValid: og.samples[og.samples.length - 1].mem_unused !== null,
            balloonMinKib: og.balloon_min,
            balloonMaxKib: og.balloon_max,
          });
          const expected = og.controls.balloon_target === undefined ? null : Math.trunc(og.controls.balloon_target); // Balloon.py: int(target)
          expect(decision?.targetKib ?? null).toBe(expected);
        }

        const oracleHost: OracleHost = {
          mem_available: memAvailableKib,
          memFreeSamples,
          ksm_shareable: shareableKib,
          ksm_pages_to_scan: h.pagesToScan,
          controls: {},
        };
        oracleKsm(oracleHost);
        const prev: KsmTunables = { run: true, pagesToScan: h.pagesToScan, sleepMillisecs: 33 };
        const k = momKsmRule({ memAvailableKib, memFreeAvgKib: statAvg(memFreeSamples), shareableKib }, prev);
        // KSM.py: int() of each control set; unset controls keep what the host had.
        expect(k.run ? 1 : 0).toBe(Math.trunc(oracleHost.controls.ksm_run));
        expect(k.pagesToScan).toBe(Math.trunc(oracleHost.controls.ksm_pages_to_scan ?? prev.pagesToScan));
        expect(k.sleepMillisecs).toBe(Math.trunc(oracleHost.controls.ksm_sleep_millisecs ?? prev.sleepMillisecs));
      }),
      properties(3000, SEED),
    );
  });
});
