// A memory map: ONE canvas filled through ImageData from the frame's cells (host frames or one
// guest's physical pages), with an SVG address bar and brush above, row labels and marks over
// it, d3-zoom pan and zoom that ask the worker for a new window, hover details, click and
// keyboard selection (single pages also name their EPT counterpart, asked of the worker), the
// page walk's current table page outlined, a
// role="img" summary and a "view as table" alternative.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MapId } from '../data/simTypes.ts';
import { useDraw } from '../data/FrameHubContext.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { describeCell, describeMap, type MapKind } from './describeMap.ts';
import { cellAt, layoutForCells } from './mapLayout.ts';
import { mapKey, ZOOM_STEP } from './mapKeys.ts';
import { cellOfPage, snapshotOf, type MapSnapshot } from './mapSnapshot.ts';
import { zoomAround } from './mapWindow.ts';
import { GUTTER_PX, MapOverlay, type Mark } from './MapOverlay.tsx';
import { MapOverview } from './MapOverview.tsx';
import { MapTable } from './MapTable.tsx';
import { paintSnapshot } from './paintSnapshot.ts';
import { useElementWidth } from './useElementWidth.ts';
import { useMapGestures } from './useMapGestures.ts';
import { useMapZoom } from './useMapZoom.ts';
import { useHoverDetails } from './useHoverDetails.ts';

const LABEL_EVERY_MS = 1000;

export interface MemoryMapProps {
  id: MapId;
  kind: MapKind;
  title: string;
  totalPages: number;
  heightPx: number;
  vmNames: readonly string[];
  /** Guest map: its VM. Host map: -1. */
  vm: number;
  focusVm?: number | null;
  selectedPage?: number | null;
  counterpartPage?: number | null;
  /** The table page of the page walk's current reference, outlined. */
  walkPage?: number | null;
  onSelect(page: number, second: number): void;
}

export function MemoryMap(p: MemoryMapProps) {
  const sim = useSim();
  const theme = sim.useTheme();
  const uid = useId();
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const snap = useRef<MapSnapshot | null>(null);
  const pixels = useRef<Uint32Array | undefined>(undefined);
  const [label, setLabel] = useState(() => describeMap(p.kind, p.title, null, p.vmNames));
  const [hover, setHover] = useState<{ cell: number; x: number; y: number } | null>(null);
  const [cursor, setCursor] = useState(-1);
  const [table, setTable] = useState(false);
  const labelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestSnap = useRef<MapSnapshot | null>(null);
  useEffect(
    () => () => {
      if (labelTimer.current) clearTimeout(labelTimer.current);
    },
    [],
  );
  const width = Math.max(120, useElementWidth(stageRef) - GUTTER_PX);
  const zoom = useMapZoom(p.id, p.totalPages, width, p.heightPx, p.kind === 'guest');
  const { layout, window } = zoom;
  useMapGestures(svgRef, { ...zoom, totalPages: p.totalPages, setWindow: zoom.setWindow }, GUTTER_PX);

  useDraw((frame) => {
    const s = snapshotOf(frame, p.id, snap.current);
    snap.current = s;
    const canvas = canvasRef.current;
    if (!s || !canvas) return;
    const l = layoutForCells(width, p.heightPx, s.window.pageCount, s.cells.length, p.kind === 'guest');
    const px = paintSnapshot(p.kind, s, l, { theme, vm: p.vm, focusVm: p.focusVm ?? null }, pixels.current);
    pixels.current = px;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.putImageData(
        new ImageData(new Uint8ClampedArray(px.buffer as ArrayBuffer, px.byteOffset, px.byteLength), l.cols * l.cellPx, l.rows * l.rowPx),
        0,
        0,
      );
    }
    // Measurement hook (docs/performance.md, "Screen"): the tick of the frame last painted.
    canvas.dataset.tick = String(frame.ticks);
    // The summary label follows at most once a second, always ending on the latest frame.
    latestSnap.current = s;
    if (labelTimer.current === null) {
      labelTimer.current = setTimeout(() => {
        labelTimer.current = null;
        setLabel(describeMap(p.kind, p.title, latestSnap.current, p.vmNames));
      }, LABEL_EVERY_MS);
    }
  });

  // Cells are numbered in the current window's layout; the drawn snapshot may lag a zoom by a
  // frame, so pages come from the layout and states from the snapshot cell holding that page.
  const s = snap.current;
  const pageOfCell = (cell: number): number => Math.floor(window.firstPage + cell * layout.pagesPerCell);
  const cellOf = (page: number | null | undefined): number =>
    page == null || page < window.firstPage || page >= window.firstPage + window.pageCount
      ? -1
      : Math.floor((page - window.firstPage) / layout.pagesPerCell);
  const describe = (cell: number): string[] | null => {
    const sc = s && cell >= 0 && cell < layout.cells ? cellOfPage(s, pageOfCell(cell)) : -1;
    if (!s || sc < 0 || sc >= s.cells.length) return null;
    const lines = describeCell(p.kind, s, sc, p.vmNames);
    return s.pagesPerCell === layout.pagesPerCell ? lines : [...lines, '(updating to the new zoom…)'];
  };
  const select = (cell: number): void => {
    const sc = s && cell >= 0 && cell < layout.cells ? cellOfPage(s, pageOfCell(cell)) : -1;
    if (!s || sc < 0 || sc >= s.cells.length) return;
    p.onSelect(pageOfCell(cell), s.second[sc]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const a = mapKey(e.key, cursor, layout);
    if (!a) return;
    e.preventDefault();
    e.stopPropagation(); // the map owns these keys while focused (not the app's play/step hotkeys)
    if (a.kind === 'cursor') setCursor(a.cell);
    else if (a.kind === 'select') select(cursor);
    else if (a.kind === 'reset') zoom.setWindow(null);
    else {
      const focus = cursor >= 0 ? pageOfCell(cursor) : window.firstPage + window.pageCount / 2;
      zoom.setWindow(zoomAround(window, focus, a.factor, p.totalPages, zoom.minPages));
    }
  };
  const marks: Mark[] = [
    { cell: cellOf(p.counterpartPage), kind: 'counterpart' },
    { cell: cellOf(p.walkPage), kind: 'walk' },
    { cell: cellOf(p.selectedPage), kind: 'selected' },
    { cell: cursor, kind: 'cursor' },
    { cell: hover?.cell ?? -1, kind: 'hover' },
  ];
  const single = (cell: number | undefined): number | null =>
    cell !== undefined && cell >= 0 && layout.pagesPerCell === 1 ? pageOfCell(cell) : null;
  const hoverLine = useHoverDetails(p.kind, p.vm, single(hover?.cell), p.vmNames);
  const cursorLine = useHoverDetails(p.kind, p.vm, single(cursor), p.vmNames);
  const readout = cursor >= 0 ? [...(describe(cursor) ?? []), ...(cursorLine ? [cursorLine] : [])].join('. ') : '';
  const described = hover ? describe(hover.cell) : null;
  const tooltip = described && hoverLine ? [...described, hoverLine] : described;
  const zoomBy = (f: number): void =>
    zoom.setWindow(zoomAround(window, window.firstPage + window.pageCount / 2, f, p.totalPages, zoom.minPages));
  const whole = window.firstPage === 0 && window.pageCount >= p.totalPages;

  return (
    <figure className={`memory-map memory-map-${p.kind}`}>
      <figcaption className="map-caption">
        <span className="map-title">{p.title}</span>
        <span className="map-detail">{layout.pagesPerCell === 1 ? '1 page/cell' : `${layout.pagesPerCell} pages/cell`}</span>
        <span className="map-buttons">
          <button type="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label={`Zoom in on ${p.title}`}>
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={whole} aria-label={`Zoom out of ${p.title}`}>
            −
          </button>
          <button type="button" onClick={() => zoom.setWindow(null)} disabled={whole} aria-label={`Show all of ${p.title}`}>
            All
          </button>
          <button type="button" aria-pressed={table} onClick={() => setTable(!table)} aria-label={`View ${p.title} as table`}>
            Table
          </button>
        </span>
      </figcaption>
      <div className="map-overview-row" style={{ paddingLeft: GUTTER_PX }}>
        <MapOverview
          widthPx={width}
          totalPages={p.totalPages}
          window={window}
          setWindow={zoom.setWindow}
          label={`${p.title} address range`}
        />
      </div>
      <div
        ref={stageRef}
        className="map-stage"
        style={{ height: p.heightPx }}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby={`${uid}-keys`}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvasRef} className="map-canvas" width={width} height={p.heightPx} style={{ left: GUTTER_PX }} />
        <MapOverlay
          layout={layout}
          window={window}
          heightPx={p.heightPx}
          marks={marks}
          svgRef={svgRef}
          onPointerMove={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const x = e.clientX - r.left - GUTTER_PX;
            const y = e.clientY - r.top;
            setHover({ cell: cellAt(layout, x, y), x: x + GUTTER_PX, y });
          }}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            select(cellAt(layout, e.clientX - r.left - GUTTER_PX, e.clientY - r.top));
          }}
        />
        {hover && tooltip && (
          <div
            className="map-tooltip"
            style={{
              left: Math.max(0, Math.min(hover.x + 14, width - 120)),
              top: hover.y < p.heightPx - 70 ? hover.y + 14 : Math.max(0, hover.y - 70),
            }}
          >
            {tooltip.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
      </div>
      <p id={`${uid}-keys`} className="visually-hidden">
        Arrow keys move a cursor over the cells; plus and minus zoom; 0 shows the whole map; Enter selects.
      </p>
      <div className="map-readout" aria-live="polite">
        {readout}
      </div>
      {table && <MapTable kind={p.kind} title={p.title} snapshot={s} vmNames={p.vmNames} focusCell={cursor} />}
    </figure>
  );
}
