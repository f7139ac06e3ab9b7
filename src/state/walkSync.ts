// Keeps the walk on screen true to the model: when the model moves (a tick, a step back, a seek
// that has arrived, a restart or a live change), the walk slice asks the worker again for the
// same target. Not while a seek or a fast run is computing: the walk would show a state the
// screen does not.
import { shallow } from 'zustand/shallow';
import { useSimStore } from './store.ts';

export function startWalkSync(): () => void {
  return useSimStore.subscribe(
    (s) => [s.ticks, s.seekingToMs, s.runFast, s.scenario] as const,
    ([, seekingToMs, runFast]) => {
      if (seekingToMs === null && !runFast) useSimStore.getState().refreshWalk();
    },
    { equalityFn: shallow },
  );
}
