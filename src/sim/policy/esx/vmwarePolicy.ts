// What the ESX 2002 and vSphere policies share: each tick, sample idle memory, move between
// free-memory states (recomputing targets on every state change and every balance period,
// W02 §6.3), apply the current state's actions, and tell people what happened and why.
// Subclasses supply the states, their thresholds and their actions.
import type { ThresholdBase, VmwareProduct } from '../../events.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from '../Policy.ts';
import { FreeStateMachine, type FreeStateLevel } from './freeStates.ts';
import { MemScheduler, type BalloonTargetChange, type SchedulerSettings, type StateActions } from './memScheduler.ts';

/** A balloon target change is worth an event when it moves by this share of the VM's memory. */
export const EVENT_MIN_CHANGE_FRACTION = 0.05;

export interface VmwareStateInfo {
  level: FreeStateLevel;
  actions: StateActions;
  /** The state's threshold: this percentage of host memory (ESX) or of minFree (vSphere). */
  thresholdPercent: number;
  thresholdOf: ThresholdBase;
}

export abstract class VmwarePolicy implements Policy {
  readonly scheduler: MemScheduler;
  readonly states: FreeStateMachine;
  protected readonly env: PolicyEnv;
  protected readonly infos: readonly VmwareStateInfo[];
  protected abstract readonly product: VmwareProduct;
  readonly announcesStates = true;
  private readonly balancePeriodMs: number;
  private sinceBalanceMs: number;

  constructor(env: PolicyEnv, infos: readonly VmwareStateInfo[], settings: SchedulerSettings, balancePeriodMs: number) {
    this.env = env;
    this.infos = infos;
    this.states = new FreeStateMachine(infos.map((s) => s.level));
    this.scheduler = new MemScheduler(env, settings);
    this.balancePeriodMs = balancePeriodMs;
    this.sinceBalanceMs = balancePeriodMs; // targets are first computed on the first tick
  }

  get state(): string {
    return this.states.name;
  }

  step(dtMs: number): void {
    const free = this.env.hv.frames.freeFrames;
    this.scheduler.stepSampling(dtMs);
    const before = this.states.index;
    const changed = this.states.update(free);
    const info = this.infos[this.states.index];
    if (changed) this.stateChanged();
    this.sinceBalanceMs += dtMs;
    if (changed || this.sinceBalanceMs >= this.balancePeriodMs) {
      this.sinceBalanceMs = 0;
      const changes = this.scheduler.rebalance(info.actions.balloon);
      if (changed) this.announceState(before, free, changes);
      else this.announceChanges(changes);
    }
    for (const vm of this.scheduler.enforce(info.actions, dtMs)) {
      this.env.events.emit({
        type: 'vmware-blocked',
        product: this.product,
        vm,
        blocked: this.env.vms[vm].blocked,
        targetPages: this.scheduler.targetPages[vm],
        thresholdPercent: info.thresholdPercent,
        thresholdOf: info.thresholdOf,
      });
    }
  }

  vmReport(vm: number): PolicyVmReport {
    return { entitlementPages: this.scheduler.targetPages[vm], activeEstimatePages: this.scheduler.activePages(vm) };
  }

  /** The state's index (0 = most relaxed) and each state's threshold, pages of free memory. */
  internals(): Record<string, number> {
    const out: Record<string, number> = { stateIndex: this.states.index };
    for (const l of this.states.levels) out[`${l.name.toLowerCase()}ThresholdPages`] = Math.round(l.enterBelowPages);
    return out;
  }

  /** Hook for what a state change does beyond the scheduler (vSphere: large pages and TPS). */
  protected stateChanged(): void {}

  private announceState(before: number, free: number, changes: BalloonTargetChange[]): void {
    const now = this.states.index;
    const info = this.infos[now];
    // Going down, the state is told with the largest raise of a balloon target it brought.
    const raise =
      now > before
        ? changes.filter((c) => c.toPages > c.fromPages).sort((a, b) => b.toPages - b.fromPages - (a.toPages - a.fromPages))[0]
        : undefined;
    this.env.events.emit({
      type: 'vmware-state',
      product: this.product,
      state: info.level.name,
      direction: now > before ? 'down' : 'up',
      freePages: free,
      thresholdPercent: info.thresholdPercent,
      thresholdOf: info.thresholdOf,
      raised: raise ? { vm: raise.vm, targetPages: raise.toPages } : null,
    });
    this.announceChanges(changes.filter((c) => c !== raise));
  }

  private announceChanges(changes: BalloonTargetChange[]): void {
    // A state that holds balloons only stops them where they are: nothing worth telling.
    if (this.infos[this.states.index].actions.balloon === 'hold') return;
    for (const c of changes) {
      const v = this.env.vms[c.vm];
      if (Math.abs(c.toPages - c.fromPages) < EVENT_MIN_CHANGE_FRACTION * v.pages) continue;
      this.env.events.emit({
        type: 'vmware-target',
        product: this.product,
        vm: c.vm,
        targetPages: c.toPages,
        raised: c.toPages > c.fromPages,
        entitlementPages: this.scheduler.targetPages[c.vm],
        activeEstimatePages: this.scheduler.activePages(c.vm),
      });
    }
  }
}
