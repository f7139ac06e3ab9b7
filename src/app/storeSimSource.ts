// The views' SimSource (src/views/data/simTypes.ts) bound to the app: the store's slices, the
// frame bus, and page inspection through the worker. The one adapter between the two APIs.
import { useShallow } from 'zustand/react/shallow';
import { latestFrame, releaseFrame, setMapWindow, subscribeFrame } from '../state/frameBus.ts';
import { useSimStore } from '../state/store.ts';
import type { SelectedPage } from '../url/linkTypes.ts';
import type { MapId, PageDetails, PageRef, SimSource } from '../views/data/simTypes.ts';
import type { PageInfo } from '../worker/inspect.ts';
import { controller } from './runtime.ts';

const toRef = (p: SelectedPage | null): PageRef | null => (p ? { space: p.space, vm: p.vm ?? -1, page: p.page } : null);
const fromRef = (r: PageRef | null): SelectedPage | null =>
  r === null ? null : r.space === 'host' ? { space: 'host', vm: null, page: r.page } : { space: 'guest', vm: r.vm, page: r.page };

function details(ref: PageRef, info: PageInfo): PageDetails {
  if (info.space === 'host') {
    const counterpart = info.vm !== null && info.guestPage !== null ? { space: 'guest' as const, vm: info.vm, page: info.guestPage } : null;
    const owner = info.vmName ? ` of ${info.vmName}${info.guestPage !== null ? `, guest page ${info.guestPage}` : ''}` : '';
    return { ref, counterpart, text: `Host frame ${info.frame}: ${info.use}${owner}${info.mappings > 1 ? `, shared by ${info.mappings} guest pages` : ''}` };
  }
  const counterpart = info.hostFrame ? { space: 'host' as const, vm: info.vm, page: info.hostFrame.frame } : null;
  const flags = info.flags.length > 0 ? ` (${info.flags.join(', ')})` : '';
  const backing = info.hostFrame ? `backed by host frame ${info.hostFrame.frame}` : `EPT: ${info.ept.state}`;
  return { ref, counterpart, text: `Guest page ${info.page} of ${info.vmName}: ${info.use}${flags}, ${backing}` };
}

export const storeSimSource: SimSource = {
  useScenario: () => useSimStore((s) => s.effective),
  usePlayback: () => useSimStore(useShallow((s) => ({ playing: s.playing, speed: s.speed, timeMs: s.timeMs }))),
  useSelection: () => {
    const [selectedVm, selectedPage] = useSimStore(useShallow((s) => [s.selectedVm, s.selectedPage]));
    const page = selectedPage ? toRef(selectedPage) : null;
    return useShallowMemo(selectedVm, page);
  },
  useTheme: () => useSimStore((s) => s.theme),
  useHidden: () => useSimStore((s) => s.hidden),
  useMapZoom: (mapId: MapId) => useSimStore((s) => s.zoom[mapId] ?? null),
  setParam: (path, value) => useSimStore.getState().setParam(path, value),
  addVm: () => useSimStore.getState().addVm(),
  removeVm: (vm) => useSimStore.getState().removeVm(vm),
  selectVm: (vm) => useSimStore.getState().selectVm(vm),
  selectPage: (ref) => useSimStore.getState().selectPage(fromRef(ref)),
  setMapZoom: (mapId, window) => useSimStore.getState().setZoom(mapId, window),
  subscribeFrame,
  latestFrame,
  releaseFrame,
  setMapWindow: (mapId, window) => setMapWindow(mapId, window),
  async inspectPage(ref) {
    const c = controller();
    if (!c) return null;
    try {
      const info = await c.requests.inspect(ref.space === 'host' ? { space: 'host', frame: ref.page } : { space: 'guest', vm: ref.vm, page: ref.page });
      return details(ref, info);
    } catch {
      return null;
    }
  },
  canInspect: true,
};

/** A selection object that keeps its identity while its contents are equal (React readers). */
let lastSelection: { selectedVm: number | null; selectedPage: PageRef | null } = { selectedVm: null, selectedPage: null };
function useShallowMemo(selectedVm: number | null, page: PageRef | null) {
  const p = lastSelection.selectedPage;
  const same = lastSelection.selectedVm === selectedVm && (p === page || (p && page && p.space === page.space && p.vm === page.vm && p.page === page.page));
  if (!same) lastSelection = { selectedVm, selectedPage: page };
  return lastSelection;
}
