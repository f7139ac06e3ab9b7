// What the views need from the rest of the app: the scenario and its validated setters, the
// playback clock, the selection, the page walk (asked of the worker), the UI preferences, and
// the stream of frames. The views code
// against this interface only; data/simSource.ts binds it to the real store and frame bus, and
// tests pass their own doubles through SimSourceContext.
import type { Frame, MapId, MapWindow } from '../../snapshot/types.ts';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';
import type { WalkExploration, WalkPick, WalkTarget, WalkWhatIf } from '../../sim/walk/index.ts';
import type { Theme } from '../theme/themes.ts';

/** A page picked in a map: a host frame, or a guest-physical page of one VM. */
export interface PageRef {
  space: 'host' | 'guest';
  /** VM index (for a host frame: the owning VM, or -1). */
  vm: number;
  page: number;
}

/** Map ids as the frame bus knows them: 'host' or 'guest:<vm>' (the snapshot layer's type). */
export type { MapId };
export const guestMapId = (vm: number): MapId => `guest:${vm}`;

/** What the worker can tell about one page (when it offers page inspection). */
export interface PageDetails {
  ref: PageRef;
  /** The other side of the EPT mapping: the host frame of a guest page, or the guest page of a host frame. */
  counterpart: PageRef | null;
  /** Plain words: "guest page 0x1a2 of web, anonymous, backed by host frame 88213". */
  text: string;
}

export interface PlaybackView {
  playing: boolean;
  speed: number;
  timeMs: number;
}
export interface SelectionView {
  selectedVm: number | null;
  selectedPage: PageRef | null;
}

/** The page walk: what is walked, the reference shown, the what-if settings, and the answer. */
export interface WalkState {
  target: WalkTarget | null;
  /** The reference shown (1-based), or null for the whole walk. */
  step: number | null;
  whatIf: WalkWhatIf;
  /** The worker's answer for the target (null before the first). */
  answer: WalkExploration | null;
  /** Why the last pick could not be walked (a message naming the field and allowed range). */
  error: string | null;
  pending: boolean;
}

export interface SimSource {
  // React hooks (call inside components only).
  useScenario(): Scenario;
  usePlayback(): PlaybackView;
  useSelection(): SelectionView;
  useTheme(): Theme;
  /** Ids of controls a teacher's link hides (parameter paths, or 'pressure', 'policy', 'vms'). */
  useHidden(): readonly string[];
  /** Ids of the detail panels that are open (in the link as panels=). */
  useOpenPanels(): readonly string[];
  /** The zoom window stored for a map, or null for the whole map. */
  useMapZoom(mapId: MapId): { firstPage: number; pageCount: number } | null;
  useWalk(): WalkState;

  // Commands.
  /** Sets a scenario parameter by path ('host.memoryMiB', 'vms.1.workload.activeMiB', 'policy.kind', 'policy.<key>'); validated by the store. */
  setParam(path: string, value: ParamValue): void;
  /** Opens or closes a detail panel (toggles without `open`). */
  togglePanel(id: string, open?: boolean): void;
  addVm(): void;
  removeVm(vm: number): void;
  selectVm(vm: number | null): void;
  selectPage(ref: PageRef | null): void;
  setMapZoom(mapId: MapId, window: { firstPage: number; pageCount: number } | null): void;
  /** Walks what was picked: an address, a guest-physical page, a host frame, a region of a process. */
  pickWalk(pick: WalkPick): void;
  setWalkStep(step: number | null): void;
  setWalkWhatIf(whatIf: WalkWhatIf): void;

  // Frames (outside React state).
  subscribeFrame(cb: (frame: Frame) => void): () => void;
  latestFrame(): Frame | null;
  releaseFrame(frame: Frame): void;
  /** What a map wants rendered; null when the map goes away (a removed VM). */
  setMapWindow(mapId: MapId, window: MapWindow | null): void;
  /** Page inspection, when the worker offers it; resolves null otherwise. */
  inspectPage(ref: PageRef): Promise<PageDetails | null>;
  /** Whether inspectPage can give exact counterparts (else the views highlight by owner). */
  readonly canInspect: boolean;
}
