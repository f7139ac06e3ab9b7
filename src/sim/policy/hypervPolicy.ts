// Hyper-V Dynamic Memory: a VM boots with its startup memory online (the rest of its
// guest-physical space is a hot-add region), and every 1 s, on the guest's status post, the
// host gives it demand x (1 + buffer) within [minimum, maximum]: growing by deflating its
// balloon or by memory hot-add, shrinking by inflating the balloon (2 MiB chunks, above the
// guest's balloon floor). When the host cannot cover every target, memory weight decides
// (hypervBalancer.ts). Demand is the guest's num_committed less what the host itself knows:
// its balloon and the hot-added pages not yet onlined.
import { HypervBalloonDriver } from '../balloon/hypervDriver.ts';
import { mibToPages, PAGES_PER_2MIB } from '../units.ts';
import {
  allocateByWeight,
  HV_BALANCE_PERIOD_MS,
  HV_BUFFER_DEFAULT_PERCENT,
  HV_WEIGHT_DEFAULT,
  hypervPressure,
  hypervTargetPages,
} from './hypervBalancer.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';

/** Smallest change the balancer makes: one 2 MiB balloon chunk (modelling choice, no chatter). */
const DEADBAND_PAGES = PAGES_PER_2MIB;
/** Memory a VM needs online beyond its kernel to boot (Hyper-V's smallest startup RAM is 32 MB). */
const STARTUP_SPARE_MIB = 32;

interface DmVm {
  startupPages: number;
  minPages: number;
  maxPages: number;
  bufferPercent: number;
  weight: number;
  /** Last demand seen (num_committed less balloon and pending hot-add), pages. */
  demandPages: number;
  allocPages: number;
}

export class HypervPolicy implements Policy {
  /** Balloon and hot-add changes made (for the no-chatter tests). */
  targetChanges = 0;
  hotAdds = 0;
  short = false;
  private readonly env: PolicyEnv;
  private readonly dm: DmVm[];
  private sinceBalanceMs = 0;

  constructor(env: PolicyEnv) {
    this.env = env;
    this.dm = env.vms.map((vm) => {
      const c = vm.config;
      const startupPages = Math.min(
        vm.pages,
        mibToPages(Math.max(c.kernelMiB + STARTUP_SPARE_MIB, Number(c.policy.startupMiB ?? c.memoryMiB))),
      );
      const maxPages = Math.max(startupPages, Math.min(vm.pages, mibToPages(Number(c.policy.maxMiB ?? c.memoryMiB))));
      const minPages = Math.min(startupPages, mibToPages(c.minMiB));
      if (vm.balloon instanceof HypervBalloonDriver) vm.balloon.bootWithOnline(startupPages);
      return {
        startupPages,
        minPages,
        maxPages,
        bufferPercent: Number(c.policy.bufferPercent ?? HV_BUFFER_DEFAULT_PERCENT),
        weight: Number(c.policy.weight ?? HV_WEIGHT_DEFAULT),
        demandPages: 0,
        allocPages: startupPages,
      };
    });
  }

  get state(): string {
    return this.short ? 'memory short: weights decide' : 'buffers met';
  }

  step(dtMs: number): void {
    this.sinceBalanceMs += dtMs;
    if (this.sinceBalanceMs >= HV_BALANCE_PERIOD_MS) {
      this.sinceBalanceMs -= HV_BALANCE_PERIOD_MS;
      this.balance();
    }
    this.env.hv.backgroundReclaim();
  }

  private driver(i: number): HypervBalloonDriver | null {
    const b = this.env.vms[i].balloon;
    return b instanceof HypervBalloonDriver ? b : null;
  }

  /** Pages online in the guest, as the host counts them: startup plus what it hot-added. */
  private onlinePages(i: number): number {
    const d = this.driver(i);
    return d ? this.dm[i].startupPages + d.onlinedPages : this.env.vms[i].pages;
  }

  /** Memory assigned to the VM: online less ballooned. */
  assignedPages(i: number): number {
    return this.onlinePages(i) - (this.env.vms[i].balloon?.actualPages ?? 0);
  }

  private balance(): void {
    const { hv, vms } = this.env;
    let budget = hv.frames.frameCount - hv.frames.hypervisorFrames - hv.watermarks.high;
    const managed: number[] = [];
    vms.forEach((_, i) => {
      const d = this.driver(i);
      if (!d?.status) {
        budget -= this.assignedPages(i);
        return;
      }
      this.dm[i].demandPages = d.status.numCommitted - d.status.ballooned - d.status.pendingHotAdd;
      managed.push(i);
    });
    const claims = managed.map((i) => ({
      minPages: this.dm[i].minPages,
      maxPages: this.dm[i].maxPages,
      wantPages: hypervTargetPages(this.dm[i].demandPages, this.dm[i].bufferPercent),
      weight: this.dm[i].weight,
    }));
    const alloc = allocateByWeight(claims, budget);
    this.short = claims.reduce((s, c) => s + Math.max(c.minPages, Math.min(c.maxPages, c.wantPages)), 0) > budget;
    managed.forEach((i, k) => this.apply(i, Math.floor(alloc[k])));
  }

  /** Moves VM i towards `alloc` pages: deflate first, then hot-add; shrink by balloon. */
  private apply(i: number, alloc: number): void {
    const d = this.driver(i)!;
    this.dm[i].allocPages = alloc;
    const planned = this.onlinePages(i) - d.targetPages;
    if (Math.abs(alloc - planned) < DEADBAND_PAGES) return;
    let balloonTarget = d.targetPages;
    if (alloc > planned) {
      const need = alloc - planned;
      const fromBalloon = Math.min(need, balloonTarget);
      balloonTarget -= fromBalloon;
      if (need > fromBalloon && d.hotAdd(need - fromBalloon) > 0) this.hotAdds++;
    } else balloonTarget += planned - alloc;
    d.setTarget(balloonTarget);
    this.targetChanges++;
  }

  vmReport(i: number): PolicyVmReport {
    const d = this.driver(i);
    if (!d?.status) return { entitlementPages: this.assignedPages(i), activeEstimatePages: 0 };
    return {
      entitlementPages: this.dm[i].allocPages,
      activeEstimatePages: this.dm[i].demandPages,
      pressure: hypervPressure(this.dm[i].demandPages, this.assignedPages(i)),
    };
  }
}
