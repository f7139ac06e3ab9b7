// The history a run reports: the scenario it started from, whose schedule holds every scheduled
// and recorded change (a live change made while playing is a schedule entry), and the tick it
// had reached. The worker, the CLI and the link codec all speak in these terms.
import type { Scenario } from '../sim/scenario/types.ts';

export interface RunHistory {
  scenario: Scenario;
  /** The run's tick when this was sent. */
  atTick: number;
}
