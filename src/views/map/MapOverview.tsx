// The address bar above a map: an axis over the whole address space (in MiB) and a d3 brush
// showing, and setting, the window the map shows. Brushing a range zooms the map to it.
import { useEffect, useMemo, useRef } from 'react';
import { axisBottom, brushX, scaleLinear, select, type D3BrushEvent } from 'd3';
import type { PageWindow } from './mapWindow.ts';
import { PAGES_PER_MIB } from './units.ts';

export const OVERVIEW_HEIGHT_PX = 30;

interface Props {
  widthPx: number;
  totalPages: number;
  window: PageWindow;
  setWindow(w: PageWindow | null): void;
  label: string;
}

export function MapOverview({ widthPx, totalPages, window, setWindow, label }: Props) {
  const axisRef = useRef<SVGGElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, totalPages])
        .range([0, Math.max(1, widthPx - 1)]),
    [totalPages, widthPx],
  );
  const setRef = useRef(setWindow);
  setRef.current = setWindow;

  useEffect(() => {
    if (!axisRef.current) return;
    const mibScale = scaleLinear()
      .domain([0, totalPages / PAGES_PER_MIB])
      .range(x.range());
    select(axisRef.current).call(
      axisBottom(mibScale)
        .ticks(Math.max(2, Math.floor(widthPx / 90)))
        .tickFormat((d) => `${d} MiB`)
        .tickSizeOuter(0),
    );
  }, [totalPages, widthPx, x]);

  useEffect(() => {
    const g = brushRef.current;
    if (!g) return;
    const brush = brushX<unknown>()
      .extent([
        [0, 0],
        [Math.max(1, widthPx - 1), 12],
      ])
      .on('end', (e: D3BrushEvent<unknown>) => {
        if (!e.sourceEvent) return;
        const sel = e.selection as [number, number] | null;
        if (!sel) return setRef.current(null);
        const [a, b] = sel.map((v) => x.invert(v));
        setRef.current({ firstPage: a, pageCount: Math.max(1, b - a) });
      });
    const sel = select(g).call(brush);
    const full = window.firstPage === 0 && window.pageCount >= totalPages;
    sel.call(brush.move, full ? null : [x(window.firstPage), x(window.firstPage + window.pageCount)]);
    return () => {
      sel.on('.brush', null);
    };
  }, [widthPx, totalPages, window.firstPage, window.pageCount, x]);

  return (
    <svg className="map-overview" width={widthPx} height={OVERVIEW_HEIGHT_PX} role="group" aria-label={label}>
      <rect className="map-overview-track" x={0} y={0} width={Math.max(1, widthPx - 1)} height={12} />
      <g ref={brushRef} />
      <g ref={axisRef} transform="translate(0,12)" aria-hidden="true" />
    </svg>
  );
}
