// KVM with oVirt MOM (Memory Overcommitment Manager), as vdsm deploys it (vdsm mom.conf.in):
// monitors sample the host's free memory and each guest's balloon size and reported free memory
// as they start and then every 15 s; every 15 s the policy engine runs the balloon rule
// (momRules.ts) on StatAvg of the last 10 samples and the KSM rule, which starts, stops and
// paces the host's page-sharing scanner. Optionally the virtio devices offer free page
// reporting. The host's own kswapd swaps only as a last resort.
import { mibToPages } from '../units.ts';
import {
  KSM_DEFAULT_PAGES_TO_SCAN,
  KSM_DEFAULT_SLEEP_MS,
  ksmPagesPerSec,
  MOM_MONITOR_INTERVAL_MS,
  MOM_POLICY_INTERVAL_MS,
  MOM_SAMPLE_HISTORY,
  momBalloonRule,
  momHostFreePercent,
  momKsmRule,
  PRESSURE_CRITICAL,
  PRESSURE_THRESHOLD,
  type KsmTunables,
  type MomGuest,
} from './momRules.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';
import { StatHistory } from './statHistory.ts';

const KIB_PER_PAGE = 4;

interface GuestMonitor {
  balloonCurKib: StatHistory;
  /** Holds only samples that had mem_unused (StatAvg skips the others). */
  memUnusedKib: StatHistory;
  /** Whether the latest sample had mem_unused (a driver without a statistics channel has none). */
  memUnusedValid: boolean;
}

export class MomPolicy implements Policy {
  ksm: KsmTunables = { run: false, pagesToScan: KSM_DEFAULT_PAGES_TO_SCAN, sleepMillisecs: KSM_DEFAULT_SLEEP_MS };
  /** Balloon targets set so far (for the UI and the no-chatter tests). */
  targetChanges = 0;
  private readonly env: PolicyEnv;
  /** vdsm's balloonEnabled: off, MOM never shrinks a guest but still grows it and keeps its minimum. */
  private readonly balloonEnabled: boolean;
  private readonly ksmControl: boolean;
  private readonly hostFreeKib = new StatHistory(MOM_SAMPLE_HISTORY);
  private readonly guests: GuestMonitor[];
  /** The monitors collect as they start, then every interval. */
  private sinceMonitorMs = MOM_MONITOR_INTERVAL_MS;
  /** The policy engine sleeps one interval before its first run. */
  private sincePolicyMs = 0;
  private hostFreePercent = 1;

  constructor(env: PolicyEnv) {
    this.env = env;
    this.balloonEnabled = env.params.balloonEnabled !== false;
    this.ksmControl = env.params.ksmControl !== false;
    this.guests = env.vms.map(() => ({
      balloonCurKib: new StatHistory(MOM_SAMPLE_HISTORY),
      memUnusedKib: new StatHistory(MOM_SAMPLE_HISTORY),
      memUnusedValid: false,
    }));
    if (this.ksmControl) env.sharing.running = false; // ksm `run` is 0 until MOM starts it
  }

  get state(): string {
    const level = this.hostFreePercent <= PRESSURE_CRITICAL ? 'critical' : this.hostFreePercent < PRESSURE_THRESHOLD ? 'pressure' : 'ok';
    if (!this.ksmControl) return level;
    return this.ksm.run ? `${level} · KSM ${this.ksm.pagesToScan} pages per ${this.ksm.sleepMillisecs} ms` : `${level} · KSM stopped`;
  }

  step(dtMs: number): void {
    this.sinceMonitorMs += dtMs;
    if (this.sinceMonitorMs >= MOM_MONITOR_INTERVAL_MS) {
      this.sinceMonitorMs -= MOM_MONITOR_INTERVAL_MS;
      this.sample();
    }
    this.sincePolicyMs += dtMs;
    if (this.sincePolicyMs >= MOM_POLICY_INTERVAL_MS) {
      this.sincePolicyMs -= MOM_POLICY_INTERVAL_MS;
      this.runPolicy();
    }
    this.env.hv.backgroundReclaim();
  }

  /** The host and guest monitors, KiB: host mem_free; per guest balloon_cur and mem_unused. */
  private sample(): void {
    this.hostFreeKib.push(this.env.hv.frames.freeFrames * KIB_PER_PAGE);
    this.env.vms.forEach((vm, i) => {
      if (!vm.balloon) return;
      const mon = this.guests[i];
      const stats = vm.reportedStats();
      mon.balloonCurKib.push((vm.pages - vm.balloon.actualPages) * KIB_PER_PAGE);
      mon.memUnusedValid = stats !== null;
      if (stats) mon.memUnusedKib.push(stats.memFree * KIB_PER_PAGE);
    });
  }

  private guestView(i: number): MomGuest | null {
    const vm = this.env.vms[i];
    const mon = this.guests[i];
    if (!vm.balloon || mon.balloonCurKib.count === 0) return null;
    return {
      balloonCurKib: mon.balloonCurKib.latest(),
      balloonCurAvgKib: mon.balloonCurKib.avg(),
      memUnusedAvgKib: mon.memUnusedKib.avg(),
      memUnusedValid: mon.memUnusedValid,
      balloonMinKib: Math.min(vm.pages, mibToPages(vm.config.minMiB)) * KIB_PER_PAGE,
      balloonMaxKib: vm.pages * KIB_PER_PAGE,
    };
  }

  private runPolicy(): void {
    if (this.hostFreeKib.count === 0) return;
    const { hv, events } = this.env;
    this.hostFreePercent = momHostFreePercent(this.hostFreeKib.avg(), hv.frames.frameCount * KIB_PER_PAGE);
    this.env.vms.forEach((vm, i) => {
      const g = this.guestView(i);
      const decision = g && momBalloonRule(this.hostFreePercent, this.balloonEnabled, g);
      if (!decision || !vm.balloon) return;
      // QEMU's virtio_balloon_to_target: num_pages = (ram_size - target) >> 12.
      const balloonPages = Math.floor((vm.pages * KIB_PER_PAGE - decision.targetKib) / KIB_PER_PAGE);
      vm.balloon.setTarget(balloonPages);
      this.targetChanges++;
      events.emit({
        type: 'mom-balloon',
        vm: i,
        rule: decision.rule,
        guestMemoryPages: vm.pages - balloonPages,
        hostFreePercent: 100 * this.hostFreePercent,
        underPressure: this.hostFreePercent < PRESSURE_THRESHOLD,
      });
    });
    if (this.ksmControl) this.runKsmRule();
  }

  private runKsmRule(): void {
    const { hv, sharing, events } = this.env;
    // ksm_shareable: memory committed to the QEMU processes (their guest RAM), as ksmtuned counts it.
    const shareablePages = this.env.vms.reduce((s, vm) => s + vm.pages, 0);
    const next = momKsmRule(
      {
        memAvailableKib: hv.frames.frameCount * KIB_PER_PAGE,
        memFreeAvgKib: this.hostFreeKib.avg(),
        shareableKib: shareablePages * KIB_PER_PAGE,
      },
      this.ksm,
    );
    if (next.run !== this.ksm.run) events.emit({ type: 'mom-ksm', running: next.run });
    this.ksm = next;
    sharing.running = next.run;
    sharing.pagesPerSec = ksmPagesPerSec(next);
  }

  /** Host free share MOM last computed, and the floors of its pressure and critical levels, %. */
  internals(): Record<string, number> {
    return {
      hostFreePercent: 100 * this.hostFreePercent,
      pressureBelowPercent: 100 * PRESSURE_THRESHOLD,
      criticalBelowPercent: 100 * PRESSURE_CRITICAL,
      ksmRunning: this.ksm.run ? 1 : 0,
    };
  }

  vmReport(i: number): PolicyVmReport {
    const vm = this.env.vms[i];
    const g = this.guestView(i);
    return {
      entitlementPages: vm.pages - (vm.balloon?.targetPages ?? 0),
      activeEstimatePages: g ? Math.max(0, g.balloonCurAvgKib - g.memUnusedAvgKib) / KIB_PER_PAGE : 0,
    };
  }
}
