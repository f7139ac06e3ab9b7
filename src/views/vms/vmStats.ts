// The numbers a VM card shows, from its summary entry: label, value with unit, and the glossary
// term that explains the label (shown as its tooltip); the key ones and the rest. Pure.
import type { VmReport } from '../../sim/report.ts';
import type { TermId } from '../glossary/terms.ts';

export interface Stat {
  label: string;
  value: string;
  term: TermId;
}

const m = (x: number): string => `${Math.round(x)} MiB`;

/** The numbers of the ballooning story, always on the card. */
export function keyStats(v: VmReport): Stat[] {
  return [
    { label: 'Backed', value: m(v.backedMiB), term: 'backed' },
    { label: 'Guest free', value: m(v.guestFreeMiB), term: 'freeMemory' },
    { label: 'Guest swap', value: m(v.guestSwapMiB), term: 'guestSwap' },
    { label: 'Host-swapped', value: m(v.hostSwappedMiB), term: 'hostSwap' },
    { label: 'Performance', value: `${Math.round(v.performance * 100)}%`, term: 'performance' },
  ];
}

/** What the guest holds besides, behind the card's "More" disclosure. */
export function moreStats(v: VmReport): Stat[] {
  return [
    { label: 'Page cache', value: m(v.guestCacheMiB), term: 'pageCache' },
    { label: 'Anonymous', value: m(v.guestAnonMiB), term: 'heap' },
    { label: 'Shared', value: m(v.sharedMiB), term: 'pageSharing' },
    { label: 'Translation', value: `${v.translationSlowdown.toFixed(2)}x`, term: 'translation' },
  ];
}
