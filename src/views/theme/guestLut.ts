// The guest-physical map's two lookup tables. The "use" layer is what the guest keeps in a page
// (free, kernel, page table, anonymous active/idle, cache clean/dirty, balloon, offline); the
// "backing" layer is how the host backs it (the EPT entry: backed, shared, not backed,
// ballooned, host-swapped, compressed). Each state has its own shade and pattern; balloon
// pages are boldly hatched in both layers.
import { BACKING_CELL_COUNT, BackingCell, GUEST_CELL_COUNT, GuestCell } from '../../snapshot/cellCodes.ts';
import { type CellLut, type LutEntry, makeLut, setEntry } from './cellLut.ts';
import { mix, type Palette, type Rgb, vmRgb } from './themes.ts';
import { Pattern } from '../map/patterns.ts';

const WHITE: Rgb = [255, 255, 255];

export function guestUseEntry(p: Palette, code: number, vm: Rgb): LutEntry {
  switch (code) {
    case GuestCell.Free:
      return { base: p.free, pattern: Pattern.Solid };
    case GuestCell.Kernel:
      return { base: p.kernel, pattern: Pattern.Solid };
    case GuestCell.PageTable:
      return { base: p.pageTable, pattern: Pattern.Dots, ink: WHITE };
    case GuestCell.AnonActive:
      return { base: vm, pattern: Pattern.Solid };
    case GuestCell.AnonIdle:
      return { base: mix(vm, WHITE, 0.55), pattern: Pattern.BackHatch, ink: mix(vm, p.inkDark, 0.1) };
    case GuestCell.CacheClean:
      return { base: mix(p.cache, WHITE, 0.35), pattern: Pattern.HorizontalLines, ink: mix(p.cache, p.inkDark, 0.4) };
    case GuestCell.CacheDirty:
      return { base: p.cache, pattern: Pattern.CrossHatch, ink: mix(p.cache, p.inkDark, 0.6) };
    case GuestCell.Balloon:
      return { base: mix(p.balloon, WHITE, 0.2), pattern: Pattern.Hatch, ink: mix(p.balloon, p.inkDark, 0.55) };
    case GuestCell.Offline:
      return { base: p.offline, pattern: Pattern.Checker, ink: mix(p.offline, WHITE, 0.5) };
    default:
      return { base: p.free, pattern: Pattern.Solid };
  }
}

export function backingEntry(p: Palette, code: number): LutEntry {
  switch (code) {
    case BackingCell.Private:
      return { base: p.backed, pattern: Pattern.Solid };
    case BackingCell.Shared:
      return { base: p.shared, pattern: Pattern.VerticalLines, ink: WHITE };
    case BackingCell.Unbacked:
      return { base: p.free, pattern: Pattern.SparseDots, ink: mix(p.free, p.inkDark, 0.35) };
    case BackingCell.Ballooned:
      return { base: mix(p.balloon, WHITE, 0.2), pattern: Pattern.Hatch, ink: mix(p.balloon, p.inkDark, 0.55) };
    case BackingCell.HostSwapped:
      return { base: p.hostSwapped, pattern: Pattern.Checker, ink: WHITE };
    case BackingCell.Compressed:
      return { base: p.compressed, pattern: Pattern.Dots, ink: p.inkDark };
    default:
      return { base: p.free, pattern: Pattern.Solid };
  }
}

export function buildGuestUseLut(p: Palette, vm: number): CellLut {
  const lut = makeLut(GUEST_CELL_COUNT, GUEST_CELL_COUNT);
  for (let c = 0; c < GUEST_CELL_COUNT; c++) setEntry(lut, c, guestUseEntry(p, c, vmRgb(p, vm)), p.inkDark, p.inkLight);
  return lut;
}

export function buildBackingLut(p: Palette): CellLut {
  const lut = makeLut(BACKING_CELL_COUNT, BACKING_CELL_COUNT);
  for (let c = 0; c < BACKING_CELL_COUNT; c++) setEntry(lut, c, backingEntry(p, c), p.inkDark, p.inkLight);
  return lut;
}
