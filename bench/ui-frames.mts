// `npm run bench:ui`: the real app on screen, in Chromium. Builds the app, serves dist/ with
// Vite's preview() in-process, opens a link (made with the app's own encoder) for 8 VMs on a
// 16 GiB host, plays at 1x and measures
//   0. link open to first frame: from the navigation's start to the first animation frame with
//      the host map painted: the first page of a new browser process, an empty cache in a
//      running browser, and with the browser's cache warm;
//   1. frame times: requestAnimationFrame timestamps collected in the page over 10 s of playing;
//   2. slider latency: from a real key event on a slider (its event.timeStamp) to the first
//      painted frame that reflects the change, 10 times each for a VM's working set and the
//      memory-pressure slider (it rescales every VM's working set, footprint and file data);
//      both are live parameters: the worker applies them from the current tick;
//   3. the page walk, paused: from a real click (its event.timeStamp) to the first animation frame
//      that shows the new diagram, 10 clicks on a guest map (EPT-only walks) and 10 on the region
//      buttons (two-dimensional walks with every toggle's count), and the worker's walk: from the
//      request posted to its reply (an upper bound of the compute, which runs in the worker);
//      and the compute alone in Node (exploreWalk on the same scenario at the same time).
// How "painted" and "reflects" are decided: see docs/performance.md, "Screen (issue 5)".
//   npm run -s bench:ui [-- seconds]
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { validateScenario } from '../src/sim/scenario/validate.ts';
import { DEFAULT_VIEW, encodeLink } from '../src/url/index.ts';
import { openBrowser, settledBox, startServer } from '../test/e2e/browser.ts';
import { Simulation } from '../src/sim/Simulation.ts';
import { DEFAULT_WALK_WHAT_IF, exploreWalk, resolvePick } from '../src/sim/walk/index.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const REPEATS = 10;
const LINK_OPENS = 5;
const COLD_OPENS = 5;

/** 8 VMs of 2 GiB on a 16 GiB host: busy, file-cache and idle workloads, two balloons set. */
function scenario() {
  const kinds = ['steady', 'filecache', 'steady', 'idle', 'steady', 'phased', 'steady', 'idle'];
  const vms = kinds.map((kind, i) => ({
    name: `vm${i + 1}`,
    memoryMiB: 2048,
    workload: { kind, activeMiB: kind === 'idle' ? 64 : 512, footprintMiB: 1280, fileMiB: 1024, accessesPerSec: 5000 },
    balloon: { targetMiB: i === 3 || i === 7 ? 1024 : 0 },
  }));
  const r = validateScenario(
    { format: 1, name: 'bench-8vm', seed: 5, host: { memoryMiB: 16384, swapMiB: 8192 }, policy: { kind: 'manual' }, vms },
    'strict',
  );
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

// Page instrumentation, installed before the app loads. It only observes: the worker's `frame`
// and `history` messages as they arrive (a listener added ahead of the app's), one
// requestAnimationFrame loop recording each frame's timestamp, the frames and history messages
// arrived so far and the tick the host map last painted (its canvas's data-tick), and the
// timeStamp of each key event.
const INSTRUMENT = `(() => {
  const b = window.__bench = { frames: [], history: [], raf: [], keys: [], clicks: [], walks: [], drawn: [], recording: false, firstFrameMs: null };
  const sent = new Map();
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(u, o) {
      super(u, o);
      if (b.workerMs === undefined) b.workerMs = performance.now();
      this.addEventListener('message', (e) => {
        const d = e.data, t = performance.now();
        if (d && d.type === 'frame') b.frames.push({ t, ticks: d.frame.ticks });
        else if (d && d.type === 'history') b.history.push({ t, atTick: d.history.atTick, inputs: d.history.scenario.schedule.length });
        else if (d && d.type === 'reply' && sent.has(d.id)) b.walks.push(t - sent.get(d.id));
      });
    }
    postMessage(m, x) {
      if (m && m.type === 'walk') sent.set(m.id, performance.now());
      return super.postMessage(m, x);
    }
  };
  document.addEventListener('keydown', (e) => b.keys.push(e.timeStamp), true);
  document.addEventListener('click', (e) => b.clicks.push(e.timeStamp), true);
  let heading = '';
  const loop = (ts) => {
    if (b.firstFrameMs === null) {
      const c = document.querySelector('.memory-map-host canvas');
      if (c && c.dataset.tick !== undefined) b.firstFrameMs = performance.now();
    }
    const h = document.querySelector('.walk-section[data-walk-state="ready"] .page-walk-heading');
    if (h && h.textContent !== heading) { heading = h.textContent; b.drawn.push({ ts, heading }); }
    if (b.recording) {
      const c = document.querySelector('.memory-map-host canvas');
      b.raf.push({ ts, at: performance.now(), frames: b.frames.length, history: b.history.length, tick: c && c.dataset.tick !== undefined ? Number(c.dataset.tick) : -1 });
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();`;

interface Rec {
  ts: number;
  at: number;
  frames: number;
  history: number;
  tick: number;
}
interface Msg {
  t: number;
  ticks?: number;
  atTick?: number;
  inputs?: number;
}
interface BenchState {
  frames: Msg[];
  history: Msg[];
  raf: Rec[];
  keys: number[];
}

const state = (page: Page): Promise<BenchState> =>
  page.evaluate(() => {
    const b = (window as unknown as { __bench: BenchState }).__bench;
    return { frames: b.frames, history: b.history, raf: b.raf, keys: b.keys };
  });
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const median = (xs: number[]): number => pct(xs, 50);
const f1 = (x: number): string => x.toFixed(1);

interface Latency {
  toWorker: number;
  firstFrame: number;
  firstFrameTick: number;
  simulated: number | null;
}

/** One slider change: press `key` on the focused slider, wait, and read when it reached the screen. */
async function change(page: Page, key: string): Promise<Latency> {
  const before = await state(page);
  await page.keyboard.press(key);
  await page.waitForTimeout(1200);
  const s = await state(page);
  const t0 = s.keys[before.keys.length];
  // The worker's record of the change: its first history message after the key.
  const h = s.history.slice(before.history.length).find((m) => m.t > t0);
  if (!h) throw new Error('the worker never acknowledged the change');
  // The first frame built after the worker applied it.
  const k = s.frames.findIndex((m) => m.t > h.t);
  if (k < 0) throw new Error('no frame after the change');
  // Drawn in the first animation frame whose callbacks ran after it arrived (the app draws the
  // latest frame that arrived, on the animation frame after its arrival); on screen by the next.
  const j = s.raf.findIndex((r) => r.frames > k);
  if (j < 0 || j + 1 >= s.raf.length) throw new Error('frame never drawn');
  const drawnTick = s.raf[j + 1].tick;
  const expected = s.frames[s.raf[j].frames - 1].ticks!;
  if (drawnTick !== expected) throw new Error(`painted tick ${drawnTick}, expected ${expected}`);
  // A live change, applied at tick atTick: the first painted frame from a tick computed with it.
  const m = s.raf.findIndex((r, i) => i > 0 && r.at > t0 && r.tick > h.atTick!);
  return { toWorker: h.t - t0, firstFrame: s.raf[j + 1].ts - t0, firstFrameTick: drawnTick, simulated: m > 0 ? s.raf[m].ts - t0 : null };
}

interface LinkOpen {
  firstFrameMs: number;
  /** DOM content loaded, worker created, first frame message arrived; ms from navigation start. */
  phases: number[];
}

/** Opens the link in `page` (instrumented) and waits for the host map's first painted tick. */
async function openLink(page: Page, link: string, url: string): Promise<LinkOpen> {
  await page.goto(`${url}#${link}`);
  await page.waitForFunction(
    () => (window as unknown as { __bench: { firstFrameMs: number | null } }).__bench.firstFrameMs !== null,
    null,
    {
      timeout: 60000,
    },
  );
  return {
    firstFrameMs: (await page.evaluate('__bench.firstFrameMs')) as number,
    phases: (await page.evaluate(
      '[performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd, __bench.workerMs, __bench.frames[0] ? __bench.frames[0].t : NaN]',
    )) as number[],
  };
}

const scen = scenario();
const link = encodeLink({ scenario: scen, timeMs: 0, view: { ...DEFAULT_VIEW, zoom: {}, panels: ['settings', 'walk'], hidden: [] } });
const { server, url } = await startServer();
const b = await openBrowser({ width: 1280, height: 800 });
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
try {
  await b.page.addInitScript(INSTRUMENT);
  // 0. Link open to first frame: from the navigation's start (performance.now()'s origin) to the
  // first animation frame in which the host map has painted a tick. Three cases: the first page
  // of a new browser process; an empty cache in a browser that is already running (a fresh
  // profile that has shown one other page first), COLD_OPENS times; and LINK_OPENS warm opens
  // from about:blank in one browser.
  const processFirst = await openLink(b.page, link, url);
  await b.page.goto('about:blank'); // nothing else runs while the fresh browsers measure
  const coldCache: LinkOpen[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const fresh = await openBrowser({ width: 1280, height: 800 });
    await fresh.page.addInitScript(INSTRUMENT);
    await fresh.page.goto('data:text/html,<p>another page</p>');
    await fresh.page.waitForTimeout(1000); // the browser has been open a while: its start-up is over
    coldCache.push(await openLink(fresh.page, link, url));
    await fresh.close();
  }
  const warm: LinkOpen[] = [];
  for (let i = 0; i < LINK_OPENS; i++) {
    await b.page.goto('about:blank');
    warm.push(await openLink(b.page, link, url));
  }
  const phases = (o: LinkOpen): string => o.phases.map(f1).join(' / ');
  console.log(`\n## Link open to first frame (${scen.vms.length} VMs, ${scen.host.memoryMiB / 1024} GiB host; ms)\n`);
  console.log(
    `phases (DOM content loaded / worker created / first frame message), ms: new process ${phases(processFirst)}; cold cache ${coldCache.map(phases).join('; ')}; warm ${warm.map(phases).join('; ')}`,
  );
  const ms = (os: LinkOpen[]): number[] => os.map((o) => o.firstFrameMs);
  console.log(
    `new browser process, first page: ${f1(processFirst.firstFrameMs)}; empty cache, running browser (${COLD_OPENS} opens): ${f1(median(ms(coldCache)))} median, ${f1(Math.max(...ms(coldCache)))} max; warm cache (${LINK_OPENS} opens): ${f1(median(ms(warm)))} median, ${f1(Math.max(...ms(warm)))} max`,
  );
  await b.page.getByRole('button', { name: 'Play / pause' }).click();
  await b.page.waitForTimeout(3000); // warm-up: the worker's first ticks, the charts filling

  // 1. Frame times while playing.
  await b.page.evaluate(() => {
    const bench = (window as unknown as { __bench: { raf: number[]; recording: boolean } }).__bench;
    bench.raf = [];
    bench.recording = true;
  });
  await b.page.waitForTimeout(SECONDS * 1000);
  const played = await state(b.page);
  const recs = played.raf;
  const dts = recs.slice(1).map((r, i) => r.ts - recs[i].ts);
  const span = (recs.at(-1)!.ts - recs[0].ts) / 1000;
  const painted = recs.slice(1).filter((r, i) => r.tick !== recs[i].tick).length;
  const framesIn = played.frames.filter((m) => m.t >= recs[0].at && m.t <= recs.at(-1)!.at).length;
  const simTicks = recs.at(-1)!.tick - recs[0].tick;
  console.log(`\n## Frame times while playing at 1x (${f1(span)} s, ${dts.length} animation frames)\n`);
  console.log(
    '| p50 | p95 | p99 | max | frames > 16.7 ms | frames > 25 ms (a vsync missed) | sim frames received/s | host map repaints with a new tick/s | ticks/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${f1(pct(dts, 50))} ms | ${f1(pct(dts, 95))} ms | ${f1(pct(dts, 99))} ms | ${f1(Math.max(...dts))} ms | ${dts.filter((d) => d > 16.7).length} | ${dts.filter((d) => d > 25).length} | ${f1(framesIn / span)} | ${f1(painted / span)} | ${f1(simTicks / span)} |`,
  );

  // 2. Slider latency (recording stays on).
  const rows: [string, Latency[]][] = [];
  const ws = b.page.getByRole('slider', { name: 'vm1 working set' });
  await ws.focus();
  const live: Latency[] = [];
  for (let i = 0; i < REPEATS; i++) live.push(await change(b.page, i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight'));
  rows.push(['vm1 working set (live change)', live]);
  const pressure = b.page.getByRole('slider', { name: 'Memory pressure' });
  await pressure.focus();
  const squeeze: Latency[] = [];
  for (let i = 0; i < REPEATS; i++) squeeze.push(await change(b.page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'));
  rows.push(['Memory pressure (live change)', squeeze]);
  console.log(`\n## Slider to screen (${REPEATS} changes each; ms from the key event, median / max)\n`);
  console.log('| slider | worker has it | first frame after it on screen | first frame computed with it on screen |');
  console.log('|---|---|---|---|');
  for (const [name, ls] of rows) {
    const col = (xs: number[]): string => `${f1(median(xs))} / ${f1(Math.max(...xs))}`;
    const sim = ls.map((l) => l.simulated).filter((x): x is number => x !== null);
    console.log(
      `| ${name} | ${col(ls.map((l) => l.toWorker))} | ${col(ls.map((l) => l.firstFrame))} | ${sim.length ? col(sim) : '(none within the wait)'} |`,
    );
  }
  console.log(
    `\nraw (ms, worker / first frame / computed): ${rows.map(([n, ls]) => `${n}: ${ls.map((l) => `${f1(l.toWorker)}/${f1(l.firstFrame)}/${l.simulated === null ? '-' : f1(l.simulated)}`).join(' ')}`).join('; ')}`,
  );

  // 3. The page walk, paused.
  await b.page.getByRole('button', { name: 'Play / pause' }).click();
  await b.page.waitForTimeout(1000);
  const walk = b.page.getByRole('region', { name: /^Page walk: from a guest address/ });
  // The first guest map, scrolled into view and settled, is clicked at page coordinates (a
  // locator click is refused while the cards' layout still moves).
  await b.page.locator('figure.memory-map-guest .map-stage').first().scrollIntoViewIfNeeded();
  const box = await settledBox(b.page, 'figure.memory-map-guest .map-stage');
  const walkRows: [string, number[], number[]][] = [];
  for (const [name, click] of [
    [
      "click on vm1's guest map (EPT-only walk)",
      (i: number) =>
        b.page.mouse.click(box.x + 55 + ((i + 1) * (box.width - 60)) / (REPEATS + 1), box.y + Math.min(box.height - 5, 10 + i * 7)),
    ],
    [
      'region button (two-dimensional walk, all counts)',
      (i: number) => walk.getByRole('button', { name: i % 2 === 0 ? 'End of its mapping' : 'Start of its mapping' }).click(),
    ],
  ] as const) {
    const toDrawn: number[] = [];
    const before = (await b.page.evaluate('__bench.walks.length')) as number;
    for (let i = 0; i < REPEATS; i++) {
      const n = (await b.page.evaluate('[__bench.clicks.length, __bench.drawn.length]')) as [number, number];
      await click(i);
      await b.page.waitForFunction((seen) => (window as unknown as { __bench: { drawn: unknown[] } }).__bench.drawn.length > seen, n[1], {
        timeout: 10000,
      });
      const [t0, drawn] = (await b.page.evaluate(`[__bench.clicks[${n[0]}], __bench.drawn.at(-1).ts]`)) as [number, number];
      toDrawn.push(drawn - t0);
    }
    walkRows.push([name, toDrawn, ((await b.page.evaluate('__bench.walks')) as number[]).slice(before)]);
  }
  // The same walks' compute alone, in Node: the scenario run to the time the page shows.
  const shownMs = Number(await b.page.evaluate('Number(document.querySelector(".memory-map-host canvas").dataset.tick)')) * scen.tickMs;
  const sim = new Simulation(scen);
  sim.run(shownMs / 1000);
  const computeMs: number[] = [];
  for (let i = 0; i < 3 * REPEATS; i++) {
    const t0 = performance.now();
    exploreWalk(
      sim,
      resolvePick(sim, { space: 'region', vm: 0, pid: 1, region: i % 2 === 0 ? 'mapping-end' : 'mapping-start' }),
      DEFAULT_WALK_WHAT_IF,
    );
    computeMs.push(performance.now() - t0);
  }
  console.log(`\n## Page walk (paused at ${f1(shownMs / 1000)} s; ${REPEATS} clicks each; ms, median / max)\n`);
  console.log('| pick | click to diagram drawn | worker request to reply |');
  console.log('|---|---|---|');
  const mm = (xs: number[]): string => `${f1(median(xs))} / ${f1(Math.max(...xs))}`;
  for (const [name, drawn, worker] of walkRows) console.log(`| ${name} | ${mm(drawn)} | ${mm(worker)} |`);
  console.log(
    `\nexploreWalk compute alone in Node (two-dimensional walk with every toggle's count, ${computeMs.length} runs): ${mm(computeMs.slice(REPEATS))} (first ${f1(computeMs[0])})`,
  );
  if (b.errors.length) console.log(`page errors: ${b.errors.join('; ')}`);
} finally {
  await b.close();
  await server.close();
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
}
