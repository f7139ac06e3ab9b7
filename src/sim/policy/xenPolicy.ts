// Xen with XAPI squeezed: each domain has a dynamic range [dynamicMinMiB, dynamicMaxMiB]; squeezed
// writes every domain's memory/target (as `xl mem-set` does) so all share one ratio of that range
// and the host would keep target_host_free_mem free (squeeze.ts). As squeezed's balance thread
// does (xapi-project/xen-api ocaml/squeezed/src/memory_server.ml), it sleeps 10 s, checks whether
// the targets would change, and if so runs a balance: an iteration every second until every
// active domain has hit its target and nothing changes. Within a balance, a driver making no
// progress for over 5 s is declared stuck and held at what it has, which squeezes the others
// harder. Xen accounts memory by allocation, not by touch: a domain holds its whole size less
// its balloon, so squeezed never overcommits the host.
import { mibToPages } from '../units.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';
import {
  BALANCE_CHECK_INTERVAL_MS,
  inactiveTargetKib,
  isBalanced,
  ITERATION_WAIT_MS,
  oneIteration,
  TARGET_HOST_FREE_MEM_KIB,
  type SqueezeDomain,
} from './squeeze.ts';
import { ASSUME_BALLOON_DRIVER_STUCK_AFTER_MS, StucknessMonitor } from './squeezeStuckness.ts';

const KIB_PER_PAGE = 4;

/** How the last balance ended: Success, or the exception squeezed raised (and logged). */
export type SqueezeResult = 'ok' | 'CannotFreeThisMuchMemory' | 'DomainsRefusedToCooperate';

interface Domain {
  dynMinKib: number;
  dynMaxKib: number;
  /** memory/target, KiB. */
  targetKib: number;
}

/** The state of one balance (change_host_free_memory): a fresh stuckness monitor each time. */
interface Balance {
  stuckness: StucknessMonitor;
  nonActive: Set<number>;
  nextIterationMs: number;
}

export class XenSqueezedPolicy implements Policy {
  /** gamma of the last iteration. */
  ratio = 1;
  result: SqueezeResult = 'ok';
  /** Times a domain's target was changed (for the no-chatter tests). */
  targetChanges = 0;
  /** Balances started (the host found unbalanced). */
  balances = 0;
  private readonly env: PolicyEnv;
  private readonly domains: Domain[];
  private clockMs = 0;
  /** The balance thread's first check comes after its first sleep. */
  private nextCheckMs = BALANCE_CHECK_INTERVAL_MS;
  private balance: Balance | null = null;

  constructor(env: PolicyEnv) {
    this.env = env;
    this.domains = env.vms.map((vm) => {
      const dynMaxPages = Math.min(vm.pages, mibToPages(Number(vm.config.policy.dynamicMaxMiB ?? vm.config.memoryMiB)));
      const dynMinPages = Math.min(dynMaxPages, mibToPages(Number(vm.config.policy.dynamicMinMiB ?? 0)));
      return { dynMinKib: dynMinPages * KIB_PER_PAGE, dynMaxKib: dynMaxPages * KIB_PER_PAGE, targetKib: vm.pages * KIB_PER_PAGE };
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
    if (this.balance) {
      if (this.clockMs >= this.balance.nextIterationMs) this.iterate(this.balance);
    } else if (this.clockMs >= this.nextCheckMs) {
      if (this.unbalanced()) {
        this.balances++;
        this.balance = { stuckness: new StucknessMonitor(), nonActive: new Set(), nextIterationMs: this.clockMs };
        this.iterate(this.balance);
      } else this.nextCheckMs = this.clockMs + BALANCE_CHECK_INTERVAL_MS;
    }
    this.env.hv.backgroundReclaim();
  }

  /** make_host: every domain as squeezed sees it. */
  private snapshot(): SqueezeDomain[] {
    return this.domains.map((d, i) => ({
      id: i,
      canBalloon: this.env.vms[i].balloon !== null,
      dynMinKib: d.dynMinKib,
      dynMaxKib: d.dynMaxKib,
      targetKib: d.targetKib,
      actualKib: this.allocation(i) * KIB_PER_PAGE,
    }));
  }

  /** is_host_memory_unbalanced: one iteration with a fresh monitor would set a new target. */
  private unbalanced(): boolean {
    const it = oneIteration(
      new StucknessMonitor(),
      new Set(),
      this.snapshot(),
      this.hostFreePages() * KIB_PER_PAGE,
      TARGET_HOST_FREE_MEM_KIB,
      this.clockMs,
      isBalanced,
    );
    return it.action.kind === 'adjust' && it.action.targets.some((t) => t.targetKib !== this.domains[t.id].targetKib);
  }

  private iterate(b: Balance): void {
    const { vms, events } = this.env;
    const snapshot = this.snapshot();
    const it = oneIteration(
      b.stuckness,
      b.nonActive,
      snapshot,
      this.hostFreePages() * KIB_PER_PAGE,
      TARGET_HOST_FREE_MEM_KIB,
      this.clockMs,
      isBalanced,
    );
    this.ratio = it.gamma;
    for (const id of it.declaredInactive) {
      if (!vms[id].balloon) continue;
      const held = inactiveTargetKib(snapshot[id]);
      events.emit({
        type: 'squeezed-stuck',
        vm: id,
        actualPages: Math.floor(held / KIB_PER_PAGE),
        noProgressMs: ASSUME_BALLOON_DRIVER_STUCK_AFTER_MS,
      });
      this.setTarget(id, held);
    }
    if (it.action.kind === 'adjust') {
      for (const t of it.action.targets) this.setTarget(t.id, t.targetKib);
      b.nextIterationMs = this.clockMs + ITERATION_WAIT_MS;
      return;
    }
    const result: SqueezeResult =
      it.action.kind === 'success' ? 'ok' : it.action.stuckIds.length > 0 ? 'DomainsRefusedToCooperate' : 'CannotFreeThisMuchMemory';
    if (result !== this.result && result !== 'ok') events.emit({ type: 'squeezed-result', result });
    this.result = result;
    this.balance = null;
    this.nextCheckMs = this.clockMs + BALANCE_CHECK_INTERVAL_MS;
  }

  /** memory/target in KiB; the Xen balloon driver takes it in whole pages (target_kb >> 2). */
  private setTarget(i: number, targetKib: number): void {
    const d = this.domains[i];
    const balloon = this.env.vms[i].balloon;
    if (!balloon || targetKib === d.targetKib) return;
    d.targetKib = targetKib;
    balloon.setTarget(this.env.vms[i].pages - Math.floor(targetKib / KIB_PER_PAGE));
    this.targetChanges++;
  }

  /** squeezed's ratio gamma of the last iteration, and host free memory as Xen counts it. */
  internals(): Record<string, number> {
    return { ratio: this.ratio, hostFreePages: this.hostFreePages() };
  }

  vmReport(i: number): PolicyVmReport {
    return { entitlementPages: Math.floor(this.domains[i].targetKib / KIB_PER_PAGE), activeEstimatePages: this.env.vms[i].backedPages() };
  }
}
