// The charts as a table (their accessible alternative): for each chart and line, the value now
// and the lowest and highest values in the history shown.
import type { ChartSpec } from './chartSpecs.ts';

const fmt = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1));

export function ChartTable({ specs }: { specs: readonly ChartSpec[] }) {
  return (
    <table className="chart-table">
      <caption>Charts as numbers: now, lowest and highest in the shown history</caption>
      <thead>
        <tr>
          <th scope="col">Chart</th>
          <th scope="col">Line</th>
          <th scope="col">Now</th>
          <th scope="col">Lowest</th>
          <th scope="col">Highest</th>
        </tr>
      </thead>
      <tbody>
        {specs.flatMap((c) =>
          c.series
            .filter((s) => !s.secondary && s.points.length > 0)
            .map((s) => {
              const values = s.points.map((p) => p[1]);
              return (
                <tr key={`${c.id}/${s.id}`}>
                  <th scope="row">{c.title}</th>
                  <td>{s.label}</td>
                  <td>
                    {fmt(values[values.length - 1])} {c.unit}
                  </td>
                  <td>{fmt(Math.min(...values))}</td>
                  <td>{fmt(Math.max(...values))}</td>
                </tr>
              );
            }),
        )}
      </tbody>
    </table>
  );
}
