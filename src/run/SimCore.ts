// The run: a scenario with its schedule (scheduled changes and the live changes recorded while
// playing, one list) and the simulation they determine, with keyframes to go back in time. No
// timers and no messages: the worker host drives it. State at tick k = the scenario run for k
// ticks, each tick's schedule actions applied on arriving at it, so going back (restore a
// keyframe, replay) and going forward agree exactly.
import type { Simulation } from '../sim/Simulation.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import { MAX_SCHEDULE_ENTRIES, secondsOf, tickOf, type ScheduleEntry } from '../sim/scenario/schedule.ts';
import type { TickAction } from '../sim/scenario/timeline.ts';
import { applyChanges, getParam, isLiveParam, liveDifferences, type ParamChange } from '../sim/scenario/paramPath.ts';
import { Keyframes } from './Keyframes.ts';
import { applyActions, applyLiveChange, compileForRun, newSimulation } from './applyTimeline.ts';
import type { RunHistory } from './history.ts';

export interface ChangeOutcome {
  corrections: string[];
  /** True when the change restarted the run at 0 s (not a live parameter). */
  restarted: boolean;
}

/** The schedule with `values` set at `tick`: the same paths leave that tick's other set entries. */
function withRecorded(schedule: readonly ScheduleEntry[], tick: number, tickMs: number, values: Record<string, number>): ScheduleEntry[] {
  const out: ScheduleEntry[] = [];
  for (const e of schedule) {
    if (!('set' in e) || tickOf(e.atS, tickMs) !== tick) out.push(e);
    else {
      const rest = Object.entries(e.set).filter(([path]) => !(path in values));
      if (rest.length > 0) out.push({ atS: e.atS, set: Object.fromEntries(rest) });
    }
  }
  out.push({ atS: secondsOf(tick, tickMs), set: values });
  return out;
}

export class SimCore {
  scenario!: Scenario;
  sim!: Simulation;
  /** Furthest tick computed in the current history (the timeline's end). */
  headTick = 0;
  keyframes!: Keyframes;
  /** Bumped on every change of the model's state (a step, a jump, a live change). */
  version = 0;
  private actions = new Map<number, TickAction[]>();

  constructor(scenario: Scenario) {
    this.load(scenario);
  }

  /** Starts a new run; if the model cannot be built (throws), the current run is kept. */
  load(scenario: Scenario): void {
    const start = structuredClone(scenario);
    const sim = newSimulation(start);
    this.scenario = start;
    this.actions = compileForRun(start).actions;
    this.keyframes = new Keyframes(scenario.tickMs);
    this.sim = sim;
    this.headTick = 0;
    this.arrive();
  }

  get history(): RunHistory {
    return { scenario: this.scenario, atTick: this.sim.ticks };
  }
  get ticks(): number {
    return this.sim.ticks;
  }

  /** Advances by n ticks. */
  step(n = 1): void {
    for (let i = 0; i < n; i++) {
      this.sim.step();
      this.arrive();
    }
  }

  /** Goes to tick t (forward by stepping; back by a keyframe and replay). */
  seekTick(t: number): void {
    const target = Math.max(0, Math.floor(t));
    if (target < this.sim.ticks) {
      const kept = this.keyframes.restore(target);
      this.version++;
      if (kept) this.sim = kept;
      else {
        this.sim = newSimulation(this.scenario);
        this.arrive();
      }
    }
    while (this.sim.ticks < target) {
      this.sim.step();
      this.arrive();
    }
  }

  /** The scenario as it stands now: the start scenario with the schedule applied so far. */
  effectiveScenario(): Scenario {
    return { ...structuredClone(this.sim.scenario), schedule: structuredClone(this.scenario.schedule) };
  }

  /** Validates and applies parameter changes. A live change is recorded into the schedule as
   * a set entry at this tick (with the other live values its validation clamped, so the
   * model's scenario stays a valid one) and applies from this tick; the schedule's later
   * entries stay. Any other change edits the start scenario and restarts the run at 0 s. */
  change(changes: ParamChange[]): ChangeOutcome {
    if (!changes.every((c) => isLiveParam(c.path))) {
      const r = applyChanges(this.scenario, changes);
      if (!r.ok) throw new Error(r.errors.join('; '));
      this.load(r.scenario);
      return { corrections: r.corrections, restarted: true };
    }
    const before: Scenario = { ...this.effectiveScenario(), schedule: [] };
    const r = applyChanges(before, changes);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const tick = this.sim.ticks;
    const json = scenarioToJson(r.scenario);
    const recorded: ParamChange[] = [...new Set(changes.map((c) => c.path))].map((path) => ({
      path,
      value: getParam(json, path) as number,
    }));
    for (const d of liveDifferences(before, r.scenario)) if (!recorded.some((c) => c.path === d.path)) recorded.push(d);
    const values = Object.fromEntries(recorded.map((c) => [c.path, c.value as number]));
    const schedule = withRecorded(this.scenario.schedule, tick, this.scenario.tickMs, values);
    if (schedule.length > MAX_SCHEDULE_ENTRIES) {
      this.load({ ...r.scenario, schedule: [] });
      return { corrections: r.corrections, restarted: true };
    }
    const compiled = compileForRun({ ...this.scenario, schedule });
    this.scenario = { ...this.scenario, schedule: compiled.schedule };
    this.actions = compiled.actions;
    this.keyframes.dropFrom(tick);
    this.headTick = tick;
    for (const c of recorded) applyLiveChange(this.sim.scenario, c);
    this.version++;
    this.keyframes.offer(this.sim);
    return { corrections: [...r.corrections, ...compiled.problems], restarted: false };
  }

  /** Back to 0 s with the same scenario and schedule. */
  reset(): void {
    this.seekTick(0);
  }

  /** On arriving at a tick: apply its schedule actions, extend the history, offer a keyframe. */
  private arrive(): void {
    const t = this.sim.ticks;
    this.version++;
    const due = this.actions.get(t);
    if (due) applyActions(this.sim, due);
    if (t > this.headTick) this.headTick = t;
    this.keyframes.offer(this.sim);
  }
}
