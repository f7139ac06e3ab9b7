// A map's cells as last drawn, copied out of the frame (whose buffers go back to the worker):
// hover, the table view and the description read this copy. `second` is the owner byte per
// cell on the host map and the backing code per cell on a guest map.
import type { Frame, MapWindow } from '../../snapshot/types.ts';
import type { MapId } from '../data/simTypes.ts';

export interface MapSnapshot {
  window: MapWindow;
  pagesPerCell: number;
  cells: Uint8Array;
  second: Uint8Array;
}

/** Copies the map `id` out of a frame, reusing `into` when it is big enough. */
export function snapshotOf(frame: Frame, id: MapId, into: MapSnapshot | null): MapSnapshot | null {
  let src: { window: MapWindow; pagesPerCell: number; cells: Uint8Array; second: Uint8Array } | null = null;
  if (id === 'host') {
    if (frame.host) src = { ...frame.host, second: frame.host.owners };
  } else {
    const vm = Number(id.slice('guest:'.length));
    const g = frame.guests.find((m) => m.vm === vm);
    if (g) src = { ...g, second: g.backing };
  }
  if (!src || src.cells.length === 0) return null;
  const n = src.cells.length;
  const cells = into && into.cells.length >= n ? into.cells.subarray(0, n) : new Uint8Array(n);
  const second = into && into.second.length >= n ? into.second.subarray(0, n) : new Uint8Array(n);
  cells.set(src.cells.subarray(0, n));
  second.set(src.second.subarray(0, Math.min(n, src.second.length)));
  return { window: src.window, pagesPerCell: src.pagesPerCell, cells, second };
}

/** Pages [first, last] covered by a cell. */
export function cellPages(s: MapSnapshot, i: number): [number, number] {
  const first = s.window.firstPage + i * s.pagesPerCell;
  const last = Math.min(s.window.firstPage + s.window.pageCount, first + s.pagesPerCell) - 1;
  return [first, last];
}

/** The cell holding a page, or -1 when the page is outside the window. */
export function cellOfPage(s: MapSnapshot, page: number): number {
  const off = page - s.window.firstPage;
  if (off < 0 || off >= s.window.pageCount) return -1;
  return Math.floor(off / s.pagesPerCell);
}
