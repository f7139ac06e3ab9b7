// A sweep worker thread: runs the scenarios it is sent (each with its schedule, for the given
// simulated time) and posts back each run's report. Started by sweepPool.ts.
import { parentPort } from 'node:worker_threads';
import { buildReport } from '../sim/report.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { runRecorded } from './recordedRun.ts';

export interface SweepJob {
  index: number;
  scenario: Scenario;
  seconds: number;
}

parentPort?.on('message', (job: SweepJob) => {
  const report = buildReport(runRecorded(job.scenario, job.seconds));
  parentPort!.postMessage({ index: job.index, report });
});
