// One time-series chart in SVG: d3 scales, axes and line paths; the policy's state bands
// behind the lines; direct labels at the lines' ends (EndLabels: dodged apart); the schedule's
// changes as marks on the time axis (their words in a tooltip); and the shared time cursor
// (hover to move it, all charts follow). role="img" with the latest values in words.
import { memo, useEffect, useRef } from 'react';
import { axisBottom, axisLeft, line, max, scaleLinear, scaleSymlog, select } from 'd3';
import { cssColor, PALETTES, type Theme, vmRgb } from '../theme/themes.ts';
import type { ChartSpec, Series } from './chartSpecs.ts';
import { valueAt } from './chartSpecs.ts';
import { EndLabels } from './EndLabels.tsx';
import type { ScheduleMark } from './scheduleMarks.ts';

const M = { top: 8, right: 92, bottom: 22, left: 48 };

interface Props {
  spec: ChartSpec;
  widthPx: number;
  heightPx: number;
  timeDomain: [number, number];
  /** The schedule's entries (scheduled and recorded), drawn where they fall in the time domain. */
  marks: readonly ScheduleMark[];
  cursorS: number | null;
  onCursor(tS: number | null): void;
  theme: Theme;
}

/** 0, 1, 10, 100, ... up to the top, for a symmetric-log axis. */
export function logTicks(top: number): number[] {
  const ticks = [0];
  for (let t = 1; t <= top; t *= 10) ticks.push(t);
  return ticks;
}
const formatTick = (d: unknown): string => {
  const n = Number(d);
  return n >= 1000 ? `${n / 1000}k` : String(n);
};

const ROLE_VAR = { host: 'var(--chart-host)', accent: 'var(--chart-accent)', muted: 'var(--chart-muted)' } as const;

/** Memoised: redrawn only when its spec, size, time axis, cursor or theme change. */
export const LineChart = memo(function LineChart({ spec, widthPx, heightPx, timeDomain, marks, cursorS, onCursor, theme }: Props) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const iw = Math.max(40, widthPx - M.left - M.right);
  const ih = Math.max(30, heightPx - M.top - M.bottom);
  const yTop = spec.yMax ?? Math.max(spec.yAtLeast ?? 1, (max(spec.series, (s) => max(s.points, (p) => p[1]) ?? 0) ?? 0) * 1.1);
  const x = scaleLinear().domain(timeDomain).range([0, iw]);
  const y =
    spec.yScale === 'log'
      ? scaleSymlog().domain([0, yTop]).range([ih, 0]).constant(1)
      : scaleLinear().domain([0, yTop]).range([ih, 0]).nice();
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const colour = (s: Series): string => ('vm' in s.color ? cssColor(vmRgb(PALETTES[theme], s.color.vm)) : ROLE_VAR[s.color.role]);

  // Axes are rebuilt only when their domain or size changes (d3 replaces their tick nodes).
  const [t0, t1] = timeDomain;
  useEffect(() => {
    if (xAxis.current)
      select(xAxis.current).call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor(iw / 70)))
          .tickFormat((d) => `${d}s`),
      );
  }, [t0, t1, iw]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (yAxis.current)
      select(yAxis.current).call(
        spec.yScale === 'log' ? axisLeft(y).tickValues(logTicks(yTop)).tickFormat(formatTick) : axisLeft(y).ticks(4),
      );
  }, [yTop, ih, spec.yScale]); // eslint-disable-line react-hooks/exhaustive-deps

  const latest = spec.series
    .filter((s) => !s.secondary)
    .map((s) => `${s.label} ${Math.round(s.points[s.points.length - 1]?.[1] ?? 0)} ${spec.unit}`);
  return (
    <figure className="chart">
      <figcaption>{spec.title}</figcaption>
      <svg
        width={widthPx}
        height={heightPx}
        role="img"
        aria-label={`${spec.title}, now: ${latest.join(', ') || 'no data yet'}`}
        onPointerMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const px = e.clientX - r.left - M.left;
          onCursor(px >= 0 && px <= iw ? x.invert(px) : null);
        }}
        onPointerLeave={() => onCursor(null)}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {spec.guides?.bands.map((b, i) => (
            <g key={b.state} className={`band band-${i % 2 ? 'odd' : 'even'}`}>
              <rect x={0} width={iw} y={y(Math.min(b.toMiB, yTop))} height={Math.max(0, y(b.fromMiB) - y(Math.min(b.toMiB, yTop)))} />
              {y(b.fromMiB) - y(Math.min(b.toMiB, yTop)) >= 10 && (
                <text x={iw - 4} y={y(Math.min(b.toMiB, yTop)) + 9} textAnchor="end">
                  {b.state}
                </text>
              )}
            </g>
          ))}
          {spec.guides?.targets.map((t) => (
            <g key={t.label} className="guide-target">
              <line x1={0} x2={iw} y1={y(t.mib)} y2={y(t.mib)} />
              <text x={4} y={y(t.mib) - 3}>
                {t.label}
              </text>
            </g>
          ))}
          <g ref={xAxis} className="axis" transform={`translate(0,${ih})`} aria-hidden="true" />
          {marks
            .filter((m) => m.atS >= timeDomain[0] && m.atS <= timeDomain[1])
            .map((m, i) => (
              <g key={`${m.atS}-${i}`} className="schedule-mark" transform={`translate(${x(m.atS)},0)`}>
                <title>{`${m.atS} s: ${m.label}`}</title>
                <line y1={0} y2={ih} />
                <path d={`M-4,${ih + 1}L4,${ih + 1}L0,${ih - 6}Z`} />
              </g>
            ))}
          <g ref={yAxis} className="axis" aria-hidden="true" />
          {spec.series.map((s) => (
            <path
              key={s.id}
              d={path(s.points) ?? ''}
              fill="none"
              stroke={colour(s)}
              strokeDasharray={s.dash || undefined}
              className={s.secondary ? 'series series-secondary' : 'series'}
            />
          ))}
          <EndLabels
            plotWidthPx={iw}
            plotHeightPx={ih}
            labels={spec.series
              .filter((s) => !s.secondary && s.points.length > 0)
              .map((s) => ({ id: s.id, text: s.label, colour: colour(s), yPx: y(s.points[s.points.length - 1][1]) }))}
          />
          {cursorS !== null && (
            <g className="cursor">
              <line x1={x(cursorS)} x2={x(cursorS)} y1={0} y2={ih} />
              <text x={Math.min(x(cursorS) + 4, iw - 60)} y={10}>
                {spec.series
                  .filter((s) => !s.secondary)
                  .slice(0, 3)
                  .map((s) => `${s.label} ${Math.round(valueAt(s, cursorS) ?? 0)}`)
                  .join(' · ')}
              </text>
            </g>
          )}
        </g>
      </svg>
    </figure>
  );
});
