// The numbers a VM card shows, from its summary entry: label, value with unit, and a short
// plain-language hint for the title attribute. Pure.
import type { VmReport } from '../../sim/report.ts';

export interface Stat { label: string; value: string; hint: string }

const m = (x: number): string => `${Math.round(x)} MiB`;

export function vmStats(v: VmReport): Stat[] {
  return [
    { label: 'Backed', value: m(v.backedMiB), hint: 'Guest pages with a host frame behind them (present EPT entries).' },
    { label: 'Guest free', value: m(v.guestFreeMiB), hint: 'Pages the guest OS has free.' },
    { label: 'Page cache', value: m(v.guestCacheMiB), hint: 'File data the guest caches.' },
    { label: 'Anonymous', value: m(v.guestAnonMiB), hint: 'Process memory (heap, stack).' },
    { label: 'Guest swap', value: m(v.guestSwapMiB), hint: 'Pages the guest itself swapped out (it chose them).' },
    { label: 'Shared', value: m(v.sharedMiB), hint: 'Guest pages mapped to a copy-on-write frame shared with identical pages.' },
    { label: 'Host-swapped', value: m(v.hostSwappedMiB), hint: 'Pages the host swapped behind the guest\'s back.' },
    { label: 'Performance', value: `${Math.round(v.performance * 100)}%`, hint: 'Share of the workload\'s accesses done without stalling.' },
  ];
}
