// Runs a sweep's scenarios in parallel worker threads (node:worker_threads), `jobs` at a time,
// each worker taking the next run when it finishes one, and reports progress on stderr: a bar
// redrawn in place when stderr is a terminal, else one line at the end (clean CI logs). Under
// tsx (npm run -s sim) a worker cannot load a .ts entry by itself (Node 20), and a worker that
// registered tsx's loader would spend about a second compiling the model before its first run,
// so the worker entry is bundled once with esbuild into the temporary directory and every
// worker starts from that bundle; a bundled CLI starts its own .mjs entry directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunReport } from '../sim/report.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import type { SweepJob } from './sweepWorker.ts';

export const defaultJobs = (): number => availableParallelism();

let bundled: Promise<string> | null = null;

/** The worker entry a Worker can start: the bundle of sweepWorker.ts, made once per process. */
function workerEntry(): Promise<string> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(fileURLToPath(new URL('./sweepWorker.mjs', here)));
  bundled ??= import('esbuild').then((esbuild) => {
    const dir = mkdtempSync(join(tmpdir(), 'balloon-lab-sweep-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'sweepWorker.mjs');
    esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL('./sweepWorker.ts', here))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  });
  return bundled;
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
export async function runPool(scenarios: readonly Scenario[], seconds: number, jobs: number): Promise<RunReport[]> {
  const reports: RunReport[] = new Array(scenarios.length);
  const startMs = performance.now();
  const entry = await workerEntry();
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: Math.min(jobs, scenarios.length) }, () => new Worker(entry));
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
