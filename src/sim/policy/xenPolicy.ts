// Xen with XAPI squeezed: each domain has a dynamic range [dynamicMinMiB, dynamicMaxMiB];
// squeezed writes every domain's memory/target (as `xl mem-set` does) so all share one ratio
// of that range and the host keeps target_host_free_mem free (squeeze.ts). It rebalances every
// 30 s and on events: a driver making no progress for 2 s is declared stuck and held where it
// is, which squeezes the others harder. Xen accounts memory by allocation, not by touch: a
// domain holds its whole size less its balloon, so squeezed never overcommits the host.
import { mibToPages } from '../units.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';
import {
  FREE_MEM_TOLERANCE_KIB, SQUEEZED_BALANCE_PERIOD_MS, SQUEEZED_STUCK_MS, squeezeRatio, TARGET_HOST_FREE_MEM_KIB,
  type SqueezeResult,
} from './squeeze.ts';

const KIB_PER_PAGE = 4;

interface Domain {
  dynMinPages: number;
  dynMaxPages: number;
  /** Allocation squeezed asked for (pages - balloon target). */
  targetPages: number;
  stuck: boolean;
  lastActualPages: number;
  lastProgressMs: number;
}

export class XenSqueezedPolicy implements Policy {
  ratio = 1;
  result: SqueezeResult = 'ok';
  /** Times a domain's target was changed (for the no-chatter tests). */
  targetChanges = 0;
  balances = 0;
  private readonly env: PolicyEnv;
  private readonly domains: Domain[];
  private clockMs = 0;
  private lastBalanceMs = 0;
  private needBalance = true;

  constructor(env: PolicyEnv) {
    this.env = env;
    this.domains = env.vms.map((vm) => {
      const dynMaxPages = Math.min(vm.pages, mibToPages(Number(vm.config.policy.dynamicMaxMiB ?? vm.config.memoryMiB)));
      const dynMinPages = Math.min(dynMaxPages, mibToPages(Number(vm.config.policy.dynamicMinMiB ?? 0)));
      return { dynMinPages, dynMaxPages, targetPages: vm.pages, stuck: false, lastActualPages: vm.pages, lastProgressMs: 0 };
    });
  }

  get state(): string {
    return `${this.result === 'ok' ? 'balanced' : this.result} · ratio ${this.ratio.toFixed(2)}`;
  }

  /** A domain's allocation as Xen counts it (tot_pages): its size less its balloon. */
  private allocation(i: number): number {
    const vm = this.env.vms[i];
    return vm.pages - (vm.balloon?.actualPages ?? 0);
  }

  /** Host free memory as Xen's physinfo reports it, pages. */
  hostFreePages(): number {
    const frames = this.env.hv.frames;
    let allocated = 0;
    for (let i = 0; i < this.domains.length; i++) allocated += this.allocation(i);
    return frames.frameCount - frames.hypervisorFrames - allocated;
  }

  step(dtMs: number): void {
    this.clockMs += dtMs;
    this.watchProgress();
    if (this.clockMs - this.lastBalanceMs >= SQUEEZED_BALANCE_PERIOD_MS) {
      // The periodic balance gives stuck domains another chance.
      for (const d of this.domains) d.stuck = false;
      this.needBalance = true;
    }
    if (this.needBalance) this.balance();
    this.env.hv.backgroundReclaim();
  }

  /** Stuck detection, and the host-free event once every cooperating domain has hit its target. */
  private watchProgress(): void {
    const { vms, events } = this.env;
    let allHit = true;
    this.domains.forEach((d, i) => {
      if (!vms[i].balloon) return;
      const actual = this.allocation(i);
      if (actual !== d.lastActualPages) {
        d.lastActualPages = actual;
        d.lastProgressMs = this.clockMs;
      }
      if (actual === d.targetPages || d.stuck) return;
      allHit = false;
      if (this.clockMs - Math.max(d.lastProgressMs, this.lastBalanceMs) >= SQUEEZED_STUCK_MS) {
        d.stuck = true;
        this.needBalance = true;
        events.emit({ type: 'squeezed-stuck', vm: i, actualPages: actual, noProgressMs: SQUEEZED_STUCK_MS });
      }
    });
    const toleranceKib = FREE_MEM_TOLERANCE_KIB;
    if (allHit && Math.abs(this.hostFreePages() * KIB_PER_PAGE - TARGET_HOST_FREE_MEM_KIB) > toleranceKib && this.result === 'ok' && this.ratio < 1) this.needBalance = true;
  }

  private balance(): void {
    const { hv, vms, events } = this.env;
    this.needBalance = false;
    this.lastBalanceMs = this.clockMs;
    this.balances++;
    const available = hv.frames.frameCount - hv.frames.hypervisorFrames - Math.ceil(TARGET_HOST_FREE_MEM_KIB / KIB_PER_PAGE);
    const squeeze = squeezeRatio(
      this.domains.map((d, i) => ({
        dynMin: d.dynMinPages,
        dynMax: d.dynMaxPages,
        fixed: !vms[i].balloon ? vms[i].pages : d.stuck ? this.allocation(i) : null,
      })),
      available,
    );
    if (squeeze.result !== this.result && squeeze.result !== 'ok') events.emit({ type: 'squeezed-result', result: squeeze.result });
    this.result = squeeze.result;
    this.ratio = squeeze.ratio;
    this.domains.forEach((d, i) => {
      const balloon = vms[i].balloon;
      if (!balloon) return;
      const target = Math.floor(squeeze.targets[i]);
      if (target === d.targetPages) return;
      d.targetPages = target;
      balloon.setTarget(vms[i].pages - target);
      this.targetChanges++;
    });
  }

  vmReport(i: number): PolicyVmReport {
    return { entitlementPages: this.domains[i].targetPages, activeEstimatePages: this.env.vms[i].backedPages() };
  }
}
