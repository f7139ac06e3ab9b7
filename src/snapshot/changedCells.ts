// Which cells of one memory map may have changed since it was last rendered, read from the
// model's change stamps (src/sim/ChangeStamps.ts). A host cell shows its frames' owners
// (HostFrames.changes) and, for a frame privately backing a guest page, that page's kind (each
// VM's GuestMemory.kindChanges, mapped to its frame through the EPT); a guest cell shows its
// pages' state bytes (GuestMemory.changes) and EPT entries (Ept.changes). The first read for a
// simulation object (a new run, a restored keyframe) or a window reports every cell. A cell is
// reported once however many of its pages changed (many guest pages can land in one host cell),
// and the cells come back as sorted runs.
import type { ChangeStamps } from '../sim/ChangeStamps.ts';
import { EPT_FRAME_MASK } from '../sim/host/Ept.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { pagesPerCell } from './mapWindow.ts';
import type { MapWindow } from './types.ts';

export class ChangedCells {
  /** The VM of a guest map, or -1 for the host map. */
  private readonly vm: number;
  private sim: Simulation | null = null;
  private key = '';
  private since: number[] = [];
  /** Per cell: marked in this collection (cleared again before it returns). */
  private marks = new Uint8Array(0);
  private marked: number[] = [];

  constructor(vm: number) {
    this.vm = vm;
  }

  /** The cell ranges to render now (flat pairs from, to, ...), or null for every cell. `window`
   * is already clamped to the memory that exists. Each call starts a new "since". */
  collect(sim: Simulation, window: MapWindow): number[] | null {
    const sources = this.sources(sim);
    const key = `${window.firstPage}:${window.pageCount}:${window.cells}:${sources.length}`;
    const fresh = sim !== this.sim || key !== this.key;
    if (key !== this.key) this.marks = new Uint8Array(window.cells);
    const ranges = fresh ? null : this.changed(sim, window);
    this.sim = sim;
    this.key = key;
    this.since = sources.map((s) => s.advance());
    return ranges;
  }

  private sources(sim: Simulation): ChangeStamps[] {
    if (this.vm < 0) return [sim.hv.frames.changes, ...sim.vms.map((v) => v.os.mem.kindChanges)];
    const v = sim.vms[this.vm];
    return [v.os.mem.changes, v.ept.changes];
  }

  private changed(sim: Simulation, window: MapWindow): number[] {
    const first = window.firstPage;
    const end = first + window.pageCount;
    const ppc = pagesPerCell(window);
    const { marks, marked } = this;
    const mark = (c: number): void => {
      if (marks[c] === 0) {
        marks[c] = 1;
        marked.push(c);
      }
    };
    const pagesToCells = (from: number, to: number): void => {
      for (let c = Math.floor((from - first) / ppc), last = Math.floor((to - 1 - first) / ppc); c <= last; c++) mark(c);
    };
    const since = this.since;
    if (this.vm >= 0) {
      const v = sim.vms[this.vm];
      v.os.mem.changes.forEachChange(since[0], first, end, pagesToCells);
      v.ept.changes.forEachChange(since[1], first, end, pagesToCells);
    } else {
      sim.hv.frames.changes.forEachChange(since[0], first, end, pagesToCells);
      sim.vms.forEach((v, i) => {
        const entries = v.ept.entries;
        v.os.mem.kindChanges.forEachChange(since[i + 1], 0, v.os.mem.pages, (from, to) => {
          for (let g = from; g < to; g++) {
            const e = entries[g];
            if (e < 0) continue;
            const f = e & EPT_FRAME_MASK;
            if (f >= first && f < end) mark(Math.floor((f - first) / ppc));
          }
        });
      });
    }
    return this.takeRuns();
  }

  /** The marked cells as sorted runs (flat pairs), clearing the marks. */
  private takeRuns(): number[] {
    const cells = Int32Array.from(this.marked).sort();
    const runs: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      this.marks[c] = 0;
      if (runs.length > 0 && runs[runs.length - 1] === c) runs[runs.length - 1] = c + 1;
      else runs.push(c, c + 1);
    }
    this.marked.length = 0;
    return runs;
  }
}
