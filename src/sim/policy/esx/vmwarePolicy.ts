// What the ESX 2002 and vSphere policies share: each tick, sample idle memory, move between
// free-memory states (recomputing targets on every state change and every balance period,
// W02 §6.3), apply the current state's actions, and tell people what happened and why.
// Subclasses supply the states, their thresholds and their actions.
import type { Policy, PolicyEnv, PolicyVmReport } from '../Policy.ts';
import { pagesToMib } from '../../units.ts';
import { FreeStateMachine, type FreeStateLevel } from './freeStates.ts';
import { MemScheduler, type BalloonTargetChange, type SchedulerSettings, type StateActions } from './memScheduler.ts';

/** A balloon target change is worth an event when it moves by this share of the VM's memory. */
export const EVENT_MIN_CHANGE_FRACTION = 0.05;

export interface VmwareStateInfo {
  level: FreeStateLevel;
  actions: StateActions;
  /** The state's threshold in words, e.g. "4% of host memory". */
  thresholdText: string;
  /** What the host does in this state, e.g. "reclaiming by ballooning". */
  doing: string;
}

const mib = (pages: number): number => Math.round(pagesToMib(pages));
const title = (s: string): string => s[0].toUpperCase() + s.slice(1);

export abstract class VmwarePolicy implements Policy {
  readonly scheduler: MemScheduler;
  readonly states: FreeStateMachine;
  protected readonly env: PolicyEnv;
  protected readonly infos: readonly VmwareStateInfo[];
  protected abstract readonly product: string;
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
      const name = this.env.vms[vm].config.name;
      const text = this.env.vms[vm].blocked
        ? `${this.product} blocked ${name}: free memory is below ${info.thresholdText} and ${name} is above its target of ${mib(this.scheduler.targetPages[vm])} MiB`
        : `${this.product} let ${name} run again`;
      this.env.events.emit('policy', vm, text);
    }
  }

  vmReport(vm: number): PolicyVmReport {
    return { entitlementPages: this.scheduler.targetPages[vm], activeEstimatePages: this.scheduler.activePages(vm) };
  }

  /** Hook for what a state change does beyond the scheduler (vSphere: large pages and TPS). */
  protected stateChanged(): void {}

  private announceState(before: number, free: number, changes: BalloonTargetChange[]): void {
    const now = this.states.index;
    const info = this.infos[now];
    let text: string;
    if (now > before) {
      text = `free memory fell below ${info.thresholdText} (${mib(free)} MiB free): ${this.product} entered ${title(info.level.name)}, ${info.doing}`;
      const raise = changes.filter((c) => c.toPages > c.fromPages).sort((a, b) => b.toPages - b.fromPages - (a.toPages - a.fromPages))[0];
      if (raise) {
        text += `, and raised ${this.env.vms[raise.vm].config.name}'s balloon target to ${mib(raise.toPages)} MiB`;
        changes = changes.filter((c) => c !== raise);
      }
    } else {
      const above = this.infos[now].thresholdText;
      text = `free memory rose above ${above} plus the hysteresis margin (${mib(free)} MiB free): ${this.product} returned to ${title(info.level.name)}, ${info.doing}`;
    }
    this.env.events.emit('policy', -1, text);
    this.announceChanges(changes);
  }

  private announceChanges(changes: BalloonTargetChange[]): void {
    // A state that holds balloons only stops them where they are: nothing worth telling.
    if (this.infos[this.states.index].actions.balloon === 'hold') return;
    for (const c of changes) {
      const v = this.env.vms[c.vm];
      if (Math.abs(c.toPages - c.fromPages) < EVENT_MIN_CHANGE_FRACTION * v.pages) continue;
      const verb = c.toPages > c.fromPages ? 'raised' : 'lowered';
      this.env.events.emit('policy', c.vm,
        `${this.product} ${verb} ${v.config.name}'s balloon target to ${mib(c.toPages)} MiB (target allocation ${mib(this.scheduler.targetPages[c.vm])} MiB, active estimate ${mib(this.scheduler.activePages(c.vm))} MiB)`);
    }
  }
}
