// Runs a scenario with its schedule (TimelineRun, as the app runs it) for a simulated time,
// handing the model to each recorder at 0 s and after every tick (the series, the event log).
import type { Scenario } from '../sim/scenario/types.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { TimelineRun } from '../run/TimelineRun.ts';

export interface Recorder {
  tick(sim: Simulation): void;
  close(): void;
}

export function runRecorded(scenario: Scenario, seconds: number, recorders: readonly Recorder[] = []): Simulation {
  const run = new TimelineRun(scenario);
  for (const r of recorders) r.tick(run.sim);
  const endMs = seconds * 1000;
  while (run.sim.timeMs + 1e-9 < endMs) {
    run.step();
    for (const r of recorders) r.tick(run.sim);
  }
  for (const r of recorders) r.close();
  return run.sim;
}
