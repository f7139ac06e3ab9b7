// Paints memory-map cells into a pixel buffer through a lookup table: for each cell, its key
// (cell code + stride * owner slot) selects a base colour, a pattern and a pattern ink; the
// pattern is tiled in screen pixels. One Uint32 write per pixel from a precomputed 8x8 tile
// per key, no per-cell objects. Pure: the canvas only blits the result.
import type { CellLut } from '../theme/cellLut.ts';
import type { MapLayout } from './mapLayout.ts';
import { PATTERN_MASKS } from './patterns.ts';

export interface Band {
  /** Offset of the band inside a row, and its height, in pixels. */
  offsetPx: number;
  heightPx: number;
}

const tileCache = new WeakMap<CellLut, Uint32Array>();

/** Each key's 8x8 tile of finished pixels (base or ink by its pattern), built once per LUT. */
export function lutTiles(lut: CellLut): Uint32Array {
  let tiles = tileCache.get(lut);
  if (!tiles) {
    tiles = new Uint32Array(lut.base.length * 64);
    for (let k = 0; k < lut.base.length; k++) {
      const mask = PATTERN_MASKS[lut.pattern[k]];
      for (let j = 0; j < 64; j++) tiles[k * 64 + j] = mask[j] ? lut.ink[k] : lut.base[k];
    }
    tileCache.set(lut, tiles);
  }
  return tiles;
}

/**
 * Paints `cells` (with an optional second key array, e.g. owners, mapped to slots by `slotOf`)
 * into `out` (width = cols * cellPx, row-major). Only the band's rows of each cell row are
 * written, so a guest map paints its use band and its backing strip with two calls. Writes go
 * pixel row by pixel row, each pixel copied from its key's precomputed pattern tile.
 */
export function paintBand(
  out: Uint32Array,
  l: MapLayout,
  band: Band,
  cells: Uint8Array,
  lut: CellLut,
  owners: Uint8Array | null = null,
  slotOf: (owner: number) => number = (o) => o,
): void {
  const width = l.cols * l.cellPx;
  const drawn = l.cellPx - l.gapPx;
  const n = Math.min(l.cells, cells.length);
  const tiles = lutTiles(lut);
  const keys = new Int32Array(l.cols);
  const h = band.offsetPx === 0 ? Math.min(band.heightPx, drawn) : band.heightPx;
  for (let row = 0, first = 0; first < n; row++, first += l.cols) {
    const count = Math.min(l.cols, n - first);
    for (let c = 0; c < count; c++) {
      const i = first + c;
      keys[c] = (cells[i] + (owners ? lut.stride * slotOf(owners[i]) : 0)) * 64;
    }
    const y0 = row * l.rowPx + band.offsetPx;
    for (let dy = 0; dy < h; dy++) {
      const y = y0 + dy;
      const m = (y & 7) * 8;
      let idx = y * width;
      if (drawn === 2 && l.cellPx === 2) {
        // The coarse level of detail, most of the time: two pixels per cell, unrolled.
        for (let c = 0; c < count; c++, idx += 2) {
          const t = keys[c] + m + ((c * 2) & 7);
          out[idx] = tiles[t];
          out[idx + 1] = tiles[t + 1];
        }
        continue;
      }
      for (let c = 0; c < count; c++, idx += l.cellPx) {
        const t = keys[c] + m;
        const x0 = c * l.cellPx;
        for (let dx = 0; dx < drawn; dx++) out[idx + dx] = tiles[t + ((x0 + dx) & 7)];
      }
    }
  }
}

/** A pixel buffer for a layout (`into` reused when it is the right size), filled with the background colour (packed RGBA). */
export function newPixels(l: MapLayout, background: number, into?: Uint32Array): Uint32Array {
  const size = l.cols * l.cellPx * l.rows * l.rowPx;
  const px = into && into.length === size ? into : new Uint32Array(size);
  px.fill(background);
  return px;
}

/** The host map: one band, keyed by cell code and owning VM. */
export function paintCells(
  cells: Uint8Array,
  owners: Uint8Array,
  lut: CellLut,
  slotOf: (owner: number) => number,
  l: MapLayout,
  background: number,
  into?: Uint32Array,
): Uint32Array {
  const out = newPixels(l, background, into);
  paintBand(out, l, { offsetPx: 0, heightPx: l.cellPx }, cells, lut, owners, slotOf);
  return out;
}

/** A guest map: the use band, then the backing strip under it. */
export function paintGuestCells(
  cells: Uint8Array,
  backing: Uint8Array,
  useLut: CellLut,
  backingLut: CellLut,
  l: MapLayout,
  background: number,
  into?: Uint32Array,
): Uint32Array {
  const out = newPixels(l, background, into);
  paintBand(out, l, { offsetPx: 0, heightPx: l.cellPx }, cells, useLut);
  if (l.stripPx > 0) paintBand(out, l, { offsetPx: l.cellPx, heightPx: l.stripPx }, backing, backingLut);
  return out;
}
