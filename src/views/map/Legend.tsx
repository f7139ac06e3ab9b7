// A map legend: each state's swatch painted with the same lookup table and pattern as the
// canvas (so the legend is the truth), with its name. Swatches are tiny canvases; where there
// is no canvas (jsdom) only the names show.
import { useEffect, useRef } from 'react';
import type { CellLut } from '../theme/cellLut.ts';
import { layoutMap } from './mapLayout.ts';
import { paintBand } from './paintCells.ts';

const SWATCH_PX = 16;

function Swatch({ lut, code }: { lut: CellLut; code: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const l = { ...layoutMap(SWATCH_PX, SWATCH_PX, 1), cellPx: SWATCH_PX, gapPx: 0, rowPx: SWATCH_PX, cols: 1, rows: 1, cells: 1 };
    const px = new Uint32Array(SWATCH_PX * SWATCH_PX);
    paintBand(px, l, { offsetPx: 0, heightPx: SWATCH_PX }, new Uint8Array([code]), lut);
    ctx.putImageData(new ImageData(new Uint8ClampedArray(px.buffer as ArrayBuffer), SWATCH_PX, SWATCH_PX), 0, 0);
  }, [lut, code]);
  return <canvas ref={ref} className="legend-swatch" width={SWATCH_PX} height={SWATCH_PX} aria-hidden="true" />;
}

export interface LegendItem {
  code: number;
  name: string;
}

export function Legend({ title, lut, items }: { title: string; lut: CellLut; items: readonly LegendItem[] }) {
  return (
    <div className="legend">
      <span className="legend-title">{title}</span>
      <ul>
        {items.map((it) => (
          <li key={it.code}>
            <Swatch lut={lut} code={it.code} />
            {it.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
