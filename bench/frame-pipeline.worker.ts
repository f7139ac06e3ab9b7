// Benchmark worker: the real frame pipeline (SimCore ticks, FrameBuilder renders into pooled
// buffers, frames leave by transfer and their buffers come back) for one host size. The page
// asks for frames one at a time, as the app's frame bus does, and returns each frame's buffers.
import { FrameBuilder } from '../src/worker/FrameBuilder.ts';
import { SimCore } from '../src/run/SimCore.ts';
import { benchScenario, HOST_WINDOW, GUEST_WINDOW } from './frame-pipeline.scenario.ts';

interface Setup {
  type: 'setup';
  gib: number;
  warmupSeconds: number;
}
interface Next {
  type: 'frame';
  ticks: number;
  whole: boolean;
}
interface Release {
  type: 'release';
  buffers: ArrayBuffer[];
}

let core: SimCore;
let builder: FrameBuilder;
let zooms = 0;
const post = (msg: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/** The screen-resolution windows from page `first` (another first page: a whole render). */
function setWindows(first: number): void {
  builder.setWindow('host', { ...HOST_WINDOW, firstPage: first });
  core.sim.vms.forEach((_, i) => builder.setWindow(`guest:${i}`, { ...GUEST_WINDOW, firstPage: first }));
}

self.onmessage = (e: MessageEvent<Setup | Next | Release>) => {
  const m = e.data;
  if (m.type === 'setup') {
    const t0 = performance.now();
    core = new SimCore(benchScenario(m.gib));
    builder = new FrameBuilder();
    setWindows(0);
    core.seekTick(Math.round((m.warmupSeconds * 1000) / core.scenario.tickMs));
    post({ type: 'ready', setupMs: performance.now() - t0, heapMiB: core.sim.heapBytes / 2 ** 20, frames: core.sim.hv.frames.frameCount });
  } else if (m.type === 'frame') {
    const t0 = performance.now();
    core.step(m.ticks);
    // A new window renders every cell, as the first frame of a run or of a zoom does.
    if (m.whole) setWindows(++zooms % 2);
    const t1 = performance.now();
    const { frame, transfer } = builder.build(core.sim);
    const t2 = performance.now();
    post({ type: 'frame', frame, tickMs: t1 - t0, renderMs: t2 - t1, sentAt: performance.timeOrigin + t2 }, transfer);
  } else if (m.type === 'release') builder.release(m.buffers);
};
