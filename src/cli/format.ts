// Plain-text rendering of a run report for the terminal.
import type { RunReport } from '../sim/report.ts';

const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function formatReport(r: RunReport): string {
  const lines: string[] = [];
  lines.push(`Balloon Lab: scenario ${r.scenario}, policy ${r.policy}, seed ${r.seed}, ${r.simSeconds} simulated s`);
  lines.push(
    `Host: ${r.host.memoryMiB} MiB, free ${r.host.freeMiB} MiB, state ${r.host.state}, swap used ${r.host.swapUsedMiB} MiB, sharing saves ${r.host.sharedSavedMiB} MiB`,
  );
  lines.push('');
  lines.push(
    `${'VM'.padEnd(10)}${pad('memory', 8)}${pad('balloon', 9)}${pad('target', 8)}${pad('backed', 8)}${pad('free', 8)}${pad('cache', 8)}${pad('gSwap', 8)}${pad('hSwap', 8)}${pad('shared', 8)}${pad('entitled', 10)}${pad('active', 8)}${pad('perf', 7)}`,
  );
  for (const v of r.vms) {
    lines.push(
      `${v.name.padEnd(10)}${pad(v.memoryMiB, 8)}${pad(v.balloonMiB.toFixed(0), 9)}${pad(v.balloonTargetMiB.toFixed(0), 8)}${pad(v.backedMiB.toFixed(0), 8)}${pad(v.guestFreeMiB.toFixed(0), 8)}${pad(v.guestCacheMiB.toFixed(0), 8)}${pad(v.guestSwapMiB.toFixed(0), 8)}${pad(v.hostSwappedMiB.toFixed(0), 8)}${pad(v.sharedMiB.toFixed(0), 8)}${pad(v.entitlementMiB.toFixed(0), 10)}${pad(v.activeEstimateMiB.toFixed(0), 8)}${pad(v.performance.toFixed(3), 7)}`,
    );
  }
  lines.push(
    "(MiB; entitled and active = the policy's target allocation and active estimate; perf = work done / work demanded over the last 10 s)",
  );
  lines.push('');
  lines.push(
    'Counters: ' +
      Object.entries(r.counters)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  lines.push(r.invariantViolations.length === 0 ? 'Invariants: all hold' : `Invariants VIOLATED:\n  ${r.invariantViolations.join('\n  ')}`);
  return lines.join('\n');
}
