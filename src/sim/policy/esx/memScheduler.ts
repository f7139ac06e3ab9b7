// The VMware memory scheduler's mechanics, shared by the ESX 2002 and vSphere policies: per-VM
// idle sampling, target allocations by shares and idle tax (W02 §5, §6.3), and the three ways
// of reaching them: balloon targets, host swapping to per-VM swap targets (W02 §3.3: the swap
// daemon receives target swap levels and pages asynchronously, picking pages at random), and
// blocking VMs above target. Which ones run is decided per free-memory state by the policy.
// Inputs are only what a hypervisor observes: its frames, EPT entries, balloon target/actual.
import { EptKind } from '../../host/Ept.ts';
import { mibToPages } from '../../units.ts';
import type { PolicyEnv } from '../Policy.ts';
import { IdleSampler } from './idleSampler.ts';
import { allocateByShares } from './shareAllocation.ts';

/** What a state does with balloons: only give memory back to VMs below their target (no
 * reclamation), reclaim toward targets in both directions, or hold balloons where they are. */
export type BalloonAction = 'giveBack' | 'reclaim' | 'hold';
/** What a state does with host swapping: none, only what ballooning cannot take, or the whole
 * excess of every VM above its target. */
export type SwapAction = 'none' | 'unballoonable' | 'excess';

export interface StateActions {
  balloon: BalloonAction;
  swap: SwapAction;
  /** Block the vCPUs of VMs above their target (W02 §6.3, low state). */
  block: boolean;
}

export interface BalloonTargetChange {
  vm: number;
  fromPages: number;
  toPages: number;
}

/** Host swap writes in flight per VM. Swap-out bandwidth = this / swap latency (modelling
 * choice: an SSD at 200 µs writes ~310 MiB/s, a 7 ms disk ~9 MiB/s). */
export const SWAP_WRITES_IN_FLIGHT = 16;

export interface SchedulerSettings {
  taxRate: number;
  samplePeriodMs: number;
  samplePages: number;
  /** Free memory the targets aim for (above the high threshold, W02 §6.3). */
  targetFreePages: number;
}

export class MemScheduler {
  readonly samplers: IdleSampler[];
  /** Target allocation (entitlement) of each VM, pages. */
  readonly targetPages: Float64Array;
  /** The idle tax rate, read again from the policy's parameters at each reallocation (live). */
  taxRate: number;
  readonly targetFreePages: number;
  private readonly env: PolicyEnv;
  private readonly swapPagesPerSec: number;
  private readonly swapCredit: Float64Array;

  constructor(env: PolicyEnv, settings: SchedulerSettings) {
    this.env = env;
    this.taxRate = settings.taxRate;
    this.targetFreePages = settings.targetFreePages;
    this.samplers = env.vms.map((v) => new IdleSampler(env.hv.vms[v.index].ept, env.rng, settings.samplePeriodMs, settings.samplePages));
    this.targetPages = new Float64Array(env.vms.length);
    this.swapCredit = new Float64Array(env.vms.length);
    this.swapPagesPerSec = (SWAP_WRITES_IN_FLIGHT * 1e6) / env.scenario.host.swapLatencyUs;
  }

  /** Sampling runs on each VM's execution time: a blocked VM's clock stands still. */
  stepSampling(dtMs: number): void {
    this.env.vms.forEach((v, i) => {
      if (!v.blocked) this.samplers[i].step(dtMs);
    });
  }

  /** Estimated active pages: sampled active fraction times the VM's guest-physical pages. */
  activePages(vm: number): number {
    return this.samplers[vm].activeFraction * this.env.vms[vm].pages;
  }

  /** Host frames the VM holds: EPT-present pages plus its compression cache. */
  allocationPages(vm: number): number {
    return this.env.hv.vmFrames(vm);
  }

  /** Pages the guest has used: everything but never-touched (or given back) entries, so a
   * ballooned, swapped or compressed page still counts as wanted. */
  demandPages(vm: number): number {
    const ept = this.env.hv.vms[vm].ept;
    return ept.pages - ept.counts[EptKind.Untouched];
  }

  /** Frames the VMs may hold together so that free memory sits at the target; frames saved by
   * page sharing count, since VMs' allocations count each shared mapping. */
  allocatablePages(): number {
    const f = this.env.hv.frames;
    return f.frameCount - f.hypervisorFrames + f.sharingSavedFrames - this.targetFreePages;
  }

  /** Recomputes the target allocations and sets balloon targets as `action` allows. Returns
   * the balloon target changes. */
  rebalance(action: BalloonAction): BalloonTargetChange[] {
    const vms = this.env.vms;
    this.taxRate = Number(this.env.params.idleTaxPercent) / 100;
    const clients = vms.map((v, i) => ({
      shares: v.config.shares,
      activePages: this.activePages(i),
      minPages: mibToPages(v.config.minMiB),
      maxPages: Math.min(v.pages, this.demandPages(i)),
    }));
    const total = this.allocatablePages();
    let targets = allocateByShares(clients, total, this.taxRate);
    // Memory left over once every VM has what it uses is handed out up to the configured sizes.
    if (targets.reduce((sum, t) => sum + t, 0) < total) {
      targets = allocateByShares(
        clients.map((c, i) => ({ ...c, minPages: targets[i], maxPages: vms[i].pages })),
        total,
        this.taxRate,
      );
    }
    targets.forEach((t, i) => (this.targetPages[i] = Math.floor(t)));
    return this.setBalloonTargets(action);
  }

  /** Balloon target = what the balloon holds plus the VM's allocation above its target, as the
   * action allows. The VMware driver reads it at its next 1 s poll. Returns the changes. */
  setBalloonTargets(action: BalloonAction): BalloonTargetChange[] {
    const changes: BalloonTargetChange[] = [];
    this.env.vms.forEach((v, i) => {
      const balloon = v.balloon;
      if (!balloon) return;
      const from = balloon.targetPages;
      const wanted = balloon.actualPages + this.allocationPages(i) - this.targetPages[i];
      const held = Math.min(from, balloon.actualPages);
      if (action === 'reclaim') balloon.setTarget(Math.max(0, wanted));
      else if (action === 'giveBack') balloon.setTarget(Math.max(0, Math.min(held, wanted)));
      else balloon.setTarget(held);
      if (balloon.targetPages !== from) changes.push({ vm: i, fromPages: from, toPages: balloon.targetPages });
    });
    return changes;
  }

  /** Per tick: keeps reclaiming balloon targets current (a balloon that took guest pages the
   * host never backed freed nothing, so it must grow further), swaps VMs toward their targets
   * as the state allows, and blocks or releases VMs. Returns the VMs whose blocked flag changed. */
  enforce(actions: StateActions, dtMs: number): number[] {
    if (actions.balloon === 'reclaim') this.setBalloonTargets('reclaim');
    const toggled: number[] = [];
    this.env.vms.forEach((v, i) => {
      let excess = actions.swap === 'none' ? 0 : this.allocationPages(i) - this.targetPages[i];
      if (actions.swap === 'unballoonable' && v.balloon) excess -= Math.max(0, v.balloon.maxPages - v.balloon.actualPages);
      if (excess > 0) {
        this.swapCredit[i] = Math.min(this.swapCredit[i] + (this.swapPagesPerSec * dtMs) / 1000, excess);
        const n = Math.floor(this.swapCredit[i]);
        if (n > 0) this.swapCredit[i] -= this.env.hv.reclaim(n, i);
      } else this.swapCredit[i] = 0;
      const block = actions.block && this.allocationPages(i) > this.targetPages[i];
      if (block !== v.blocked) {
        v.blocked = block;
        toggled.push(i);
      }
    });
    return toggled;
  }
}
