// Pan and zoom of a map with d3-zoom: the wheel (or pinch) zooms around the page under the
// pointer, dragging pans by rows and cells. d3-zoom supplies the gesture handling; each change
// of its transform is turned into a new page window (zoomAround / panBy), because a map is a
// row-major raster of an address range, not a picture to scale.
import { useEffect, useRef, type RefObject } from 'react';
import { pointer, select, zoom, zoomIdentity, type D3ZoomEvent } from 'd3';
import { cellAt, type MapLayout } from './mapLayout.ts';
import { panBy, zoomAround, type PageWindow } from './mapWindow.ts';

export interface GestureTarget {
  window: PageWindow;
  layout: MapLayout;
  totalPages: number;
  minPages: number;
  setWindow(w: PageWindow): void;
}

/** The page under a point of the map, or the window's middle page. */
export function pageAtPoint(t: GestureTarget, x: number, y: number): number {
  const i = cellAt(t.layout, x, y);
  return i < 0 ? t.window.firstPage + t.window.pageCount / 2 : t.window.firstPage + (i + 0.5) * t.layout.pagesPerCell;
}

export function useMapGestures(ref: RefObject<SVGSVGElement | null>, target: GestureTarget, offsetX: number): void {
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let last = zoomIdentity;
    let dragStart: { window: PageWindow; x: number; y: number } | null = null;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1e-12, 1e12])
      .clickDistance(4)
      .on('start', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        last = e.transform;
        dragStart = { window: latest.current.window, x: e.transform.x, y: e.transform.y };
      })
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const t = latest.current;
        const k = e.transform.k / last.k;
        if (Math.abs(k - 1) > 1e-9) {
          const [px, py] = e.sourceEvent ? pointer(e.sourceEvent, el) : [t.layout.widthPx / 2, t.layout.heightPx / 2];
          t.setWindow(zoomAround(t.window, pageAtPoint(t, px - offsetX, py), k, t.totalPages, t.minPages));
          dragStart = { window: t.window, x: e.transform.x, y: e.transform.y };
        } else if (dragStart) {
          const { layout: l } = t;
          const cells = -((e.transform.y - dragStart.y) / l.rowPx) * l.cols - (e.transform.x - dragStart.x) / l.cellPx;
          t.setWindow(panBy(dragStart.window, cells * l.pagesPerCell, t.totalPages, t.minPages));
        }
        last = e.transform;
      });
    select(el).call(behaviour).on('dblclick.zoom', null);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [ref, offsetX]);
}
