// KVM with oVirt MOM (Memory Overcommitment Manager), as vdsm deploys it: monitors sample the
// host's free memory and each guest's balloon size and reported free memory every 5 s; every
// 10 s the policy engine runs the balloon rule (momRules.ts) on StatAvg of the last 10 samples
// and the KSM rule, which starts, stops and paces the host's page-sharing scanner. Optionally
// the virtio devices offer free page reporting. The host's own kswapd swaps only as a last resort.
import { VirtioBalloonDriver } from '../balloon/virtioDriver.ts';
import { mibToPages } from '../units.ts';
import {
  KSM_DEFAULT_PAGES_TO_SCAN, KSM_DEFAULT_SLEEP_MS, ksmPagesPerSec, MOM_MONITOR_INTERVAL_MS, MOM_POLICY_INTERVAL_MS,
  MOM_SAMPLE_HISTORY, momBalloonRule, momKsmRule, PRESSURE_CRITICAL, PRESSURE_THRESHOLD, type KsmTunables, type MomGuest,
} from './momRules.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';
import { StatHistory } from './statHistory.ts';

const KIB_PER_PAGE = 4;

interface GuestMonitor {
  balloonCur: StatHistory;
  memUnused: StatHistory;
}

export class MomPolicy implements Policy {
  ksm: KsmTunables = { run: false, pagesToScan: KSM_DEFAULT_PAGES_TO_SCAN, sleepMillisecs: KSM_DEFAULT_SLEEP_MS };
  /** Balloon targets set so far (for the UI and the no-chatter tests). */
  targetChanges = 0;
  private readonly env: PolicyEnv;
  private readonly ballooning: boolean;
  private readonly ksmControl: boolean;
  private readonly hostFree = new StatHistory(MOM_SAMPLE_HISTORY);
  private readonly guests: GuestMonitor[];
  private sinceMonitorMs = 0;
  private sincePolicyMs = 0;
  private hostFreePercent = 1;

  constructor(env: PolicyEnv) {
    this.env = env;
    this.ballooning = env.params.balloonEnabled !== false;
    this.ksmControl = env.params.ksmControl !== false;
    this.guests = env.vms.map(() => ({ balloonCur: new StatHistory(MOM_SAMPLE_HISTORY), memUnused: new StatHistory(MOM_SAMPLE_HISTORY) }));
    if (env.params.freePageReporting === true) {
      for (const vm of env.vms) if (vm.balloon instanceof VirtioBalloonDriver) vm.balloon.enableFreePageReporting();
    }
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

  /** The host and guest monitors: host mem_free; per guest balloon_cur and mem_unused. */
  private sample(): void {
    this.hostFree.push(this.env.hv.frames.freeFrames);
    this.env.vms.forEach((vm, i) => {
      const stats = vm.reportedStats();
      if (!vm.balloon || !stats) return;
      this.guests[i].balloonCur.push(vm.pages - vm.balloon.actualPages);
      this.guests[i].memUnused.push(stats.memFree);
    });
  }

  private guestView(i: number): MomGuest | null {
    const vm = this.env.vms[i];
    const mon = this.guests[i];
    if (!vm.balloon || mon.balloonCur.count === 0) return null;
    return {
      balloonCur: vm.pages - vm.balloon.actualPages,
      balloonCurAvg: mon.balloonCur.avg(),
      memUnusedAvg: mon.memUnused.avg(),
      balloonMin: Math.min(vm.pages, mibToPages(vm.config.minMiB)),
      balloonMax: vm.pages,
    };
  }

  private runPolicy(): void {
    if (this.hostFree.count === 0) return;
    const { hv, events } = this.env;
    const total = hv.frames.frameCount;
    this.hostFreePercent = this.hostFree.avg() / total;
    if (this.ballooning) {
      this.env.vms.forEach((vm, i) => {
        const g = this.guestView(i);
        const decision = g && momBalloonRule(this.hostFreePercent, g);
        if (!decision || !vm.balloon) return;
        const target = Math.round(decision.target);
        vm.balloon.setTarget(vm.pages - target);
        this.targetChanges++;
        events.emit({ type: 'mom-balloon', vm: i, rule: decision.rule, guestMemoryPages: target, hostFreePercent: 100 * this.hostFreePercent });
      });
    }
    if (this.ksmControl) this.runKsmRule();
  }

  private runKsmRule(): void {
    const { hv, sharing, events } = this.env;
    // ksm_shareable: memory committed to the QEMU processes (their guest RAM), as ksmtuned counts it.
    const shareable = this.env.vms.reduce((s, vm) => s + vm.pages, 0);
    const next = momKsmRule(hv.frames.frameCount * KIB_PER_PAGE, this.hostFree.avg() * KIB_PER_PAGE, shareable * KIB_PER_PAGE, this.ksm);
    if (next.run !== this.ksm.run) events.emit({ type: 'mom-ksm', running: next.run });
    this.ksm = next;
    sharing.running = next.run;
    sharing.pagesPerSec = ksmPagesPerSec(next);
  }

  vmReport(i: number): PolicyVmReport {
    const vm = this.env.vms[i];
    const g = this.guestView(i);
    return {
      entitlementPages: vm.pages - (vm.balloon?.targetPages ?? 0),
      activeEstimatePages: g ? Math.max(0, g.balloonCurAvg - g.memUnusedAvg) : 0,
    };
  }
}
