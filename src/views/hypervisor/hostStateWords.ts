// Plain words for the hypervisor's state and the host's memory, as the hypervisor panel and the
// live region say them. Pure.
import type { RunReport } from '../../sim/report.ts';

/** What each policy state means for the guests (ESX, KVM MOM, ...); unknown states pass through. */
const STATE_MEANING: Readonly<Record<string, string>> = {
  high: 'enough free memory: no reclamation',
  clear: 'breaking large pages so they can be shared',
  soft: 'reclaiming by ballooning',
  hard: 'compressing and swapping guest pages',
  low: 'blocking VMs above their target until memory is freed',
  normal: 'no host pressure',
  pressure: 'host under pressure: balloons inflate',
  critical: 'critical pressure: balloons inflate fast',
  manual: 'balloon targets set by hand',
  none: 'no ballooning: the host swaps when it runs out',
};

export const stateMeaning = (state: string): string => STATE_MEANING[state.toLowerCase()] ?? '';

export function hostWords(r: RunReport): string {
  const pct = r.host.memoryMiB > 0 ? Math.round((r.host.freeMiB / r.host.memoryMiB) * 100) : 0;
  return `${Math.round(r.host.freeMiB)} MiB free of ${r.host.memoryMiB} MiB (${pct}%), ${Math.round(r.host.swapUsedMiB)} MiB in host swap.`;
}
