// Benchmark page: drives the benchmark worker for each host size and each mode, one frame in
// flight at a time, returning every frame's buffers by transfer, and publishes the figures on
// window.__frameBench for the runner (bench/frame-pipeline.ts).
import type { Frame } from '../src/snapshot/types.ts';
export interface ModeResult {
  mode: string;
  frames: number;
  /** Wall time per frame on the page: request to frame received, buffers returned, ms. */
  /** Fastest frame: the cost without preemption by other processes. */
  min: number;
  p50: number;
  p95: number;
  /** Mean wall time per frame: the worker's cost averaged over the ticks and frames. */
  mean: number;
  tickMs: number;
  renderMs: number;
  /** 95th percentile of the render alone (in the worker, no tick). */
  renderP95: number;
  transferMs: number;
}
/** What the benchmark worker posts (bench/frame-pipeline.worker.ts): 'ready', then one per frame. */
interface BenchReply {
  setupMs: number;
  heapMiB: number;
  frames: number;
  frame: Frame;
  tickMs: number;
  renderMs: number;
  sentAt: number;
}
export interface SizeResult {
  gib: number;
  frames: number;
  heapMiB: number;
  setupMs: number;
  modes: ModeResult[];
}

const MODES = [
  { mode: 'playing 1x (1 tick / 6 frames)', every: 6, whole: false },
  { mode: 'a tick every frame (6x)', every: 1, whole: false },
  { mode: 'whole render (new run or zoom), no tick', every: 0, whole: true },
];
const FRAMES = 90;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

async function benchSize(gib: number): Promise<SizeResult> {
  const worker = new Worker(new URL('./frame-pipeline.worker.ts', import.meta.url), { type: 'module' });
  const next = () => new Promise<BenchReply>((resolve) => (worker.onmessage = (e) => resolve(e.data)));
  worker.postMessage({ type: 'setup', gib, warmupSeconds: 20 });
  const ready = await next();
  const modes: ModeResult[] = [];
  for (const m of MODES) {
    const wall: number[] = [];
    const ticks: number[] = [];
    const renders: number[] = [];
    const transfers: number[] = [];
    for (let i = 0; i < FRAMES + 5; i++) {
      const t0 = performance.now();
      worker.postMessage({ type: 'frame', ticks: m.every > 0 && i % m.every === 0 ? 1 : 0, whole: m.whole });
      const f = await next();
      const received = performance.timeOrigin + performance.now();
      const buffers = [...(f.frame.host ? [f.frame.host.cells.buffer] : []), ...f.frame.guests.map((g) => g.cells.buffer)];
      worker.postMessage({ type: 'release', buffers }, buffers);
      if (i < 5) continue;
      wall.push(performance.now() - t0);
      ticks.push(f.tickMs);
      renders.push(f.renderMs);
      transfers.push(received - f.sentAt);
    }
    modes.push({
      mode: m.mode,
      frames: FRAMES,
      min: Math.min(...wall),
      p50: pct(wall, 0.5),
      p95: pct(wall, 0.95),
      mean: mean(wall),
      tickMs: mean(ticks),
      renderMs: mean(renders),
      renderP95: pct(renders, 0.95),
      transferMs: mean(transfers),
    });
  }
  worker.terminate();
  return { gib, frames: ready.frames, heapMiB: ready.heapMiB, setupMs: ready.setupMs, modes };
}

async function main(): Promise<void> {
  const sizes = new URLSearchParams(location.search).get('gib')?.split(',').map(Number) ?? [1, 4, 16];
  const results: SizeResult[] = [];
  for (const gib of sizes) results.push(await benchSize(gib));
  (window as unknown as { __frameBench: SizeResult[] }).__frameBench = results;
}

main().catch((e) => ((window as unknown as { __frameBenchError: string }).__frameBenchError = String(e?.stack ?? e)));
