// The "view as table" alternative to a map canvas: the share of cells in each state of the
// shown window, and the cells around the selection or cursor one by one.
import { describeCell, type MapKind, tally } from './describeMap.ts';
import type { MapSnapshot } from './mapSnapshot.ts';

interface Props {
  kind: MapKind;
  title: string;
  snapshot: MapSnapshot | null;
  vmNames: readonly string[];
  focusCell: number;
}

const NEIGHBOURS = 8;

export function MapTable({ kind, title, snapshot, vmNames, focusCell }: Props) {
  if (!snapshot) return <p>No frame yet.</p>;
  const rows = tally(kind, snapshot, vmNames);
  const from = Math.max(0, focusCell - NEIGHBOURS);
  const cells = Array.from({ length: Math.min(snapshot.cells.length - from, 2 * NEIGHBOURS + 1) }, (_, k) => from + k);
  return (
    <div className="map-table">
      <table>
        <caption>{title}: states in the shown window</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Cells</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.cells}</td>
              <td>{r.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>
          {title}: cells around {focusCell >= 0 ? 'the cursor' : 'the start'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Cell</th>
            <th scope="col">Contents</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((i) => (
            <tr key={i}>
              <th scope="row">{i}</th>
              <td>{describeCell(kind, snapshot, i, vmNames).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
