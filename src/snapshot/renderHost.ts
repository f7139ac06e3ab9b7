// Renders the host map: host frames [firstPage, firstPage + pageCount) into cells, one HostCell
// code and one owner byte (VM index or NO_OWNER) per cell, written into caller-provided arrays
// (the worker's transfer buffers). A cell holds the most common code among its frames and the
// owner of the first of its frames with that code. Cost: O(pages rendered): the window, or the
// cell ranges asked for (the cells that changed, src/snapshot/changedCells.ts).
import { type HostFrames, OWNER_HYPERVISOR } from '../sim/host/HostFrames.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { HostCell, NO_OWNER } from './cellCodes.ts';
import { HOST_CELL_OF_GUEST_STATE } from './cellTables.ts';
import { clampWindow, cellsUsed, pagesPerCell } from './mapWindow.ts';
import { Tally } from './mode.ts';
import type { HostMapFrame, MapWindow } from './types.ts';

const FREE = HostCell.Free;
const HYPERVISOR = HostCell.Hypervisor;
const COMPRESSED = HostCell.Compressed;
const SHARED = HostCell.Shared;

/** Fills codes[0, n) and owners[0, n) for host frames [from, from + n). */
function hostCodes(frames: HostFrames, guestStates: Uint8Array[], from: number, n: number, codes: Uint8Array, owners: Uint8Array): void {
  const owner = frames.owner;
  for (let i = 0; i < n; i++) {
    const f = from + i;
    const o = owner[f];
    if (o < 0) {
      codes[i] = o === OWNER_HYPERVISOR ? HYPERVISOR : FREE;
      owners[i] = NO_OWNER;
      continue;
    }
    const vm = frames.vmOf(f);
    owners[i] = vm;
    if (frames.isGuestPrivate(f)) codes[i] = HOST_CELL_OF_GUEST_STATE[guestStates[vm][frames.gpfnOf(f)]];
    else codes[i] = frames.isCompression(f) ? COMPRESSED : SHARED;
  }
}

/** Code and owner of one host frame (for inspection and tests). */
export function hostFrameCell(sim: Simulation, f: number): { code: HostCell; owner: number } {
  const codes = new Uint8Array(1);
  const owners = new Uint8Array(1);
  hostCodes(
    sim.hv.frames,
    sim.vms.map((v) => v.os.mem.state),
    f,
    1,
    codes,
    owners,
  );
  return { code: codes[0], owner: owners[0] };
}

/** Fills `cells` and `owners` (length >= cells used): all cells, or only the cell ranges
 * `ranges` (flat pairs: from, to, from, to, ... in cells); returns the metadata. */
export function renderHostMap(
  sim: Simulation,
  request: MapWindow,
  cells: Uint8Array,
  owners: Uint8Array,
  tally = new Tally(),
  ranges?: readonly number[],
): HostMapFrame {
  const window = clampWindow(request, sim.hv.frames.frameCount);
  const ppc = pagesPerCell(window);
  const used = cellsUsed(window);
  const frames = sim.hv.frames;
  const owner = frames.owner;
  const states = sim.vms.map((v) => v.os.mem.state);
  const end = window.firstPage + window.pageCount;
  const all = ranges ?? [0, used];
  for (let r = 0; r < all.length; r += 2) {
    const from = Math.max(0, all[r]);
    const to = Math.min(used, all[r + 1]);
    if (to <= from) continue;
    if (ppc === 1) {
      hostCodes(frames, states, window.firstPage + from, to - from, cells.subarray(from), owners.subarray(from));
      continue;
    }
    for (let c = from, f = window.firstPage + from * ppc; c < to; c++) {
      const cellEnd = Math.min(end, f + ppc);
      for (; f < cellEnd; f++) {
        const o = owner[f];
        if (o < 0) tally.add(o === OWNER_HYPERVISOR ? HYPERVISOR : FREE, NO_OWNER);
        else {
          const vm = frames.vmOf(f);
          if (frames.isGuestPrivate(f)) tally.add(HOST_CELL_OF_GUEST_STATE[states[vm][frames.gpfnOf(f)]], vm);
          else tally.add(frames.isCompression(f) ? COMPRESSED : SHARED, vm);
        }
      }
      const code = tally.take();
      cells[c] = code;
      owners[c] = tally.first[code];
    }
  }
  return { window, pagesPerCell: ppc, cells, owners };
}
