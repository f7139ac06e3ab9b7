// The host and guest map painters: every pixel of a cell comes from its LUT entry (base or
// pattern ink), cells land where the layout says, and states differ by pattern, not colour only.
import { describe, expect, it } from 'vitest';
import { paintCells, paintGuestCells } from '../../src/views/map/paintCells.ts';
import { cellRect, layoutMap } from '../../src/views/map/mapLayout.ts';
import { buildHostLut, ownerSlot } from '../../src/views/theme/hostLut.ts';
import { buildBackingLut, buildGuestUseLut } from '../../src/views/theme/guestLut.ts';
import { PALETTES } from '../../src/views/theme/themes.ts';
import { packRgba } from '../../src/views/theme/cellLut.ts';
import { HOST_CELL_COUNT, NO_OWNER } from '../../src/snapshot/cellCodes.ts';
import { Pattern } from '../../src/views/map/patterns.ts';

const p = PALETTES.light;
const BG = packRgba(p.background);

describe('paintCells (host map)', () => {
  const lut = buildHostLut(p);
  const l = layoutMap(40, 40, 16); // 16 pages fit at one page per 8 px cell... or larger
  const cells = new Uint8Array(16).map((_, i) => i % HOST_CELL_COUNT);
  const owners = new Uint8Array(16).map((_, i) => (i < 2 ? NO_OWNER : i % 3));
  const px = paintCells(cells, owners, lut, ownerSlot, l, BG);
  const width = l.cols * l.cellPx;

  it('fills a buffer of the painted size', () => {
    expect(px.length).toBe(width * l.rows * l.rowPx);
  });

  it('gives every pixel of a cell its base colour or its pattern ink', () => {
    for (let i = 0; i < 16; i++) {
      const key = cells[i] + lut.stride * ownerSlot(owners[i]);
      const r = cellRect(l, i);
      for (let y = r.y; y < r.y + r.height; y++) {
        for (let x = r.x; x < r.x + r.width; x++) expect([lut.base[key], lut.ink[key]]).toContain(px[y * width + x]);
      }
    }
  });

  it('leaves the gap between large cells as background', () => {
    expect(l.gapPx).toBe(1);
    const r = cellRect(l, 0);
    expect(px[r.y * width + r.x + r.width]).toBe(BG);
  });

  it('leaves pixels past the last cell as background', () => {
    const big = layoutMap(40, 40, 5);
    const out = paintCells(new Uint8Array(5), new Uint8Array(5), lut, ownerSlot, big, BG);
    expect(out[out.length - 1]).toBe(BG);
  });

  it('paints one-pixel-wide cells at the coarsest level of detail', () => {
    const tiny = layoutMap(10, 10, 1000);
    expect(tiny.cellPx).toBe(2);
    expect(tiny.pagesPerCell).toBeGreaterThan(1);
    const out = paintCells(new Uint8Array(tiny.cells).fill(4), new Uint8Array(tiny.cells), lut, ownerSlot, tiny, BG);
    expect(out[0]).toBe(lut.base[4]);
  });
});

describe('paintGuestCells (guest map)', () => {
  it('paints the backing strip under the use band', () => {
    const l = layoutMap(60, 60, 4, true);
    expect(l.stripPx).toBeGreaterThan(0);
    const use = buildGuestUseLut(p, 0);
    const backing = buildBackingLut(p);
    const out = paintGuestCells(new Uint8Array([3, 3, 3, 3]), new Uint8Array([0, 0, 0, 0]), use, backing, l, BG);
    const width = l.cols * l.cellPx;
    expect(out[0]).toBe(use.base[3]); // active anonymous: solid
    expect(backing.pattern[0]).toBe(Pattern.Solid);
    expect(out[l.cellPx * width]).toBe(backing.base[0]);
  });
});
