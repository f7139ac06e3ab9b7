// A self-contained SimSource: a small zustand store holding a scenario (validated on every
// change, like the real store), playback, selection, walk and UI slices, plus an in-memory
// frame bus that anyone can `publish` frames to. Walks are answered by the `walk` option (a
// test's own model), synchronously; a thrown error becomes the walk's error, as a worker's. It stands in for src/state when the views run alone
// (component tests, the view harness) and documents exactly what the views expect.
import { createStore, type StoreApi, useStore } from 'zustand';
import type { Frame, MapWindow } from '../../snapshot/types.ts';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';
import { withVmAdded, withVmRemoved } from '../../sim/scenario/edits.ts';
import { applyChanges, type ChangeResult } from '../../sim/scenario/paramPath.ts';
import { DEFAULT_WALK_WHAT_IF, type WalkExploration, type WalkPick, type WalkWhatIf } from '../../sim/walk/index.ts';
import type { Theme } from '../theme/themes.ts';
import type { MapId, PageDetails, PageRef, PlaybackView, SelectionView, SimSource, WalkState } from './simTypes.ts';

interface LocalState {
  scenario: Scenario;
  playback: PlaybackView;
  selection: SelectionView;
  walk: WalkState;
  theme: Theme;
  hidden: readonly string[];
  panels: readonly string[];
  zoom: Partial<Record<MapId, { firstPage: number; pageCount: number } | null>>;
  problems: string[];
}

export interface LocalSimSource extends SimSource {
  publish(frame: Frame): void;
  setTheme(theme: Theme): void;
  setHidden(ids: readonly string[]): void;
  /** Map windows asked for, latest per map (tests read them). */
  readonly windows: Map<MapId, MapWindow>;
  /** Frames given back by the views. */
  readonly released: Frame[];
  readonly store: StoreApi<LocalState>;
}

export interface LocalOptions {
  inspect?: (ref: PageRef) => PageDetails | null;
  /** Answers a walk question (throws with the message a worker would give). */
  walk?: (pick: WalkPick, whatIf: WalkWhatIf) => WalkExploration;
  onRelease?: (frame: Frame) => void;
}

export function createLocalSimSource(scenario: Scenario, opts: LocalOptions = {}): LocalSimSource {
  const store = createStore<LocalState>(() => ({
    scenario,
    playback: { playing: false, speed: 1, timeMs: 0 },
    selection: { selectedVm: null, selectedPage: null },
    walk: { target: null, step: null, whatIf: DEFAULT_WALK_WHAT_IF, answer: null, error: null, pending: false },
    theme: 'light',
    hidden: [],
    panels: [],
    zoom: {},
    problems: [],
  }));
  const subscribers = new Set<(f: Frame) => void>();
  let latest: Frame | null = null;
  const windows = new Map<MapId, MapWindow>();
  const released: Frame[] = [];
  /** Takes an edit's result as the real store does: the scenario and its corrections, or the errors. */
  const take = (r: ChangeResult): void => {
    if (r.ok) store.setState({ scenario: r.scenario, problems: r.corrections });
    else store.setState({ problems: r.errors });
  };
  const setWalk = (patch: Partial<WalkState>): void => store.setState((st) => ({ walk: { ...st.walk, ...patch } }));
  const ask = (pick: WalkPick): void => {
    if (!opts.walk) return;
    try {
      const answer = opts.walk(pick, store.getState().walk.whatIf);
      setWalk({ answer, target: answer.target, error: null });
    } catch (e) {
      setWalk({ error: (e as Error).message });
    }
  };
  return {
    store,
    windows,
    released,
    useScenario: () => useStore(store, (s) => s.scenario),
    usePlayback: () => useStore(store, (s) => s.playback),
    useSelection: () => useStore(store, (s) => s.selection),
    useTheme: () => useStore(store, (s) => s.theme),
    useHidden: () => useStore(store, (s) => s.hidden),
    useOpenPanels: () => useStore(store, (s) => s.panels),
    useMapZoom: (id) => useStore(store, (s) => s.zoom[id] ?? null),
    useWalk: () => useStore(store, (s) => s.walk),
    setParam: (path: string, value: ParamValue) => take(applyChanges(store.getState().scenario, [{ path, value }])),
    togglePanel: (id, open) =>
      store.setState((st) => {
        const want = open ?? !st.panels.includes(id);
        return { panels: want ? [...new Set([...st.panels, id])] : st.panels.filter((p) => p !== id) };
      }),
    addVm: () => take(withVmAdded(store.getState().scenario)),
    removeVm: (vm) => {
      take(withVmRemoved(store.getState().scenario, vm));
      store.setState({ selection: { selectedVm: null, selectedPage: null } });
    },
    selectVm: (vm) => store.setState((st) => ({ selection: { ...st.selection, selectedVm: vm } })),
    selectPage: (ref) => store.setState((st) => ({ selection: { ...st.selection, selectedPage: ref } })),
    setMapZoom: (id, w) => store.setState((st) => ({ zoom: { ...st.zoom, [id]: w } })),
    pickWalk: (pick) => {
      setWalk({ step: null, error: null });
      ask(pick);
    },
    setWalkStep: (step) => setWalk({ step }),
    setWalkWhatIf: (whatIf) => {
      setWalk({ whatIf });
      const target = store.getState().walk.target;
      if (target) ask(target);
    },
    subscribeFrame: (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    latestFrame: () => latest,
    releaseFrame: (f) => {
      opts.onRelease?.(f);
      released.push(f);
      if (released.length > 8) released.shift();
    },
    setMapWindow: (id, w) => void (w ? windows.set(id, w) : windows.delete(id)),
    inspectPage: async (ref) => opts.inspect?.(ref) ?? null,
    canInspect: !!opts.inspect,
    publish: (f) => {
      latest = f;
      store.setState((st) => ({ playback: { ...st.playback, timeMs: f.timeMs } }));
      for (const cb of subscribers) cb(f);
    },
    setTheme: (theme) => store.setState({ theme }),
    setHidden: (hidden) => store.setState({ hidden }),
  };
}
