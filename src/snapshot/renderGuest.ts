// Renders a guest map: guest-physical pages [firstPage, firstPage + pageCount) of one VM into
// cells, a GuestCell code (the guest's use of the page) and a BackingCell code (the EPT entry:
// how the host backs it) per cell, each the most common among the cell's pages, written into
// caller-provided arrays. Cost: O(pages rendered): the window, or the cell ranges asked for.
import { EPT_BALLOONED, EPT_COMPRESSED, EPT_UNTOUCHED, eptFrame } from '../sim/host/Ept.ts';
import type { HostFrames } from '../sim/host/HostFrames.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { BackingCell } from './cellCodes.ts';
import { GUEST_CELL_OF_STATE } from './cellTables.ts';
import { clampWindow, cellsUsed, pagesPerCell } from './mapWindow.ts';
import { Tally } from './mode.ts';
import type { GuestMapFrame, MapWindow } from './types.ts';

const PRIVATE = BackingCell.Private;
const SHARED = BackingCell.Shared;
const UNBACKED = BackingCell.Unbacked;
const BALLOONED = BackingCell.Ballooned;
const COMPRESSED = BackingCell.Compressed;
const SWAPPED = BackingCell.HostSwapped;

/** BackingCell code of an EPT entry, given the host's frames (shared frames are flagged there). */
function backingCode(frames: HostFrames, entry: number): number {
  if (entry >= 0) {
    return frames.isShared(eptFrame(entry)) ? SHARED : PRIVATE;
  }
  if (entry === EPT_UNTOUCHED) return UNBACKED;
  if (entry === EPT_BALLOONED) return BALLOONED;
  if (entry === EPT_COMPRESSED) return COMPRESSED;
  return SWAPPED;
}

/** BackingCell code of an EPT entry. */
export function backingOf(sim: Simulation, entry: number): BackingCell {
  if (entry >= 0) return sim.hv.frames.isShared(eptFrame(entry)) ? BackingCell.Shared : BackingCell.Private;
  return backingCode(sim.hv.frames, entry);
}

/** Fills `cells` and `backing` (length >= cells used) for VM `vm`: all cells, or only the cell
 * ranges `ranges` (flat pairs: from, to, from, to, ... in cells). */
export function renderGuestMap(
  sim: Simulation,
  vm: number,
  request: MapWindow,
  cells: Uint8Array,
  backing: Uint8Array,
  tallies = [new Tally(), new Tally()],
  ranges?: readonly number[],
): GuestMapFrame {
  const v = sim.vms[vm];
  const state = v.os.mem.state;
  const entries = v.ept.entries;
  const window = clampWindow(request, state.length);
  const ppc = pagesPerCell(window);
  const used = cellsUsed(window);
  const end = window.firstPage + window.pageCount;
  const [use, back] = tallies;
  const frames = sim.hv.frames;
  const all = ranges ?? [0, used];
  for (let r = 0; r < all.length; r += 2) {
    const from = Math.max(0, all[r]);
    const to = Math.min(used, all[r + 1]);
    for (let c = from, g = window.firstPage + from * ppc; c < to; c++) {
      if (ppc === 1) {
        cells[c] = GUEST_CELL_OF_STATE[state[g]];
        backing[c] = backingCode(frames, entries[g++]);
        continue;
      }
      const cellEnd = Math.min(end, g + ppc);
      for (; g < cellEnd; g++) {
        use.add(GUEST_CELL_OF_STATE[state[g]], 0);
        back.add(backingCode(frames, entries[g]), 0);
      }
      cells[c] = use.take();
      backing[c] = back.take();
    }
  }
  return { vm, window, pagesPerCell: ppc, cells, backing };
}
