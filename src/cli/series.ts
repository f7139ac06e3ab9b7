// The CLI's --series: a CSV of the run, one row every --every of simulated time (default 1 s)
// from 0 s. Columns (docs/cli-series.md): time; host figures; the event counters; the policy's
// internal figures (`policy.<key>`); and per VM, `<vm>.<field>`. Sizes are exact page counts,
// with MiB beside the balloon, its target and the host's free memory.
import { buildReport, type RunReport, type VmReport } from '../sim/report.ts';
import type { Simulation } from '../sim/Simulation.ts';
import type { Recorder } from './recordedRun.ts';
import { LineSink } from './sink.ts';

type Cell = string | number | boolean | undefined;
const HOST_COLUMNS: [string, (r: RunReport) => Cell][] = [
  ['simSeconds', (r) => r.simSeconds],
  ['host.state', (r) => r.host.state],
  ['host.freePages', (r) => r.host.freePages],
  ['host.freeMiB', (r) => r.host.freeMiB],
  ['host.hypervisorPages', (r) => r.host.hypervisorPages],
  ['host.swapUsedPages', (r) => r.host.swapUsedPages],
  ['host.sharedSavedPages', (r) => r.host.sharedSavedPages],
];
const VM_FIELDS: (keyof VmReport)[] = [
  'poweredOn',
  'blocked',
  'balloonPages',
  'balloonTargetPages',
  'balloonMiB',
  'balloonTargetMiB',
  'balloonActivity',
  'backedPages',
  'guestFreePages',
  'guestCachePages',
  'guestAnonPages',
  'guestSwapPages',
  'hostSwappedPages',
  'compressedPages',
  'sharedPages',
  'entitlementPages',
  'activeEstimatePages',
  'pressure',
  'performance',
  'guestMajorFaults',
  'oomKills',
];

function cell(v: Cell): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v === undefined || v === null) return '';
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Every column of a run's series, in order. */
export function seriesColumns(sim: Simulation): string[] {
  const counters = Object.keys(buildReport(sim, false).counters);
  const policy = Object.keys(sim.policy.internals?.() ?? {}).map((k) => `policy.${k}`);
  return [
    ...HOST_COLUMNS.map(([name]) => name),
    ...counters,
    ...policy,
    ...sim.vms.flatMap((vm) => VM_FIELDS.map((f) => `${vm.name}.${f}`)),
  ];
}

export function seriesRow(sim: Simulation): string {
  const r = buildReport(sim, false);
  const internals = sim.policy.internals?.() ?? {};
  const cells: Cell[] = [...HOST_COLUMNS.map(([, get]) => get(r)), ...Object.values(r.counters), ...Object.values(internals)];
  for (const vm of r.vms) for (const f of VM_FIELDS) cells.push(vm[f] as Cell);
  return cells.map(cell).join(',');
}

/** "100ms", "1s", "2.5s", "1m" -> ms; a message naming the allowed range otherwise. */
export function parseEvery(text: string, tickMs: number): number | string {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text.trim());
  const ms = m ? Number(m[1]) * { ms: 1, s: 1000, m: 60000 }[m[2] as 'ms' | 's' | 'm'] : NaN;
  if (!Number.isFinite(ms) || ms < tickMs || ms > 86_400_000)
    return `--every: "${text}" is not valid (allowed a time like 100ms, 1s or 1m, from the scenario's tick, ${tickMs} ms, to 24 h)`;
  return ms;
}

/** Writes a row at 0 s and then whenever the run reaches the next multiple of everyMs. */
export class SeriesRecorder implements Recorder {
  private readonly sink: LineSink;
  private readonly everyMs: number;
  private nextMs = 0;

  constructor(path: string, everyMs: number) {
    this.sink = new LineSink(path);
    this.everyMs = everyMs;
  }

  tick(sim: Simulation): void {
    if (sim.timeMs === 0) this.sink.line(seriesColumns(sim).join(','));
    if (sim.timeMs + 1e-6 < this.nextMs) return;
    this.sink.line(seriesRow(sim));
    while (this.nextMs <= sim.timeMs + 1e-6) this.nextMs += this.everyMs;
  }

  close(): void {
    this.sink.close();
  }
}
