// Where each cell of a memory map sits on the canvas. Cells run row-major, left to right then
// down, in page order. The layout picks the largest cell size (up to MAX_CELL_PX) at which the
// window's pages fit one page per cell; when even MIN_CELL_PX cannot fit them, each cell
// covers pagesPerCell pages (the level of detail the worker renders). A guest map adds a thin
// backing strip under each row of cells. Pure: unit-tested without a browser.
export const MIN_CELL_PX = 2;
export const MAX_CELL_PX = 24;
/** From this cell size up, a 1 px gap outlines each page. */
const GAP_FROM_PX = 8;

export interface MapLayout {
  widthPx: number;
  heightPx: number;
  cols: number;
  /** Rows in use (ceil(cells / cols)). */
  rows: number;
  /** Pitch of a cell, gap included. */
  cellPx: number;
  gapPx: number;
  /** Height of the backing strip under each row (0 for the host map). */
  stripPx: number;
  rowPx: number;
  /** Cells in use: ceil(pageCount / pagesPerCell). */
  cells: number;
  pagesPerCell: number;
}

const stripFor = (cellPx: number, strip: boolean): number => (strip ? Math.max(1, Math.round(cellPx / 3)) : 0);

export function layoutMap(widthPx: number, heightPx: number, pageCount: number, strip = false): MapLayout {
  const w = Math.max(1, Math.floor(widthPx));
  const h = Math.max(1, Math.floor(heightPx));
  const pages = Math.max(1, Math.floor(pageCount));
  for (let cellPx = MAX_CELL_PX; cellPx >= MIN_CELL_PX; cellPx--) {
    const stripPx = stripFor(cellPx, strip);
    const cols = Math.max(1, Math.floor(w / cellPx));
    const capacity = cols * Math.max(1, Math.floor(h / (cellPx + stripPx)));
    if (capacity >= pages || cellPx === MIN_CELL_PX) {
      const pagesPerCell = Math.ceil(pages / capacity);
      const cells = Math.ceil(pages / pagesPerCell);
      const rowPx = cellPx + stripPx;
      const gapPx = cellPx >= GAP_FROM_PX ? 1 : 0;
      return { widthPx: w, heightPx: h, cols, rows: Math.ceil(cells / cols), cellPx, gapPx, stripPx, rowPx, cells, pagesPerCell };
    }
  }
  throw new Error('unreachable');
}

/** The layout with which to paint cells that arrived for a window (may differ from the request while resizing). */
export function layoutForCells(widthPx: number, heightPx: number, pageCount: number, cellCount: number, strip = false): MapLayout {
  const l = layoutMap(widthPx, heightPx, pageCount, strip);
  if (cellCount === l.cells) return l;
  return {
    ...l,
    cells: cellCount,
    rows: Math.ceil(cellCount / l.cols),
    pagesPerCell: Math.max(1, Math.ceil(pageCount / Math.max(1, cellCount))),
  };
}

/** The cell under a canvas point, or -1. */
export function cellAt(l: MapLayout, xPx: number, yPx: number): number {
  if (xPx < 0 || yPx < 0) return -1;
  const col = Math.floor(xPx / l.cellPx);
  const row = Math.floor(yPx / l.rowPx);
  if (col >= l.cols) return -1;
  const i = row * l.cols + col;
  return i < l.cells ? i : -1;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cell's square (without its backing strip). */
export function cellRect(l: MapLayout, i: number): Rect {
  const col = i % l.cols;
  const row = Math.floor(i / l.cols);
  return { x: col * l.cellPx, y: row * l.rowPx, width: l.cellPx - l.gapPx, height: l.cellPx - l.gapPx };
}

/** Pixel size of the painted area. */
export const paintedSize = (l: MapLayout): { width: number; height: number } => ({ width: l.cols * l.cellPx, height: l.rows * l.rowPx });
