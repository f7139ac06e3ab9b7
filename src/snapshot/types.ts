// What flows from the simulation to the views each frame: memory maps rendered at the
// resolution each view asks for (cells, not pages: one cell covers `pagesPerCell` pages, the
// level of detail), and a small summary. Map arrays are transferred, never cloned.
import type { RunReport } from '../sim/report.ts';
import type { SimEvent } from '../sim/events.ts';

/** Which map a window and a frame part belong to: the host map, or a VM's guest map. */
export type MapId = 'host' | `guest:${number}`;

/** A view's request: which pages to cover and how many cells to render them into. */
export interface MapWindow {
  /** First page (host frame or guest-physical page number) of the window. */
  firstPage: number;
  /** Pages covered (>= cells; a cell covers pagesPerCell = ceil(pageCount / cells) pages). */
  pageCount: number;
  /** Cells to render (about the pixels on screen). */
  cells: number;
}

export interface HostMapFrame {
  window: MapWindow;
  pagesPerCell: number;
  /** HostCell code of each cell (the most common state among its frames). */
  cells: Uint8Array;
  /** VM index owning each cell (NO_OWNER when none). */
  owners: Uint8Array;
}

export interface GuestMapFrame {
  vm: number;
  window: MapWindow;
  pagesPerCell: number;
  /** GuestCell code of each cell. */
  cells: Uint8Array;
  /** BackingCell code of each cell. */
  backing: Uint8Array;
}

export interface Frame {
  timeMs: number;
  ticks: number;
  host: HostMapFrame | null;
  guests: GuestMapFrame[];
  summary: RunReport;
  /** Events since the previous frame. */
  events: SimEvent[];
}
