// The app's one zustand store, `useSimStore`, made of seven slices:
//   scenario   scenario (with its schedule), effective (the scenario as it stands now), effectiveDue, loadGeneration;
//              loadScenario(scenario, timeMs?), setParam(path, value), addVm(), removeVm(vm)
//   playback   playing, runFast, speed, timeMs, ticks, rangeMs, keyframes, seekingToMs, hash;
//              play(), pause(), togglePlay(), step(n?), stepBack(n?), seek(ms), setSpeed(x),
//              toggleRunFast(), reset()
//   selection  selectedVm, selectedPage {space:'host'|'guest', vm, page} | null; selectVm(vm), selectPage(page)
//   walk       walkTarget, walkStep, walkWhatIf (in the link), walk (the worker's answer), walkError,
//              walkPending; pickWalk(pick), setWalkStep(n), setWalkWhatIf(w), clearWalk(), refreshWalk()
//   ui         theme ('light'|'dark'|'projector'|'colorblind'), panels, zoom (per map id), embed,
//              hidden, notices, fatalError; setTheme, togglePanel(id, open?), setZoom(mapId, z),
//              setEmbed, setHidden, notify(kind, text, details?), dismissNotice(id), setFatalError
//   lesson     lesson {id, step} (in the link), lessonsOpen; setLessonsOpen, goToLessonStep(id, step), closeLesson
//   compare    compare (the second run's changes, in the link); setCompare(changes | null)
// Frame data is not here: see frameBus.ts. Actions send worker commands through commandSink.
// Components select narrowly (useShallow for tuples); side effects subscribe with selectors.
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { defaultLinkState } from '../url/defaultState.ts';
import { createCompareSlice, type CompareSlice } from './compareSlice.ts';
import { createLessonSlice, type LessonSlice } from './lessonSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createWalkSlice, type WalkSlice } from './walkSlice.ts';

export type SimStore = ScenarioSlice & PlaybackSlice & SelectionSlice & WalkSlice & UiSlice & LessonSlice & CompareSlice;

export const useSimStore = create<SimStore>()(
  subscribeWithSelector((...a) => ({
    ...createScenarioSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createWalkSlice(...a),
    ...createUiSlice(...a),
    ...createLessonSlice(...a),
    ...createCompareSlice(...a),
  })),
);

/** The store's first state: the default scenario, nothing loaded in a worker yet. */
export function initialState(): Partial<SimStore> {
  const d = defaultLinkState();
  return { scenario: d.scenario, effective: d.scenario, effectiveDue: 0 };
}

useSimStore.setState(initialState());
