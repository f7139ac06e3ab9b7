// Pure layout of the two-layer page-walk diagram. The guest's levels run across: one column per
// guest-physical address the walk translates (each guest table page from CR3 down, then the
// data page), and a last column for the outcome. In each column the nested EPT walk runs down,
// one row per EPT level from the EPTP's root table to the host frame; the bottom row holds the
// guest entry read in that frame, whose pointer leads to the next column. Pixels out, no DOM.
import { scaleBand } from 'd3';
import type { Walk, WalkStep } from '../../sim/walk/walkTypes.ts';

export interface WalkColumn {
  /** "guest PML4", ..., "data". */
  translates: string;
  /** The guest-physical address this column's EPT walk translates. */
  guestPhysicalAddress: string;
  x: number;
  width: number;
}

export interface WalkNode {
  step: WalkStep;
  column: number;
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WalkLink {
  /** The step the arrow leaves (its target is the next reference). */
  fromStep: number;
  path: string;
}

export interface WalkLayout {
  width: number;
  height: number;
  columns: WalkColumn[];
  /** Row labels: "EPT PML4" ... "EPT PT", then "guest entry". */
  rows: { label: string; y: number; height: number }[];
  nodes: WalkNode[];
  links: WalkLink[];
  outcome: { x: number; y: number; width: number; height: number };
  headerHeight: number;
  rowLabelWidth: number;
}

export const HEADER_HEIGHT_PX = 44;
export const ROW_LABEL_WIDTH_PX = 74;
/** Widest column: a short walk (EPT only) keeps readable boxes instead of stretching. */
export const MAX_COLUMN_STEP_PX = 230;

/** Splits the steps into columns: a column starts with each new nested walk. */
export function columnsOf(steps: readonly WalkStep[]): WalkStep[][] {
  const columns: WalkStep[][] = [];
  let previous: WalkStep | null = null;
  for (const step of steps) {
    const starts =
      step.dimension === 'ept' && (previous === null || previous.dimension === 'guest' || previous.nestedWalkFor !== step.nestedWalkFor);
    if (starts || columns.length === 0) columns.push([]);
    columns[columns.length - 1].push(step);
    previous = step;
  }
  return columns;
}

const TABLE_NAMES = ['PT', 'PD', 'PDPT', 'PML4', 'PML5'];

/** Lays out `walk` in a widthPx x heightPx box. */
export function layoutWalk(walk: Walk, widthPx: number, heightPx: number): WalkLayout {
  const stepColumns = columnsOf(walk.steps);
  const eptRows = walk.eptLevels;
  const guestRow = walk.kind === 'two-dimensional' ? 1 : 0;
  const rowLabels = [
    ...Array.from({ length: eptRows }, (_, i) => `EPT ${TABLE_NAMES[eptRows - 1 - i]}`),
    ...(guestRow ? ['guest entry'] : []),
  ];
  const right = Math.min(widthPx, ROW_LABEL_WIDTH_PX + (stepColumns.length + 1) * MAX_COLUMN_STEP_PX);
  const x = scaleBand<number>()
    .domain(Array.from({ length: stepColumns.length + 1 }, (_, i) => i))
    .range([ROW_LABEL_WIDTH_PX, right])
    .paddingInner(0.12)
    .paddingOuter(0.02);
  const y = scaleBand<number>()
    .domain(rowLabels.map((_, i) => i))
    .range([HEADER_HEIGHT_PX, heightPx])
    .paddingInner(0.22);
  const nodes: WalkNode[] = [];
  stepColumns.forEach((column, c) => {
    for (const step of column) {
      const row = step.dimension === 'ept' ? eptRows - step.level : eptRows;
      nodes.push({ step, column: c, row, x: x(c)!, y: y(row)!, width: x.bandwidth(), height: y.bandwidth() });
    }
  });
  const columns: WalkColumn[] = stepColumns.map((column, c) => ({
    translates: column[0].nestedWalkFor ?? column[0].table,
    guestPhysicalAddress: column[0].indexFrom.address,
    x: x(c)!,
    width: x.bandwidth(),
  }));
  const links: WalkLink[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i];
    const b = nodes[i + 1];
    if (a.column === b.column) {
      links.push({ fromStep: a.step.step, path: `M${a.x + a.width / 2},${a.y + a.height} V${b.y - 2}` });
    } else {
      // The guest entry's pointer: up and across to the next column's first EPT reference.
      const sx = a.x + a.width;
      const sy = a.y + a.height / 2;
      const mx = sx + (x.step() - x.bandwidth()) / 2;
      links.push({ fromStep: a.step.step, path: `M${sx},${sy} H${mx} V${b.y + b.height / 2} H${b.x - 2}` });
    }
  }
  const last = nodes[nodes.length - 1];
  const oc = stepColumns.length;
  const outcome = { x: x(oc)!, y: HEADER_HEIGHT_PX, width: x.bandwidth(), height: heightPx - HEADER_HEIGHT_PX };
  if (last) links.push({ fromStep: last.step.step, path: `M${last.x + last.width},${last.y + last.height / 2} H${outcome.x - 2}` });
  return {
    width: widthPx,
    height: heightPx,
    columns,
    rows: rowLabels.map((label, i) => ({ label, y: y(i)!, height: y.bandwidth() })),
    nodes,
    links,
    outcome,
    headerHeight: HEADER_HEIGHT_PX,
    rowLabelWidth: ROW_LABEL_WIDTH_PX,
  };
}
