// The ONE place where the views touch the app's store (src/state/store.ts, useSimStore) and
// frame bus (src/state/frameBus.ts). Everything else in src/views codes against SimSource
// (simTypes.ts). The sliders show the store's `effective` scenario (the run's scenario with
// the live changes applied). The page walk is the store's walk slice (which asks the worker).
// Page inspection goes through the worker's request/reply channel,
// which the app shell plugs in with setPageInspector once it has started the controller.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../state/store.ts';
import { latestFrame, releaseFrame, setMapWindow, subscribeFrame } from '../../state/frameBus.ts';
import type { SelectedPage } from '../../url/linkTypes.ts';
import type { PageInfo, InspectTarget } from '../../snapshot/inspect.ts';
import { pageDetailsFromInfo } from './pageDetails.ts';
import type { PageRef, SimSource } from './simTypes.ts';

type Inspector = (target: InspectTarget) => Promise<PageInfo>;
let inspector: Inspector | null = null;

/** Plugs in page inspection (the shell: `setPageInspector((t) => controller.requests.inspect(t))`). */
export function setPageInspector(fn: Inspector | null): void {
  inspector = fn;
}

const toStore = (ref: PageRef | null): SelectedPage | null =>
  !ref ? null : ref.space === 'host' ? { space: 'host', vm: null, page: ref.page } : { space: 'guest', vm: ref.vm, page: ref.page };

const fromStore = (p: SelectedPage | null): PageRef | null =>
  !p ? null : p.space === 'host' ? { space: 'host', vm: -1, page: p.page } : { space: 'guest', vm: p.vm, page: p.page };

const EMPTY: readonly string[] = [];

export function createAppSimSource(): SimSource {
  const get = useSimStore.getState;
  return {
    useScenario: () => useSimStore((s) => s.effective),
    usePlayback: () => useSimStore(useShallow((s) => ({ playing: s.playing, speed: s.speed, timeMs: s.timeMs }))),
    useSelection: () => {
      const selectedVm = useSimStore((s) => s.selectedVm);
      const selectedPage = useSimStore(useShallow((s) => fromStore(s.selectedPage)));
      return { selectedVm, selectedPage };
    },
    useTheme: () => useSimStore((s) => s.theme),
    useHidden: () => useSimStore((s) => s.hidden ?? EMPTY),
    useOpenPanels: () => useSimStore((s) => s.panels),
    useMapZoom: (id) => useSimStore((s) => s.zoom[id] ?? null),
    useWalk: () =>
      useSimStore(
        useShallow((s) => ({
          target: s.walkTarget,
          step: s.walkStep,
          whatIf: s.walkWhatIf,
          answer: s.walk,
          error: s.walkError,
          pending: s.walkPending,
        })),
      ),
    setParam: (path, value) => get().setParam(path, value),
    togglePanel: (id, open) => get().togglePanel(id, open),
    addVm: () => get().addVm(),
    removeVm: (vm) => get().removeVm(vm),
    selectVm: (vm) => get().selectVm(vm),
    selectPage: (ref) => get().selectPage(toStore(ref)),
    setMapZoom: (id, w) => get().setZoom(id, w),
    pickWalk: (pick) => get().pickWalk(pick),
    setWalkStep: (step) => get().setWalkStep(step),
    setWalkWhatIf: (whatIf) => get().setWalkWhatIf(whatIf),
    subscribeFrame,
    latestFrame,
    releaseFrame,
    setMapWindow: (id, w) => setMapWindow(id, w),
    inspectPage: async (ref) => {
      if (!inspector) return null;
      const target: InspectTarget =
        ref.space === 'host' ? { space: 'host', frame: ref.page } : { space: 'guest', vm: ref.vm, page: ref.page };
      try {
        return pageDetailsFromInfo(await inspector(target));
      } catch {
        return null;
      }
    },
    get canInspect() {
      return inspector !== null;
    },
  };
}

let app: SimSource | null = null;

/** The app-wide SimSource, created on first use. */
export function appSimSource(): SimSource {
  app ??= createAppSimSource();
  return app;
}
