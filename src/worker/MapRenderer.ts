// One memory map in the worker: the window its view asked for, a cache of its cells, and its
// pool of transfer buffers. Each frame renders into the cache (all of it, or while playing a
// map larger than the page budget a rolling band of cells) and copies the cache into a pooled
// buffer: cells in the first half, the second layer (host owners or guest backing) after it.
import { clampWindow, cellsUsed, pagesPerCell } from '../snapshot/mapWindow.ts';
import { Tally } from '../snapshot/mode.ts';
import { renderGuestMap } from '../snapshot/renderGuest.ts';
import { renderHostMap } from '../snapshot/renderHost.ts';
import type { CellRange, GuestMapFrame, HostMapFrame, MapWindow } from '../snapshot/types.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { FramePool } from './FramePool.ts';


export interface RenderedMap {
  part: HostMapFrame | GuestMapFrame;
  buffer: ArrayBuffer;
  complete: boolean;
}

export class MapRenderer {
  readonly pool = new FramePool();
  /** The VM of a guest map, or -1 for the host map. */
  readonly vm: number;
  request: MapWindow;
  private cache = new Uint8Array(0);
  private cacheKey = '';
  private cursor = 0;
  private readonly tallies = [new Tally(), new Tally()];

  constructor(vm: number, request: MapWindow) {
    this.vm = vm;
    this.request = request;
  }

  /** Pages the map's window covers now. */
  windowPages(sim: Simulation): number {
    return clampWindow(this.request, this.totalPages(sim)).pageCount;
  }

  /** Renders the map: all of it when `exact`, else at most about `budget` pages (a band). */
  render(sim: Simulation, exact: boolean, budget: number): RenderedMap {
    const total = this.totalPages(sim);
    const window = clampWindow(this.request, total);
    const used = cellsUsed(window);
    const ppc = pagesPerCell(window);
    const key = `${total}:${window.firstPage}:${window.pageCount}:${window.cells}`;
    let range: CellRange | undefined;
    if (key !== this.cacheKey) {
      this.cache = new Uint8Array(2 * used);
      this.cacheKey = key;
      this.cursor = 0;
    } else if (!exact && window.pageCount > budget) {
      const band = Math.max(1, Math.floor(budget / ppc));
      range = { cellFrom: this.cursor, cellTo: Math.min(used, this.cursor + band) };
      this.cursor = range.cellTo >= used ? 0 : range.cellTo;
    }
    const first = this.cache.subarray(0, used);
    const second = this.cache.subarray(used, 2 * used);
    const part = this.vm < 0
      ? renderHostMap(sim, window, first, second, this.tallies[0], range)
      : renderGuestMap(sim, this.vm, window, first, second, this.tallies, range);
    const buffer = this.pool.take(2 * used);
    const out = new Uint8Array(buffer);
    out.set(this.cache);
    const a = out.subarray(0, used);
    const b = out.subarray(used, 2 * used);
    const framePart = 'owners' in part ? { ...part, cells: a, owners: b } : { ...part, cells: a, backing: b };
    return { part: framePart, buffer, complete: range === undefined };
  }

  private totalPages(sim: Simulation): number {
    return this.vm < 0 ? sim.hv.frames.frameCount : sim.vms[this.vm].os.mem.pages;
  }
}
