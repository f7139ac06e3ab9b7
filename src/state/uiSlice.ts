// Store slice: the interface around the simulation: theme, open panels, each map's zoom, embed
// mode and the controls a teacher's link hides (all in the link), plus notices and the fatal
// error the error panel shows (not in the link).
import type { StateCreator } from 'zustand';
import type { Theme, ZoomWindow } from '../url/linkTypes.ts';
import { makeNotice, MAX_NOTICES, type Notice, type NoticeKind } from './notices.ts';
import type { SimStore } from './store.ts';
import type { MapId } from '../snapshot/types.ts';

export interface FatalError {
  message: string;
  detail: string;
}

export interface UiSlice {
  theme: Theme;
  panels: string[];
  zoom: Partial<Record<MapId, ZoomWindow>>;
  embed: boolean;
  hidden: string[];
  notices: Notice[];
  fatalError: FatalError | null;
  setTheme(theme: Theme): void;
  togglePanel(id: string, open?: boolean): void;
  setZoom(mapId: MapId, zoom: ZoomWindow | null): void;
  setEmbed(embed: boolean): void;
  setHidden(ids: string[]): void;
  notify(kind: NoticeKind, text: string, details?: string[]): void;
  dismissNotice(id: number): void;
  setFatalError(error: FatalError | null): void;
}

export const createUiSlice: StateCreator<SimStore, [], [], UiSlice> = (set, get) => ({
  theme: 'light',
  panels: [],
  zoom: {},
  embed: false,
  hidden: [],
  notices: [],
  fatalError: null,
  setTheme: (theme) => set({ theme }),
  togglePanel(id, open) {
    const panels = get().panels;
    const isOpen = panels.includes(id);
    const want = open ?? !isOpen;
    if (want !== isOpen) set({ panels: want ? [...panels, id] : panels.filter((p) => p !== id) });
  },
  setZoom(mapId, zoom) {
    const next = { ...get().zoom };
    if (zoom) next[mapId] = { firstPage: zoom.firstPage, pageCount: zoom.pageCount };
    else delete next[mapId];
    set({ zoom: next });
  },
  setEmbed: (embed) => set({ embed }),
  setHidden: (hidden) => set({ hidden }),
  notify(kind, text, details = []) {
    set({ notices: [...get().notices, makeNotice(kind, text, details)].slice(-MAX_NOTICES) });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  setFatalError: (fatalError) => set({ fatalError }),
});
