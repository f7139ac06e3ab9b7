// Map layout and window arithmetic: pages fit one per cell when they can, the level of detail
// kicks in when they cannot, hit testing inverts placement, and zoom/pan stay in range.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { cellAt, cellRect, layoutMap, MAX_CELL_PX, MIN_CELL_PX } from '../../src/views/map/mapLayout.ts';
import { clampWindow, panBy, transformFromWindow, windowFromTransform, zoomAround } from '../../src/views/map/mapWindow.ts';

describe('layoutMap', () => {
  it('shows few pages as large single-page cells', () => {
    const l = layoutMap(400, 200, 32);
    expect(l.cellPx).toBe(MAX_CELL_PX);
    expect(l.pagesPerCell).toBe(1);
    expect(l.cells).toBe(32);
  });
  it('decimates a large memory to the pixels on screen', () => {
    const l = layoutMap(1000, 300, 1 << 20);
    expect(l.cellPx).toBe(MIN_CELL_PX);
    expect(l.cells * l.pagesPerCell).toBeGreaterThanOrEqual(1 << 20);
    expect(l.rows * l.rowPx).toBeLessThanOrEqual(300);
  });
  it('adds a backing strip for guest maps', () => {
    const l = layoutMap(400, 200, 100, true);
    expect(l.stripPx).toBeGreaterThan(0);
    expect(l.rowPx).toBe(l.cellPx + l.stripPx);
  });
  it('hit-tests every cell back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 900 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 200000 }),
        (w, h, pages) => {
          const l = layoutMap(w, h, pages, pages % 2 === 0);
          expect(l.rows * l.rowPx).toBeLessThanOrEqual(Math.max(h, l.rowPx));
          for (const i of [0, Math.floor(l.cells / 2), l.cells - 1]) {
            const r = cellRect(l, i);
            expect(cellAt(l, r.x, r.y)).toBe(i);
          }
        },
      ),
      properties(100),
    );
  });
  it('returns -1 outside the cells', () => {
    const l = layoutMap(100, 100, 10);
    expect(cellAt(l, -1, 0)).toBe(-1);
    expect(cellAt(l, 99, 99)).toBe(-1);
  });
});

describe('page windows', () => {
  it('clamps to the address space and a minimum width', () => {
    expect(clampWindow({ firstPage: -5, pageCount: 10 }, 100, 4)).toEqual({ firstPage: 0, pageCount: 10 });
    expect(clampWindow({ firstPage: 95, pageCount: 10 }, 100, 4)).toEqual({ firstPage: 90, pageCount: 10 });
    expect(clampWindow({ firstPage: 50, pageCount: 1 }, 100, 4)).toEqual({ firstPage: 50, pageCount: 4 });
  });
  it('zooms around the focus page', () => {
    const w = zoomAround({ firstPage: 0, pageCount: 1000 }, 500, 2, 1000, 1);
    expect(w).toEqual({ firstPage: 250, pageCount: 500 });
  });
  it('pans within range', () => {
    expect(panBy({ firstPage: 10, pageCount: 10 }, -50, 100, 1).firstPage).toBe(0);
  });
  it('round-trips through a d3-zoom transform', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 16, max: 1000 }), (first, count) => {
        const w = { firstPage: first, pageCount: count };
        const t = transformFromWindow(w, 800, 10000);
        expect(windowFromTransform(t.k, t.x, 800, 10000, 16)).toEqual(w);
      }),
      properties(100),
    );
  });
});
