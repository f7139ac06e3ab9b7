// A run without keyframes, for the CLI: a scenario's model stepped forward, its schedule's
// actions applied on arriving at their ticks exactly as SimCore applies them (same state hash).
import type { Scenario } from '../sim/scenario/types.ts';
import type { TickAction } from '../sim/scenario/timeline.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { applyActions, compileForRun, newSimulation } from './applyTimeline.ts';

export class TimelineRun {
  readonly sim: Simulation;
  private readonly actions: Map<number, TickAction[]>;

  constructor(scenario: Scenario) {
    this.sim = newSimulation(scenario);
    this.actions = compileForRun(scenario).actions;
    this.arrive();
  }

  step(): void {
    this.sim.step();
    this.arrive();
  }

  /** Steps whole ticks until at least `seconds` more of simulated time have passed. */
  run(seconds: number): void {
    const endMs = this.sim.timeMs + seconds * 1000;
    while (this.sim.timeMs + 1e-9 < endMs) this.step();
  }

  private arrive(): void {
    const due = this.actions.get(this.sim.ticks);
    if (due) applyActions(this.sim, due);
  }
}
