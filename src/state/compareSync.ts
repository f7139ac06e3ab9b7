// The second run of a side-by-side comparison, on the first run's clock. A second simulation
// client (its own worker) runs the scenario with the comparison's changes and the same schedule
// (live changes included, less those on the compared paths: comparedScenario); it never plays on its own: whenever the first run's time changes, it seeks to the
// same time (forward seeks compute on from where it is, back ones restore a keyframe), so both
// sides show the same tick. Its frames carry no maps (no windows are set), only the summary.
import type { Scenario } from '../sim/scenario/types.ts';
import { comparedScenario } from '../url/compareKeys.ts';
import { createSimClient, type SimClient } from '../worker/client.ts';
import { publishCompared } from './compareBus.ts';
import { useSimStore } from './store.ts';

export function startCompareSync(make = createSimClient): () => void {
  let client: SimClient | null = null;
  let loadedKey = '';

  const stopClient = (): void => {
    client?.terminate();
    client = null;
    loadedKey = '';
    publishCompared(null);
  };

  const startClient = (): SimClient => {
    const c = make('worker');
    c.onEvent((e) => {
      if (e.type === 'frame') {
        publishCompared({ ticks: e.frame.ticks, timeMs: e.frame.timeMs, summary: e.frame.summary, events: e.frame.events });
        c.send({ type: 'next' });
      }
    });
    return c;
  };

  const sync = (): void => {
    const s = useSimStore.getState();
    if (!s.compare) return stopClient();
    const second: Scenario | null = comparedScenario(s.scenario, s.compare);
    if (!second) return stopClient();
    const key = JSON.stringify(second);
    client ??= startClient();
    if (key !== loadedKey) {
      loadedKey = key;
      client.send({ type: 'load', scenario: second, timeMs: s.timeMs });
    } else client.send({ type: 'seek', timeMs: s.timeMs });
  };

  const unsubscribe = useSimStore.subscribe((s) => [s.compare, s.scenario, s.timeMs] as const, sync, {
    equalityFn: (a, b) => a.every((x, i) => x === b[i]),
  });
  sync();
  return () => {
    unsubscribe();
    stopClient();
  };
}
