// Words for a memory map: the summary label of its role="img" canvas, the tooltip of one cell,
// and the rows of its table alternative. Host cells are named by owner and state, guest cells
// by use and backing. Pure.
import { BACKING_CELL_NAMES, GUEST_CELL_NAMES, HOST_CELL_NAMES, NO_OWNER } from '../../snapshot/cellCodes.ts';
import { PAGE_KIB } from './units.ts';
import { cellPages, type MapSnapshot } from './mapSnapshot.ts';

export type MapKind = 'host' | 'guest';

export interface TallyRow {
  label: string;
  cells: number;
  percent: number;
}

const ownerName = (owner: number, vmNames: readonly string[]): string => (owner === NO_OWNER ? 'no VM' : (vmNames[owner] ?? `VM ${owner}`));

/** Name of what one cell holds: "web: guest anonymous" / "anonymous (idle), host-swapped". */
export function cellStateName(kind: MapKind, code: number, second: number, vmNames: readonly string[]): string {
  if (kind === 'host') {
    const state = HOST_CELL_NAMES[code] ?? `code ${code}`;
    return second === NO_OWNER ? state : `${ownerName(second, vmNames)}: ${state}`;
  }
  return `${GUEST_CELL_NAMES[code] ?? `code ${code}`}, ${BACKING_CELL_NAMES[second] ?? `backing ${second}`}`;
}

/** Share of cells in each state, largest first (counted by code pair, named once). */
export function tally(kind: MapKind, s: MapSnapshot, vmNames: readonly string[]): TallyRow[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < s.cells.length; i++) {
    const key = s.cells[i] * 256 + s.second[i];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byLabel = new Map<string, number>();
  for (const [key, n] of counts) {
    const label = cellStateName(kind, key >> 8, key & 255, vmNames);
    byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  }
  const n = Math.max(1, s.cells.length);
  return [...byLabel.entries()]
    .map(([label, cells]) => ({ label, cells, percent: Math.round((cells / n) * 1000) / 10 }))
    .sort((a, b) => b.cells - a.cells || a.label.localeCompare(b.label));
}

const unitOf = (kind: MapKind): string => (kind === 'host' ? 'frame' : 'page');
export const mib = (pages: number): string => `${Math.round((pages * PAGE_KIB) / 1024)} MiB`;

/** The role="img" label: what the map covers and its largest states. */
export function describeMap(kind: MapKind, title: string, s: MapSnapshot | null, vmNames: readonly string[]): string {
  if (!s) return `${title}: waiting for the first frame.`;
  const { firstPage, pageCount } = s.window;
  const unit = unitOf(kind);
  const top = tally(kind, s, vmNames)
    .slice(0, 5)
    .map((r) => `${r.label} ${r.percent}%`)
    .join('; ');
  const detail = s.pagesPerCell === 1 ? `one ${unit} per cell` : `${s.pagesPerCell} ${unit}s per cell`;
  return `${title}, ${unit}s ${firstPage} to ${firstPage + pageCount - 1} (${mib(pageCount)}), ${detail}. Largest: ${top}.`;
}

/** Tooltip lines for one cell. */
export function describeCell(kind: MapKind, s: MapSnapshot, i: number, vmNames: readonly string[]): string[] {
  const [first, last] = cellPages(s, i);
  const unit = kind === 'host' ? 'Host frame' : 'Guest-physical page';
  const where = first === last ? `${unit} ${first} (0x${first.toString(16)})` : `${unit}s ${first}-${last}`;
  const lines = [where];
  if (kind === 'host') {
    const owner = s.second[i];
    lines.push(`Owner: ${ownerName(owner, vmNames)}`, `State: ${HOST_CELL_NAMES[s.cells[i]] ?? s.cells[i]}`);
  } else {
    lines.push(
      `Guest use: ${GUEST_CELL_NAMES[s.cells[i]] ?? s.cells[i]}`,
      `Host backing (EPT): ${BACKING_CELL_NAMES[s.second[i]] ?? s.second[i]}`,
    );
  }
  if (first !== last) lines.push(`(most common state of ${last - first + 1} ${unitOf(kind)}s; zoom in for single ${unitOf(kind)}s)`);
  return lines;
}
