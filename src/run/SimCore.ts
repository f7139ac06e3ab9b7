// The run: a scenario, the live changes made since (the input log) and the simulation they
// determine, with keyframes to go back in time. No timers and no messages: the worker host
// drives it. State at tick k = the scenario run for k ticks, each input applied on arriving at
// its tick, so going back (restore a keyframe, replay) and going forward agree exactly.
import { Simulation } from '../sim/Simulation.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import { applyChanges, getParam, isLiveParam, liveDifferences, type ParamChange } from '../sim/scenario/paramPath.ts';
import { Keyframes } from './Keyframes.ts';
import { applyLiveInput } from './liveInputs.ts';
import { MAX_INPUTS, type InputEntry, type RunHistory } from './inputs.ts';

export interface ChangeOutcome {
  corrections: string[];
  /** True when the change restarted the run at 0 s (not a live parameter). */
  restarted: boolean;
}

export class SimCore {
  scenario!: Scenario;
  inputs: InputEntry[] = [];
  sim!: Simulation;
  /** Furthest tick computed in the current history (the timeline's end). */
  headTick = 0;
  keyframes!: Keyframes;
  /** Bumped on every change of the model's state (a step, a jump, a live change). */
  version = 0;

  constructor(scenario: Scenario, inputs: InputEntry[] = []) {
    this.load(scenario, inputs);
  }

  /** Starts a new run; if the model cannot be built (throws), the current run is kept. */
  load(scenario: Scenario, inputs: InputEntry[] = []): void {
    const start = structuredClone(scenario);
    const sim = new Simulation(structuredClone(start));
    this.scenario = start;
    this.inputs = [...inputs].sort((a, b) => a.tick - b.tick).slice(0, MAX_INPUTS);
    this.keyframes = new Keyframes(scenario.tickMs);
    this.sim = sim;
    this.headTick = 0;
    this.arrive();
  }

  get history(): RunHistory {
    return { scenario: this.scenario, inputs: this.inputs, atTick: this.sim.ticks };
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
        this.sim = this.fresh();
        this.arrive();
      }
    }
    while (this.sim.ticks < target) {
      this.sim.step();
      this.arrive();
    }
  }

  /** The scenario as it stands now: the start scenario with the inputs applied so far. */
  effectiveScenario(): Scenario {
    return structuredClone(this.sim.scenario);
  }

  /** Validates and applies parameter changes: live ones from this tick, others by restarting.
   * A live change is recorded with the other live values its validation clamped (a working set
   * cut to a smaller footprint), so the model's scenario stays a valid one. */
  change(changes: ParamChange[]): ChangeOutcome {
    const before = this.effectiveScenario();
    const r = applyChanges(before, changes);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const restart = (): ChangeOutcome => {
      this.load(r.scenario);
      return { corrections: r.corrections, restarted: true };
    };
    if (!changes.every((c) => isLiveParam(c.path))) return restart();
    const tick = this.sim.ticks;
    const json = scenarioToJson(r.scenario);
    const paths = new Set(changes.map((c) => c.path));
    const recorded = [...paths].map((path) => ({ tick, path, value: getParam(json, path) as number }));
    for (const d of liveDifferences(before, r.scenario)) if (!paths.has(d.path)) recorded.push({ tick, path: d.path, value: d.value as number });
    // The inputs kept: those before this tick, and this tick's for other paths (replaced here).
    const kept = this.inputs.filter((e) => e.tick < tick || (e.tick === tick && !recorded.some((c) => c.path === e.path)));
    if (kept.length + recorded.length > MAX_INPUTS) return restart();
    this.inputs = [...kept, ...recorded];
    this.keyframes.dropFrom(tick);
    this.headTick = tick;
    for (const input of recorded) applyLiveInput(this.sim, input);
    this.version++;
    this.keyframes.offer(this.sim);
    return { corrections: r.corrections, restarted: false };
  }

  /** Back to 0 s with the same scenario and inputs. */
  reset(): void {
    this.seekTick(0);
  }

  private fresh(): Simulation {
    return new Simulation(structuredClone(this.scenario));
  }

  /** On arriving at a tick: apply its inputs, extend the history, offer a keyframe. */
  private arrive(): void {
    const t = this.sim.ticks;
    this.version++;
    for (const input of this.inputs) if (input.tick === t) applyLiveInput(this.sim, input);
    if (t > this.headTick) this.headTick = t;
    this.keyframes.offer(this.sim);
  }
}
