// Paint-time benchmark of the map painters (run: npx tsx test/views/harness/paintBench.ts): a
// 1200x400 host map at the coarsest level of detail, a 1200x180 one, and a small guest map.
import { paintCells, paintGuestCells } from '../../../src/views/map/paintCells.ts';
import { layoutMap } from '../../../src/views/map/mapLayout.ts';
import { buildHostLut, ownerSlot } from '../../../src/views/theme/hostLut.ts';
import { buildGuestUseLut, buildBackingLut } from '../../../src/views/theme/guestLut.ts';
import { PALETTES } from '../../../src/views/theme/themes.ts';
const p = PALETTES.light;
for (const [w, h] of [
  [1200, 400],
  [1200, 180],
]) {
  const l = layoutMap(w, h, 1 << 24);
  const cells = Uint8Array.from({ length: l.cells }, (_, i) => (i * 7) % 9);
  const owners = Uint8Array.from({ length: l.cells }, (_, i) => i % 5);
  const lut = buildHostLut(p);
  for (let i = 0; i < 5; i++) paintCells(cells, owners, lut, ownerSlot, l, 0);
  const t0 = performance.now();
  const N = 50;
  let buf: Uint32Array | undefined;
  for (let i = 0; i < N; i++) buf = paintCells(cells, owners, lut, ownerSlot, l, 0, buf);
  console.log(`host ${w}x${h}: ${l.cells} cells, ${((performance.now() - t0) / N).toFixed(2)} ms/paint`);
}
const l = layoutMap(240, 110, 393216, true);
const c = new Uint8Array(l.cells),
  b = new Uint8Array(l.cells);
const t0 = performance.now();
for (let i = 0; i < 200; i++) paintGuestCells(c, b, buildGuestUseLut(p, 0), buildBackingLut(p), l, 0);
console.log(`guest 240x110: ${((performance.now() - t0) / 200).toFixed(3)} ms/paint (incl. LUT build)`);
