// The page window a map shows, and how zooming and panning move it. A window is
// [firstPage, firstPage + pageCount) of the map's address space (host frames or one guest's
// physical pages). The window is what the view asks the worker to render, so zooming in gets
// real detail from the model instead of scaled pixels. Pure functions.
import type { MapWindow } from '../../snapshot/types.ts';

export interface PageWindow {
  firstPage: number;
  pageCount: number;
}

/** Keeps a window inside [0, totalPages) and at least minPages wide. */
export function clampWindow(w: PageWindow, totalPages: number, minPages: number): PageWindow {
  const total = Math.max(1, Math.floor(totalPages));
  const count = Math.min(total, Math.max(Math.min(minPages, total), Math.round(w.pageCount)));
  const first = Math.min(total - count, Math.max(0, Math.round(w.firstPage)));
  return { firstPage: first, pageCount: count };
}

export const fullWindow = (totalPages: number): PageWindow => ({ firstPage: 0, pageCount: Math.max(1, Math.floor(totalPages)) });

/** Zooms by `factor` (>1 = in) keeping `focusPage` at the same place in the window. */
export function zoomAround(w: PageWindow, focusPage: number, factor: number, totalPages: number, minPages: number): PageWindow {
  const count = w.pageCount / factor;
  const frac = w.pageCount > 0 ? (focusPage - w.firstPage) / w.pageCount : 0;
  return clampWindow({ firstPage: focusPage - frac * count, pageCount: count }, totalPages, minPages);
}

export const panBy = (w: PageWindow, deltaPages: number, totalPages: number, minPages: number): PageWindow =>
  clampWindow({ firstPage: w.firstPage + deltaPages, pageCount: w.pageCount }, totalPages, minPages);

/** d3-zoom transform (k, x) over an axis of `widthPx` showing all pages at k = 1 -> window. */
export function windowFromTransform(k: number, x: number, widthPx: number, totalPages: number, minPages: number): PageWindow {
  const pagesPerPx = totalPages / widthPx;
  return clampWindow({ firstPage: (-x / k) * pagesPerPx, pageCount: totalPages / k }, totalPages, minPages);
}

/** The inverse: the d3-zoom transform that shows a window. */
export function transformFromWindow(w: PageWindow, widthPx: number, totalPages: number): { k: number; x: number } {
  const k = totalPages / Math.max(1, w.pageCount);
  return { k, x: -(w.firstPage / totalPages) * widthPx * k };
}

export const toMapWindow = (w: PageWindow, cells: number): MapWindow => ({ firstPage: w.firstPage, pageCount: w.pageCount, cells });

export const sameWindow = (a: PageWindow | null | undefined, b: PageWindow | null | undefined): boolean =>
  !!a && !!b && a.firstPage === b.firstPage && a.pageCount === b.pageCount;
