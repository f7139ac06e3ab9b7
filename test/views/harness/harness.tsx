// The view harness: runs the simulation in the page (no worker), builds frames with the
// worker's FrameBuilder for the windows the views ask for, and publishes them to a local
// SimSource. Query: ?preset=name&theme=dark&warm=30 (seconds simulated before showing)
// &speed=2 &pause=1.
import { createRoot } from 'react-dom/client';
import { Simulation } from '../../../src/sim/Simulation.ts';
import { loadPreset } from '../../../src/sim/scenario/load.ts';
import { FrameBuilder } from '../../../src/worker/FrameBuilder.ts';
import { inspectPage } from '../../../src/snapshot/inspect.ts';
import { PlayArea } from '../../../src/views/PlayArea.tsx';
import { createLocalSimSource } from '../../../src/views/data/localSimSource.ts';
import { pageDetailsFromInfo } from '../../../src/views/data/pageDetails.ts';
import type { Theme } from '../../../src/views/theme/themes.ts';
import type { Scenario } from '../../../src/sim/scenario/types.ts';

const q = new URLSearchParams(location.search);
const loaded = loadPreset(q.get('preset') ?? 'balloon-by-hand');
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
let sim = new Simulation(loaded.scenario);
const builder = new FrameBuilder();
const source = createLocalSimSource(loaded.scenario, {
  onRelease: (f) =>
    builder.release(
      [f.host?.cells.buffer, ...f.guests.map((g) => g.cells.buffer)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
    ),
  inspect: (ref) =>
    pageDetailsFromInfo(
      inspectPage(sim, ref.space === 'host' ? { space: 'host', frame: ref.page } : { space: 'guest', vm: ref.vm, page: ref.page }),
    ),
});
source.setTheme((q.get('theme') ?? 'light') as Theme);
const warm = Number(q.get('warm') ?? 0);
const speed = Number(q.get('speed') ?? 1);
const restart = (s: Scenario): void => {
  sim = new Simulation(s);
  sim.run(warm);
  builder.resync(sim);
};
restart(loaded.scenario);
let lastScenario = loaded.scenario;
source.store.subscribe((st) => {
  if (st.scenario !== lastScenario) {
    lastScenario = st.scenario;
    restart(st.scenario);
  }
});
const publish = (): void => {
  for (const [id, w] of source.windows) builder.setWindow(id, w);
  const { frame } = builder.build(sim);
  source.publish(frame);
};
(window as unknown as { harness: unknown }).harness = {
  source,
  publish,
  step: (n = 1) => {
    for (let i = 0; i < n; i++) sim.step();
    publish();
  },
};
setInterval(() => {
  if (q.get('pause') !== '1') for (let i = 0; i < speed; i++) sim.step();
  publish();
}, 100);
createRoot(document.getElementById('root')!).render(<PlayArea source={source} />);
