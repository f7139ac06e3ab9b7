// Keyboard use of a map: arrows move a cursor cell (its contents are read out), + and - zoom
// around the cursor, 0 shows the whole map, Enter or Space selects the cursor's page. Pure.
import type { MapLayout } from './mapLayout.ts';

export type MapKeyAction = { kind: 'cursor'; cell: number } | { kind: 'zoom'; factor: number } | { kind: 'reset' } | { kind: 'select' };

export const ZOOM_STEP = 2;

export function mapKey(key: string, cursor: number, l: MapLayout): MapKeyAction | null {
  const at = Math.max(0, cursor);
  const move = (to: number): MapKeyAction => ({ kind: 'cursor', cell: Math.min(l.cells - 1, Math.max(0, to)) });
  switch (key) {
    case 'ArrowRight':
      return move(cursor < 0 ? 0 : at + 1);
    case 'ArrowLeft':
      return move(at - 1);
    case 'ArrowDown':
      return move(cursor < 0 ? 0 : at + l.cols);
    case 'ArrowUp':
      return move(at - l.cols);
    case 'Home':
      return move(0);
    case 'End':
      return move(l.cells - 1);
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    case 'Enter':
    case ' ':
      return cursor >= 0 ? { kind: 'select' } : null;
    default:
      return null;
  }
}
