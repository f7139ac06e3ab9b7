// CLI benchmark (npx tsx bench/cli-timeline.mts): what --series --every 1s adds to a run's wall
// time (in-process, the same run with and without the series recorder, interleaved, best of 8), and a
// 16-run sweep of 300 s runs with --jobs 1 and --jobs 2 (the CLI as a user runs it, startup
// included), next to what the machine gives two threads at the time (two CPU loops at once
// against one, and two simulations at once in two workers against one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPreset } from '../src/sim/scenario/load.ts';
import { runRecorded } from '../src/cli/recordedRun.ts';
import { SeriesRecorder } from '../src/cli/series.ts';
import { runPool } from '../src/cli/sweepPool.ts';

const dir = mkdtempSync(join(tmpdir(), 'bl-bench-'));
const loaded = loadPreset('slow-swap');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const SECONDS = 600;
/** Simulated seconds of each sweep run: long enough that the runs, not the CLI's start-up
 * (about 1.5 s under tsx), take most of the sweep's time. */
const SWEEP_SECONDS = 300;
// Interleaved, best of 8 each: the machine is shared, so the two are timed under the same load.
const timed = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
let plain = Infinity;
let series = Infinity;
const runPlain = (): void =>
  void (plain = Math.min(
    plain,
    timed(() => runRecorded(loaded.scenario, SECONDS)),
  ));
const runSeries = (): void =>
  void (series = Math.min(
    series,
    timed(() => runRecorded(loaded.scenario, SECONDS, [new SeriesRecorder(join(dir, 's.csv'), 1000)])),
  ));
// Each goes first half the time (the run after another pays for collecting the one before).
for (let i = 0; i < 8; i++) (i % 2 === 0 ? [runPlain, runSeries] : [runSeries, runPlain]).forEach((f) => f());
console.log(
  `series: ${SECONDS} simulated s of slow-swap: ${plain.toFixed(0)} ms plain, ${series.toFixed(0)} ms with --series --every 1s (+${((series / plain - 1) * 100).toFixed(1)}%)`,
);

const sweep = (jobs: number): number => {
  const t = performance.now();
  const r = spawnSync(
    'npx',
    [
      'tsx',
      'src/cli/sim.ts',
      '--scenario',
      'balloon-by-hand',
      '--seconds',
      String(SWEEP_SECONDS),
      '--sweep',
      'seed=1,2,3,4',
      '--sweep',
      'policy.kind=esx,kvm-mom,xen,hyperv',
      '--jobs',
      String(jobs),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t;
};
const spin = (): Promise<number> =>
  new Promise((resolve) => {
    const child = spawnSync(
      'node',
      ['-e', 'let x=0;const t=performance.now();for(let i=0;i<3e8;i++)x+=i%7;console.log(performance.now()-t)'],
      { encoding: 'utf8' },
    );
    resolve(Number(child.stdout));
  });
const alone = await spin();
const pair = performance.now();
const { spawn } = await import('node:child_process');
await Promise.all(
  [0, 1].map(() => new Promise((resolve) => spawn('node', ['-e', 'let x=0;for(let i=0;i<3e8;i++)x+=i%7']).on('exit', resolve))),
);
console.log(
  `machine: one CPU loop ${alone.toFixed(0)} ms, two at once ${(performance.now() - pair).toFixed(0)} ms (2 free cores: about the same)`,
);
// What two simulations at once get from this machine: the model is memory-bound, so two runs
// share the caches and memory bandwidth even when two cores are free. One run in one worker
// against the same run twice in two workers (in-process: no start-up in the figure).
const handBallooned = loadPreset('balloon-by-hand');
if (!handBallooned.ok) throw new Error(handBallooned.errors.join('\n'));
const pooled = async (n: number): Promise<number> => {
  const t = performance.now();
  await runPool(
    Array.from({ length: n }, () => handBallooned.scenario),
    SWEEP_SECONDS * 4,
    n,
  );
  return performance.now() - t;
};
await pooled(1);
const soloMs = await pooled(1);
const pairMs = await pooled(2);
console.log(
  `machine: one ${SWEEP_SECONDS * 4} s run of balloon-by-hand in a worker ${soloMs.toFixed(0)} ms, two at once in two workers ${pairMs.toFixed(0)} ms (${(pairMs / soloMs).toFixed(2)}x; the best a 2-job sweep can do is about ${(pairMs / soloMs / 2).toFixed(2)}x of 1 job)`,
);
const one = sweep(1);
const two = sweep(2);
console.log(
  `sweep: 16 runs of ${SWEEP_SECONDS} s: ${(one / 1000).toFixed(2)} s with --jobs 1, ${(two / 1000).toFixed(2)} s with --jobs 2 (${(two / one).toFixed(2)}x)`,
);
