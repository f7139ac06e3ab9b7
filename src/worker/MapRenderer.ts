// One memory map in the worker: the window its view asked for, a cache of its cells, and its
// pool of transfer buffers. The first frame of a window or of a simulation object renders every
// cell; later frames re-render only the cells whose pages changed since (ChangedCells), so a
// frame costs what the model changed, not the memory's size, and every frame is exact. The cache
// is then copied into a pooled buffer: cells in the first half, the second layer (host owners
// or guest backing) after it.
import { ChangedCells } from '../snapshot/changedCells.ts';
import { clampWindow, cellsUsed } from '../snapshot/mapWindow.ts';
import { Tally } from '../snapshot/mode.ts';
import { renderGuestMap } from '../snapshot/renderGuest.ts';
import { renderHostMap } from '../snapshot/renderHost.ts';
import type { GuestMapFrame, HostMapFrame, MapWindow } from '../snapshot/types.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { FramePool } from './FramePool.ts';

export interface RenderedMap {
  part: HostMapFrame | GuestMapFrame;
  buffer: ArrayBuffer;
}

export class MapRenderer {
  readonly pool = new FramePool();
  /** The VM of a guest map, or -1 for the host map. */
  readonly vm: number;
  request: MapWindow;
  private cache = new Uint8Array(0);
  private readonly changes: ChangedCells;
  private readonly tallies = [new Tally(), new Tally()];

  constructor(vm: number, request: MapWindow) {
    this.vm = vm;
    this.request = request;
    this.changes = new ChangedCells(vm);
  }

  /** Renders what changed since the last call (everything the first time) and copies it out. */
  render(sim: Simulation): RenderedMap {
    const total = this.vm < 0 ? sim.hv.frames.frameCount : sim.vms[this.vm].os.mem.pages;
    const window = clampWindow(this.request, total);
    const used = cellsUsed(window);
    const ranges = this.changes.collect(sim, window);
    if (ranges === null) this.cache = new Uint8Array(2 * used);
    const first = this.cache.subarray(0, used);
    const second = this.cache.subarray(used, 2 * used);
    const part =
      this.vm < 0
        ? renderHostMap(sim, window, first, second, this.tallies[0], ranges ?? undefined)
        : renderGuestMap(sim, this.vm, window, first, second, this.tallies, ranges ?? undefined);
    const buffer = this.pool.take(2 * used);
    const out = new Uint8Array(buffer);
    out.set(this.cache);
    const a = out.subarray(0, used);
    const b = out.subarray(used, 2 * used);
    const framePart = 'owners' in part ? { ...part, cells: a, owners: b } : { ...part, cells: a, backing: b };
    return { part: framePart, buffer };
  }
}
