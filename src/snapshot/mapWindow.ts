// Level of detail for a memory map: a MapWindow (first page, pages covered, cells wanted)
// clamped to the pages that exist, and how many pages each cell covers. A cell covers
// pagesPerCell = ceil(pageCount / cells) consecutive pages; the last cell may cover fewer.
import type { MapWindow } from './types.ts';

/** Most cells one map may ask for (a 4K screen, one cell per pixel). */
export const MAX_MAP_CELLS = 3840 * 2160;

/** The window clamped to [0, totalPages) with 1 <= cells <= pageCount. Never throws. */
export function clampWindow(w: MapWindow, totalPages: number): MapWindow {
  const total = Math.max(0, Math.floor(totalPages));
  const first = Math.min(Math.max(0, Math.floor(finite(w.firstPage, 0))), Math.max(0, total - 1));
  const count = Math.min(Math.max(1, Math.floor(finite(w.pageCount, total))), total - first);
  const cells = Math.min(Math.max(1, Math.floor(finite(w.cells, 1))), count, MAX_MAP_CELLS);
  return { firstPage: first, pageCount: Math.max(0, count), cells: count > 0 ? cells : 0 };
}

export const pagesPerCell = (w: MapWindow): number => (w.cells > 0 ? Math.ceil(w.pageCount / w.cells) : 1);

/** Cells actually filled: ceil(pageCount / pagesPerCell) (can be fewer than asked). */
export const cellsUsed = (w: MapWindow): number => (w.cells > 0 ? Math.ceil(w.pageCount / pagesPerCell(w)) : 0);

function finite(x: number, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}
