// The host frame map's lookup table: colour by owning VM, state by shade AND pattern (free
// plain, kernel dark, page tables dotted, anonymous solid, page cache lined, guest-free-but-
// backed faint dots, shared vertical lines, compressed checkered, hypervisor cross-hatched).
// With `focusVm` set, other VMs' frames fade so one VM's frames stand out.
import { HOST_CELL_COUNT, HostCell, NO_OWNER } from '../../snapshot/cellCodes.ts';
import { MAX_VMS } from '../../sim/scenario/params.ts';
import { type CellLut, type LutEntry, makeLut, setEntry } from './cellLut.ts';
import { mix, type Palette, type Rgb, vmRgb } from './themes.ts';
import { Pattern } from '../map/patterns.ts';

/** Owner slot of cells with no VM (free, hypervisor). */
export const NO_OWNER_SLOT = MAX_VMS;

export const ownerSlot = (owner: number): number => (owner === NO_OWNER || owner >= MAX_VMS ? NO_OWNER_SLOT : owner);

/** The look of one host state for a VM colour. */
export function hostEntry(p: Palette, code: number, vm: Rgb): LutEntry {
  const white: Rgb = [255, 255, 255];
  switch (code) {
    case HostCell.Free:
      return { base: p.free, pattern: Pattern.Solid };
    case HostCell.Hypervisor:
      return { base: p.hypervisor, pattern: Pattern.CrossHatch };
    case HostCell.GuestKernel:
      return { base: mix(vm, p.inkDark, 0.45), pattern: Pattern.Solid };
    case HostCell.GuestPageTable:
      return { base: mix(vm, p.inkDark, 0.45), pattern: Pattern.Dots, ink: white };
    case HostCell.GuestAnon:
      return { base: vm, pattern: Pattern.Solid };
    case HostCell.GuestCache:
      return { base: mix(vm, white, 0.5), pattern: Pattern.HorizontalLines, ink: mix(vm, p.inkDark, 0.3) };
    case HostCell.GuestFreeBacked:
      return { base: mix(vm, p.free, 0.78), pattern: Pattern.SparseDots, ink: mix(vm, p.inkDark, 0.2) };
    case HostCell.Shared:
      return { base: mix(vm, p.shared, 0.5), pattern: Pattern.VerticalLines, ink: white };
    case HostCell.Compressed:
      return { base: mix(vm, white, 0.3), pattern: Pattern.Checker, ink: mix(vm, p.inkDark, 0.5) };
    default:
      return { base: p.free, pattern: Pattern.Solid };
  }
}

export function buildHostLut(p: Palette, focusVm: number | null = null): CellLut {
  const lut = makeLut(HOST_CELL_COUNT * (MAX_VMS + 1), HOST_CELL_COUNT);
  for (let slot = 0; slot <= MAX_VMS; slot++) {
    const vm = slot === NO_OWNER_SLOT ? p.hypervisor : vmRgb(p, slot);
    const faded = focusVm !== null && slot !== focusVm && slot !== NO_OWNER_SLOT;
    for (let code = 0; code < HOST_CELL_COUNT; code++) {
      const e = hostEntry(p, code, vm);
      if (faded && code !== HostCell.Free) {
        e.base = mix(e.base, p.background, 0.75);
        e.ink = mix(e.ink ?? p.inkDark, p.background, 0.75);
      }
      setEntry(lut, code + HOST_CELL_COUNT * slot, e, p.inkDark, p.inkLight);
    }
  }
  return lut;
}
