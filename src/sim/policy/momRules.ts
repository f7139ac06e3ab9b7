// oVirt MOM's rules as pure arithmetic (reference §2.5): the balloon rule of vdsm's
// mom.d/02-balloon.policy (shrink under host pressure, grow otherwise, the floor, the QoS
// minimum) and the KSM rule of 03-ksm.policy. Sizes are in any one unit (the policy uses
// pages); a guest's "size" is MOM's balloon_cur: the memory the guest has, not the balloon.

/** Policy engine interval (mom-balloon+ksm.conf `policy-engine-interval` = 10). */
export const MOM_POLICY_INTERVAL_MS = 10000;
/** Host and guest monitor intervals (mom-balloon+ksm.conf `host-monitor-interval`, `guest-monitor-interval` = 5). */
export const MOM_MONITOR_INTERVAL_MS = 5000;
/** StatAvg window (mom-balloon+ksm.conf `sample-history-length` = 10). */
export const MOM_SAMPLE_HISTORY = 10;

// vdsm static/etc/vdsm/mom.d/02-balloon.policy constants.
/** Host under pressure when free / total falls below this. */
export const PRESSURE_THRESHOLD = 0.2;
/** Critical pressure: guests are pushed below their free-memory wish (forced to swap). */
export const PRESSURE_CRITICAL = 0.05;
/** Free memory an unconstrained guest would like to keep, as a share of its size. */
export const MIN_GUEST_FREE_PERCENT = 0.2;
/** Largest change per policy run, as a share of the guest's current size. */
export const MAX_BALLOON_CHANGE_PERCENT = 0.05;
/** Changes no larger than this share of the guest's size are ignored. */
export const MIN_BALLOON_CHANGE_PERCENT = 0.0025;

// vdsm static/etc/vdsm/mom.d/03-ksm.policy constants.
export const KSM_FREE_PERCENT = 0.2;
export const KSM_PAGES_BOOST = 300;
export const KSM_PAGES_DECAY = -50;
export const KSM_NPAGES_MIN = 64;
export const KSM_NPAGES_MAX = 1250;
/** sleep_millisecs for a 16 GiB host; smaller hosts sleep proportionally longer. */
export const KSM_SLEEP_MS_BASELINE = 10;
/** 16 GiB in KiB, the baseline host size of the sleep formula. */
export const KSM_BASELINE_HOST_KIB = 16 * 1024 * 1024;
/** Kernel defaults before MOM first tunes KSM (Documentation/admin-guide/mm/ksm.rst). */
export const KSM_DEFAULT_PAGES_TO_SCAN = 100;
export const KSM_DEFAULT_SLEEP_MS = 20;

/** What MOM knows of one guest at a policy run. */
export interface MomGuest {
  /** balloon_cur now (libvirt `actual`: the guest's current memory). */
  balloonCur: number;
  /** StatAvg(balloon_cur) and StatAvg(mem_unused) over the sample history. */
  balloonCurAvg: number;
  memUnusedAvg: number;
  /** balloon_min (guaranteed memory) and balloon_max (the VM's memory). */
  balloonMin: number;
  balloonMax: number;
}

export interface MomDecision {
  rule: 'shrink' | 'grow' | 'qos';
  /** New balloon_target: the memory the guest should have. */
  target: number;
}

/** guest_free_percent under pressure: proportional to host free, negative once critical. */
export function momGuestFreePercent(hostFreePercent: number): number {
  return hostFreePercent <= PRESSURE_CRITICAL
    ? hostFreePercent - PRESSURE_CRITICAL
    : (MIN_GUEST_FREE_PERCENT * hostFreePercent) / PRESSURE_THRESHOLD;
}

/** The floor: max(balloon_min, guest_used + guest_free_percent x balloon_cur). */
export function momFloor(g: MomGuest, guestFreePercent: number): number {
  const guestUsed = g.balloonCurAvg - g.memUnusedAvg;
  return Math.max(g.balloonMin, guestUsed + guestFreePercent * g.balloonCur);
}

const changeBigEnough = (g: MomGuest, size: number): boolean => Math.abs(size - g.balloonCur) > MIN_BALLOON_CHANGE_PERCENT * g.balloonCur;

/** One policy run for one guest: the new target, or null to leave it. */
export function momBalloonRule(hostFreePercent: number, g: MomGuest): MomDecision | null {
  if (g.balloonCur < g.balloonMin) return { rule: 'qos', target: g.balloonMin };
  if (hostFreePercent < PRESSURE_THRESHOLD) {
    const floor = momFloor(g, momGuestFreePercent(hostFreePercent));
    const size = Math.max(g.balloonCur * (1 - MAX_BALLOON_CHANGE_PERCENT), floor);
    return size <= g.balloonCur && changeBigEnough(g, size) ? { rule: 'shrink', target: size } : null;
  }
  if (g.balloonCur >= g.balloonMax) return null;
  const floor = momFloor(g, MIN_GUEST_FREE_PERCENT);
  const size = Math.min(g.balloonMax, Math.max(g.balloonCur * (1 + MAX_BALLOON_CHANGE_PERCENT), floor));
  return changeBigEnough(g, size) ? { rule: 'grow', target: size } : null;
}

/** KSM's sysfs knobs as MOM sets them. */
export interface KsmTunables {
  run: boolean;
  pagesToScan: number;
  sleepMillisecs: number;
}

/** The KSM rule: run when the host is committed or short, and scan harder while short.
 * All sizes in KiB: MemTotal, StatAvg(mem_free), ksm_shareable. */
export function momKsmRule(memTotalKib: number, memFreeAvgKib: number, shareableKib: number, prev: KsmTunables): KsmTunables {
  const threshold = KSM_FREE_PERCENT * memTotalKib;
  if (threshold + shareableKib < memTotalKib && memFreeAvgKib >= threshold) return { ...prev, run: false };
  const sleepMillisecs = Math.max(KSM_SLEEP_MS_BASELINE, Math.floor((KSM_SLEEP_MS_BASELINE * KSM_BASELINE_HOST_KIB) / memTotalKib));
  const delta = memFreeAvgKib < threshold ? KSM_PAGES_BOOST : KSM_PAGES_DECAY;
  const pagesToScan = Math.min(KSM_NPAGES_MAX, Math.max(KSM_NPAGES_MIN, prev.pagesToScan + delta));
  return { run: true, pagesToScan, sleepMillisecs };
}

/** Pages ksmd scans per second with these knobs. */
export const ksmPagesPerSec = (k: KsmTunables): number => (k.pagesToScan * 1000) / k.sleepMillisecs;
