// Readings of the worker's walk answer for the views, pure: the reference counts for the
// toggles (the worker's, looked up by settings), the pages to highlight in the maps for the
// reference shown, and the semantic-gap panel's props for the page the walk reached.
import { plannedReferences, settingsKey, type WalkExploration, type WalkGap } from '../../sim/walk/index.ts';
import { PAGE_SIZE_BYTES } from '../../sim/units.ts';
import type { GuestPageUse, SemanticGapPanelProps } from './SemanticGapPanel.tsx';
import type { CountsFor } from './walkToggleCounts.ts';

/** The toggles' counts from the answer (every setting the toggles ask for is in it). */
export function countsOf(answer: WalkExploration): CountsFor {
  const byKey = new Map(answer.counts.map((c) => [settingsKey(c.settings), c]));
  return (s) => byKey.get(settingsKey(s)) ?? plannedReferences(s);
}

/** The table page of reference `step` in the maps: the guest-physical page being read or
 * translated (in the walk's VM), and the host frame the reference reads. */
export interface WalkMark {
  vm: number;
  guestPage: number | null;
  hostFrame: number | null;
}

export function markOf(answer: WalkExploration | null, step: number | null): WalkMark | null {
  const s = answer && step !== null ? answer.walk.steps[step - 1] : undefined;
  if (!answer || !s) return null;
  const translating = s.indexFrom.space === 'guest physical' ? Math.floor(Number(s.indexFrom.address) / PAGE_SIZE_BYTES) : null;
  return { vm: answer.target.vm, guestPage: s.dimension === 'guest' ? s.tableGuestPage : translating, hostFrame: s.tableHostFrame };
}

const USE: Record<WalkGap['guestKind'], GuestPageUse> = {
  free: 'free',
  kernel: 'kernel',
  'page table': 'page table',
  anonymous: 'anonymous',
  'page cache': 'cache',
  balloon: 'balloon',
  offline: 'offline',
};

export function gapProps(gap: WalkGap): SemanticGapPanelProps {
  const slot = gap.hostSwapSlot === null ? '' : ` (host swap slot ${gap.hostSwapSlot})`;
  const shared = gap.shared ? ', read-only: the frame is shared by page sharing' : '';
  return {
    guestPhysicalPage: gap.guestPhysicalPage,
    guestSees: { use: USE[gap.guestKind] },
    hypervisorSees: {
      backed: gap.hostFrame !== null,
      hostFrame: gap.hostFrame,
      accessed: gap.accessed,
      entry: `${gap.ept}${shared}${slot}`,
    },
  };
}
