// oVirt MOM's balloon and KSM rules, golden arithmetic written from vdsm's mom.d policies
// (reference §2.5): one shrink and one grow decision with given numbers, the floor, critical
// pressure, the QoS minimum, the change thresholds, and the KSM rule's run/stop and pacing.
import { describe, expect, it } from 'vitest';
import {
  ksmPagesPerSec, momBalloonRule, momFloor, momGuestFreePercent, momKsmRule, type KsmTunables, type MomGuest,
} from '../../../src/sim/policy/momRules.ts';
import { StatHistory } from '../../../src/sim/policy/statHistory.ts';

const guest = (over: Partial<MomGuest>): MomGuest => ({ balloonCur: 2000, balloonCurAvg: 2000, memUnusedAvg: 800, balloonMin: 0, balloonMax: 2048, ...over });

describe('MOM balloon rule (02-balloon.policy)', () => {
  it('shrinks by 5% of balloon_cur under pressure: host free 10% -> 2000 to 1900', () => {
    // guest_free_percent = 0.20 x 0.10 / 0.20 = 0.10; used = 2000 - 800 = 1200;
    // floor = max(0, 1200 + 0.10 x 2000) = 1400; size = max(2000 x 0.95, 1400) = 1900.
    expect(momGuestFreePercent(0.1)).toBeCloseTo(0.1, 12);
    expect(momFloor(guest({}), 0.1)).toBeCloseTo(1400, 9);
    expect(momBalloonRule(0.1, guest({}))).toEqual({ rule: 'shrink', target: 1900 });
  });

  it('stops at the floor: used 1800 + 10% of 2000 = 2000 is no change', () => {
    expect(momBalloonRule(0.1, guest({ memUnusedAvg: 200 }))).toBeNull();
    // With used 1750 the floor (1950) is above 95% (1900): the target is the floor.
    expect(momBalloonRule(0.1, guest({ memUnusedAvg: 250 }))).toEqual({ rule: 'shrink', target: 1950 });
  });

  it('critical pressure makes the free share negative (forces the guest below its used memory)', () => {
    // host free 3%: guest_free_percent = 0.03 - 0.05 = -0.02; used 1700; floor = 1700 - 0.02 x 1800 = 1664;
    // size = max(1800 x 0.95 = 1710, 1664) = 1710.
    expect(momGuestFreePercent(0.03)).toBeCloseTo(-0.02, 12);
    const d = momBalloonRule(0.03, guest({ balloonCur: 1800, balloonCurAvg: 1800, memUnusedAvg: 100 }));
    expect(d?.rule).toBe('shrink');
    expect(d?.target).toBeCloseTo(1710, 9);
    // At the boundary 0.05 the critical formula applies: 0.05 - 0.05 = 0.
    expect(momGuestFreePercent(0.05)).toBe(0);
  });

  it('grows by 5% when the host is not under pressure, raised to the floor and capped at balloon_max', () => {
    // used 900, floor = 900 + 0.20 x 1000 = 1100 > 1050: the target is 1100.
    expect(momBalloonRule(0.5, guest({ balloonCur: 1000, balloonCurAvg: 1000, memUnusedAvg: 100 }))).toEqual({ rule: 'grow', target: 1100 });
    // used 500, floor 700 < 1050: plain 5%.
    expect(momBalloonRule(0.5, guest({ balloonCur: 1000, balloonCurAvg: 1000, memUnusedAvg: 500 }))?.target).toBeCloseTo(1050, 9);
    expect(momBalloonRule(0.2, guest({}))).toEqual({ rule: 'grow', target: 2048 });
  });

  it('ignores changes of 0.25% of balloon_cur or less, and leaves a guest at balloon_max', () => {
    expect(momBalloonRule(0.5, guest({ balloonCur: 2047, balloonCurAvg: 2047, memUnusedAvg: 1500 }))).toBeNull();
    expect(momBalloonRule(0.5, guest({ balloonCur: 2048, balloonCurAvg: 2048 }))).toBeNull();
  });

  it('QoS: a guest below balloon_min is raised to it', () => {
    expect(momBalloonRule(0.01, guest({ balloonCur: 400, balloonMin: 512 }))).toEqual({ rule: 'qos', target: 512 });
  });
});

describe('MOM KSM rule (03-ksm.policy)', () => {
  const host4GiB = 4 * 1024 * 1024; // KiB
  const prev: KsmTunables = { run: false, pagesToScan: 100, sleepMillisecs: 20 };

  it('stops KSM when the host is neither committed nor short', () => {
    expect(momKsmRule(host4GiB, 2_000_000, 0, prev).run).toBe(false);
  });

  it('runs when committed memory + 20% reaches MemTotal; sleep = max(10, 10 x 16 GiB / MemTotal)', () => {
    const k = momKsmRule(host4GiB, 2_000_000, host4GiB, prev);
    expect(k).toEqual({ run: true, pagesToScan: 64, sleepMillisecs: 40 }); // 100 - 50 clamped to 64
    expect(momKsmRule(16 * 1024 * 1024, 1e7, 16 * 1024 * 1024, prev).sleepMillisecs).toBe(10);
    expect(momKsmRule(64 * 1024 * 1024, 1e8, 64 * 1024 * 1024, prev).sleepMillisecs).toBe(10);
  });

  it('adds 300 pages while free < 20% of MemTotal, clamped to 1250', () => {
    const k = momKsmRule(host4GiB, 500_000, 0, prev);
    expect(k).toEqual({ run: true, pagesToScan: 400, sleepMillisecs: 40 });
    expect(ksmPagesPerSec(k)).toBe(10000);
    expect(momKsmRule(host4GiB, 500_000, 0, { ...prev, pagesToScan: 1200 }).pagesToScan).toBe(1250);
  });
});

describe('StatAvg', () => {
  it('averages the last 10 samples', () => {
    const h = new StatHistory(10);
    expect(h.avg()).toBe(0);
    for (let i = 1; i <= 15; i++) h.push(i);
    expect(h.avg()).toBe(10.5); // mean of 6..15
  });
});
