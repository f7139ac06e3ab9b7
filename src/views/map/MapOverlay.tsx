// The SVG drawn over a map's canvas: row labels in the gutter (first page of a row), and
// outlines for the hovered cell, the keyboard cursor, the selected page and its counterpart,
// and the table page of the page walk's current reference.
// It also receives the pointer for d3-zoom, hover and click.
import type { MapLayout } from './mapLayout.ts';
import { cellRect } from './mapLayout.ts';
import type { PageWindow } from './mapWindow.ts';

export const GUTTER_PX = 50;
const LABEL_EVERY_PX = 36;

export interface Mark {
  cell: number;
  kind: 'hover' | 'cursor' | 'selected' | 'counterpart' | 'walk';
}

interface Props {
  layout: MapLayout;
  window: PageWindow;
  heightPx: number;
  marks: Mark[];
  svgRef: React.RefObject<SVGSVGElement | null>;
  onPointerMove(e: React.PointerEvent<SVGSVGElement>): void;
  onPointerLeave(): void;
  onClick(e: React.MouseEvent<SVGSVGElement>): void;
}

export function MapOverlay({ layout: l, window, heightPx, marks, svgRef, onPointerMove, onPointerLeave, onClick }: Props) {
  const every = Math.max(1, Math.ceil(LABEL_EVERY_PX / l.rowPx));
  const rows: number[] = [];
  for (let r = 0; r < l.rows; r += every) rows.push(r);
  return (
    <svg
      ref={svgRef}
      className="map-overlay"
      width={GUTTER_PX + l.widthPx}
      height={heightPx}
      aria-hidden="true"
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onClick={onClick}
    >
      <g className="map-row-labels">
        {rows.map((r) => (
          <text key={r} x={GUTTER_PX - 6} y={r * l.rowPx + Math.max(8, Math.min(l.rowPx, 10))} textAnchor="end">
            {Math.floor(window.firstPage + r * l.cols * l.pagesPerCell)}
          </text>
        ))}
      </g>
      <g transform={`translate(${GUTTER_PX},0)`}>
        <rect className="map-hit" x={0} y={0} width={l.widthPx} height={heightPx} />
        {marks
          .filter((m) => m.cell >= 0 && m.cell < l.cells)
          .map((m) => {
            const r = cellRect(l, m.cell);
            const pad = Math.max(2, 6 - r.width / 2);
            return (
              <rect
                key={m.kind}
                className={`map-mark map-mark-${m.kind}`}
                x={r.x - pad}
                y={r.y - pad}
                width={r.width + 2 * pad}
                height={r.height + 2 * pad}
              />
            );
          })}
      </g>
    </svg>
  );
}
