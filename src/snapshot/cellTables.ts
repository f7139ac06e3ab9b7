// Lookup tables from the model's per-page encodings to the snapshot cell codes: a guest page's
// state byte to its GuestCell, and a guest page kind to the HostCell of the frame backing it.
// Built once; the renderers index them per page.
import { FLAG_DIRTY, FLAG_REFERENCED, KIND_MASK, PageKind } from '../sim/guest/pageState.ts';
import { GuestCell, HostCell } from './cellCodes.ts';

function guestCellOf(state: number): GuestCell {
  switch ((state & KIND_MASK) as PageKind) {
    case PageKind.Free:
      return GuestCell.Free;
    case PageKind.Kernel:
      return GuestCell.Kernel;
    case PageKind.PageTable:
      return GuestCell.PageTable;
    case PageKind.Anon:
      return state & FLAG_REFERENCED ? GuestCell.AnonActive : GuestCell.AnonIdle;
    case PageKind.Cache:
      return state & FLAG_DIRTY ? GuestCell.CacheDirty : GuestCell.CacheClean;
    case PageKind.Balloon:
      return GuestCell.Balloon;
    default:
      return GuestCell.Offline;
  }
}

function hostCellOf(state: number): HostCell {
  switch ((state & KIND_MASK) as PageKind) {
    case PageKind.Kernel:
      return HostCell.GuestKernel;
    case PageKind.PageTable:
      return HostCell.GuestPageTable;
    case PageKind.Anon:
      return HostCell.GuestAnon;
    case PageKind.Cache:
      return HostCell.GuestCache;
    default:
      return HostCell.GuestFreeBacked;
  }
}

/** GuestCell code of each guest page state byte. */
export const GUEST_CELL_OF_STATE = Uint8Array.from({ length: 256 }, (_, s) => guestCellOf(s));
/** HostCell code of a frame privately backing a guest page with that state byte. */
export const HOST_CELL_OF_GUEST_STATE = Uint8Array.from({ length: 256 }, (_, s) => hostCellOf(s));
