// The run's recorded inputs: live parameter changes, each applied on arriving at its tick, and
// the history a run reports (its start scenario and those inputs). The worker, the CLI and the
// link codec all speak in these terms; a link carries the history, so its limit lives here.
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';

/** Most live changes one run keeps; past this a change restarts the run (keeps links short). */
export const MAX_INPUTS = 200;

/** A live parameter change recorded at a tick (applied on arriving at that tick). */
export interface InputEntry {
  tick: number;
  path: string;
  value: ParamValue;
}

/** The run's history: the scenario it started from and the live changes since (for the link). */
export interface RunHistory {
  scenario: Scenario;
  inputs: InputEntry[];
  /** The run's tick when this was sent. */
  atTick: number;
}
