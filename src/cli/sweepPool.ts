// Runs a sweep's scenarios in parallel worker threads (node:worker_threads), `jobs` at a time,
// each worker taking the next run when it finishes one, and reports progress on stderr: a bar
// redrawn in place when stderr is a terminal, else one line at the end (clean CI logs). Under
// tsx (npm run -s sim) a worker cannot load a .ts entry by itself, so it is started by a small
// bootstrap that registers tsx's loader first; a bundled CLI starts its .mjs entry directly.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunReport } from '../sim/report.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import type { SweepJob } from './sweepWorker.ts';

export const defaultJobs = (): number => availableParallelism();

function startWorker(): Worker {
  const here = import.meta.url;
  const entry = new URL(here.endsWith('.ts') ? './sweepWorker.ts' : './sweepWorker.mjs', here).href;
  if (!here.endsWith('.ts')) return new Worker(new URL(entry));
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

function progress(done: number, total: number, startMs: number): void {
  if (!process.stderr.isTTY) {
    if (done === total) process.stderr.write(`sim: sweep: ${total} runs in ${((performance.now() - startMs) / 1000).toFixed(1)} s\n`);
    return;
  }
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs${done === total ? '\n' : ''}`);
}

/** The reports of the runs, in the order of `scenarios`. */
export function runPool(scenarios: readonly Scenario[], seconds: number, jobs: number): Promise<RunReport[]> {
  const reports: RunReport[] = new Array(scenarios.length);
  const startMs = performance.now();
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: Math.min(jobs, scenarios.length) }, startWorker);
    const give = (w: Worker): void => {
      if (next >= scenarios.length) return void w.terminate();
      const job: SweepJob = { index: next, scenario: scenarios[next], seconds };
      next++;
      w.postMessage(job);
    };
    for (const w of workers) {
      w.on('message', (m: { index: number; report: RunReport }) => {
        reports[m.index] = m.report;
        progress(++done, scenarios.length, startMs);
        if (done === scenarios.length) resolve(reports);
        give(w);
      });
      w.on('error', (e) => {
        workers.forEach((x) => void x.terminate());
        reject(e);
      });
      give(w);
    }
    if (scenarios.length === 0) resolve(reports);
  });
}
