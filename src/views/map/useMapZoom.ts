// The zoom state of one map: the page window (kept in the store's ui slice, so links and other
// views see it), the layout it implies at the map's size, and the MapWindow asked of the
// worker whenever either changes. Zooming changes what the model renders, not pixel scaling.
import { useEffect, useMemo } from 'react';
import type { MapId } from '../data/simTypes.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { layoutMap, MAX_CELL_PX, type MapLayout } from './mapLayout.ts';
import { clampWindow, fullWindow, type PageWindow } from './mapWindow.ts';

export interface MapZoom {
  window: PageWindow;
  layout: MapLayout;
  /** Fewest pages a window may show: single pages at the largest cell size. */
  minPages: number;
  setWindow(w: PageWindow | null): void;
}

export function useMapZoom(id: MapId, totalPages: number, widthPx: number, heightPx: number, strip: boolean): MapZoom {
  const sim = useSim();
  const stored = sim.useMapZoom(id);
  const minPages = useMemo(() => {
    const l = layoutMap(widthPx, heightPx, 1, strip);
    return Math.max(1, Math.floor(widthPx / MAX_CELL_PX) * Math.max(1, Math.floor(heightPx / (MAX_CELL_PX + l.stripPx))));
  }, [widthPx, heightPx, strip]);
  const window = stored ? clampWindow(stored, totalPages, minPages) : fullWindow(totalPages);
  const layout = useMemo(() => layoutMap(widthPx, heightPx, window.pageCount, strip), [widthPx, heightPx, window.pageCount, strip]);
  const { firstPage, pageCount } = window;
  useEffect(() => {
    sim.setMapWindow(id, { firstPage, pageCount, cells: layout.cells });
  }, [sim, id, firstPage, pageCount, layout.cells]);
  useEffect(() => () => sim.setMapWindow(id, null), [sim, id]);
  const setWindow = (w: PageWindow | null): void => {
    const next = w ? clampWindow(w, totalPages, minPages) : null;
    sim.setMapZoom(id, next && next.pageCount < totalPages ? next : next && next.firstPage === 0 ? null : next);
  };
  return { window, layout, minPages, setWindow };
}
