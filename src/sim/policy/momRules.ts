// oVirt MOM's rules as vdsm deploys them (reference §2.5), as pure arithmetic that decides
// exactly as MOM's policy engine (oVirt/mom mom/Policy/Parser.py, Python 3) evaluates vdsm's
// oVirt/vdsm static/etc/vdsm/mom.d/02-balloon.policy and 03-ksm.policy: the same float
// operations in the same order, and the int() truncation MOM's Balloon and KSM controllers
// apply before writing (mom/Controllers/Balloon.py, KSM.py). Sizes are KiB, as vdsm reports
// them; a guest's "size" is MOM's balloon_cur: the memory the guest has, not the balloon.

/** Policy engine interval (vdsm mom.conf.in `policy-engine-interval` = 15). */
export const MOM_POLICY_INTERVAL_MS = 15000;
/** Host and guest monitor intervals (vdsm mom.conf.in `host-monitor-interval`, `guest-monitor-interval` = 15). */
export const MOM_MONITOR_INTERVAL_MS = 15000;
/** StatAvg window (vdsm mom.conf.in `sample-history-length` = 10). */
export const MOM_SAMPLE_HISTORY = 10;

// 02-balloon.policy constants.
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

// 03-ksm.policy constants.
export const KSM_FREE_PERCENT = 0.2;
export const KSM_PAGES_BOOST = 300;
export const KSM_PAGES_DECAY = -50;
export const KSM_NPAGES_MIN = 64;
export const KSM_NPAGES_MAX = 1250;
/** sleep_millisecs for a 16 GiB host; smaller hosts sleep proportionally longer. */
export const KSM_SLEEP_MS_BASELINE = 10;
/** 16 GiB in KiB, the baseline host size of the sleep formula. */
export const KSM_BASELINE_HOST_KIB = 16777216;
/** Kernel defaults before MOM first tunes KSM (Documentation/admin-guide/mm/ksm.rst). */
export const KSM_DEFAULT_PAGES_TO_SCAN = 100;
export const KSM_DEFAULT_SLEEP_MS = 20;

/** What MOM knows of one guest at a policy run, KiB (vdsm's balloonInfo and memoryStats). */
export interface MomGuest {
  /** guest.balloon_cur: the latest sample (libvirt `actual`: the guest's current memory). */
  balloonCurKib: number;
  /** guest.StatAvg "balloon_cur" and "mem_unused" over the sample history. */
  balloonCurAvgKib: number;
  memUnusedAvgKib: number;
  /** Whether the latest sample has mem_unused: the policy's `(valid ... (guest.Stat "mem_unused"))`. */
  memUnusedValid: boolean;
  /** balloon_min (guaranteed memory) and balloon_max (the VM's memory). */
  balloonMinKib: number;
  balloonMaxKib: number;
}

export interface MomDecision {
  /** The rule that set balloon_target last: the QoS rule runs after the balloon rule and wins. */
  rule: 'shrink' | 'grow' | 'qos';
  /** int(balloon_target), KiB: what the Balloon controller hands to vdsm's setBalloonTarget. */
  targetKib: number;
}

/** host_free_percent = StatAvg(mem_free) / mem_available (true division). */
export const momHostFreePercent = (memFreeAvgKib: number, memAvailableKib: number): number => memFreeAvgKib / memAvailableKib;

/** guest_free_percent, as both shrink_guest and grow_guest compute it: negative once critical,
 * else min_guest_free_percent x (host_free_percent / pressure_threshold). */
export function momGuestFreePercent(hostFreePercent: number): number {
  return hostFreePercent <= PRESSURE_CRITICAL ? -0.05 + hostFreePercent : MIN_GUEST_FREE_PERCENT * (hostFreePercent / PRESSURE_THRESHOLD);
}

/** The policy's balloon_min: max(guest.balloon_min, guest_used_mem + guest_free_percent x balloon_cur). */
export function momFloor(g: MomGuest, guestFreePercent: number): number {
  const guestUsedMem = g.balloonCurAvgKib - g.memUnusedAvgKib;
  return Math.max(g.balloonMinKib, guestUsedMem + guestFreePercent * g.balloonCurKib);
}

/** change_big_enough: |new - balloon_cur| > min_balloon_change_percent x balloon_cur. */
const changeBigEnough = (g: MomGuest, size: number): boolean =>
  Math.abs(size - g.balloonCurKib) > MIN_BALLOON_CHANGE_PERCENT * g.balloonCurKib;

/** shrink_guest: 5% down, no lower than the floor; only if it is no growth and big enough. */
function shrinkGuest(hostFreePercent: number, g: MomGuest): number | null {
  const floor = momFloor(g, momGuestFreePercent(hostFreePercent));
  let size = g.balloonCurKib * (1 - MAX_BALLOON_CHANGE_PERCENT);
  if (size < floor) size = floor;
  return size <= g.balloonCurKib && changeBigEnough(g, size) ? size : null;
}

/** grow_guest: for a ballooned guest, 5% up, at least to the floor, at most balloon_max. */
function growGuest(hostFreePercent: number, g: MomGuest): number | null {
  if (!(g.balloonCurKib < g.balloonMaxKib)) return null;
  const floor = momFloor(g, momGuestFreePercent(hostFreePercent));
  let size = g.balloonCurKib * (1 + MAX_BALLOON_CHANGE_PERCENT);
  if (size < floor) size = floor;
  if (size > g.balloonMaxKib) size = g.balloonMaxKib;
  return changeBigEnough(g, size) ? size : null;
}

/** One policy run for one guest: balloon_logic (shrink only under pressure with ballooning
 * enabled, else grow), then guest_qos; the controller's int() of the last target set, or null. */
export function momBalloonRule(hostFreePercent: number, balloonEnabled: boolean, g: MomGuest): MomDecision | null {
  let decision: { rule: MomDecision['rule']; size: number } | null = null;
  if (g.memUnusedValid) {
    const shrink = hostFreePercent < PRESSURE_THRESHOLD && balloonEnabled;
    const size = shrink ? shrinkGuest(hostFreePercent, g) : growGuest(hostFreePercent, g);
    if (size !== null) decision = { rule: shrink ? 'shrink' : 'grow', size };
  }
  if (g.balloonCurKib < g.balloonMinKib) decision = { rule: 'qos', size: g.balloonMinKib };
  return decision && { rule: decision.rule, targetKib: Math.trunc(decision.size) };
}

/** KSM's sysfs knobs as MOM sets them. */
export interface KsmTunables {
  run: boolean;
  pagesToScan: number;
  sleepMillisecs: number;
}

/** What 03-ksm.policy reads of the host, KiB: Host.mem_available (MemTotal),
 * Host.StatAvg "mem_free" and Host.ksm_shareable. */
export interface MomKsmHost {
  memAvailableKib: number;
  memFreeAvgKib: number;
  shareableKib: number;
}

/** The KSM rule: stop KSM when the host is neither committed nor short, else run it and scan
 * harder while short. `prev` holds the knobs as the host monitor last read them
 * (Host.ksm_pages_to_scan); stopping writes only ksm_run. */
export function momKsmRule(host: MomKsmHost, prev: KsmTunables): KsmTunables {
  const threshold = host.memAvailableKib * KSM_FREE_PERCENT;
  if (threshold + host.shareableKib < host.memAvailableKib && host.memFreeAvgKib > threshold) return { ...prev, run: false };
  const sleepMillisecs = Math.trunc(Math.max(10, (KSM_SLEEP_MS_BASELINE * KSM_BASELINE_HOST_KIB) / host.memAvailableKib));
  const delta = host.memFreeAvgKib < threshold ? KSM_PAGES_BOOST : KSM_PAGES_DECAY;
  let pagesToScan = prev.pagesToScan + delta;
  if (pagesToScan > KSM_NPAGES_MAX) pagesToScan = KSM_NPAGES_MAX;
  if (pagesToScan < KSM_NPAGES_MIN) pagesToScan = KSM_NPAGES_MIN;
  return { run: true, pagesToScan, sleepMillisecs };
}

/** Pages ksmd scans per second with these knobs. */
export const ksmPagesPerSec = (k: KsmTunables): number => (k.pagesToScan * 1000) / k.sleepMillisecs;
