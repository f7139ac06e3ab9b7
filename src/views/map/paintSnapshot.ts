// Paints a map snapshot in a theme: picks the lookup tables (cached per theme, VM and focus)
// and the host or guest painter. The only link between the canvas component and paintCells.
import type { CellLut } from '../theme/cellLut.ts';
import { packRgba } from '../theme/cellLut.ts';
import { buildHostLut, ownerSlot } from '../theme/hostLut.ts';
import { buildBackingLut, buildGuestUseLut } from '../theme/guestLut.ts';
import { PALETTES, type Theme } from '../theme/themes.ts';
import type { MapKind } from './describeMap.ts';
import type { MapLayout } from './mapLayout.ts';
import type { MapSnapshot } from './mapSnapshot.ts';
import { paintCells, paintGuestCells } from './paintCells.ts';

const cache = new Map<string, CellLut>();
function lut(key: string, build: () => CellLut): CellLut {
  let l = cache.get(key);
  if (!l) {
    l = build();
    cache.set(key, l);
  }
  return l;
}

export interface PaintOptions {
  theme: Theme;
  /** Guest map: the VM (its colour for anonymous pages). */
  vm: number;
  /** Host map: fade every VM but this one. */
  focusVm: number | null;
}

export function paintSnapshot(kind: MapKind, s: MapSnapshot, l: MapLayout, o: PaintOptions, into?: Uint32Array): Uint32Array {
  const p = PALETTES[o.theme];
  const bg = packRgba(p.background);
  if (kind === 'host') {
    const hostLut = lut(`host/${o.theme}/${o.focusVm}`, () => buildHostLut(p, o.focusVm));
    return paintCells(s.cells, s.second, hostLut, ownerSlot, l, bg, into);
  }
  const use = lut(`guest/${o.theme}/${o.vm}`, () => buildGuestUseLut(p, o.vm));
  const backing = lut(`backing/${o.theme}`, () => buildBackingLut(p));
  return paintGuestCells(s.cells, s.second, use, backing, l, bg, into);
}
