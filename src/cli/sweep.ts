// `sim --sweep PATH=V1,V2,... [--sweep ...]`: the cross product of the values, one scenario per
// combination, each validated strictly (a bad value exits 2 naming the path and its range). A
// path is any parameter path of the scenario (live or not: each run is a scenario of its own),
// `policy.kind` (the policy's native balloon drivers, as --compare), or `vms`, the VM count (the
// last VM copied, or the last VMs dropped). Output: one CSV row per run, or a JSON array of
// reports; each run is deterministic from its scenario and seed.
import { specAt, setParam } from '../sim/scenario/paramPath.ts';
import { withVmAdded } from '../sim/scenario/edits.ts';
import { MAX_VMS } from '../sim/scenario/params.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { validateScenario } from '../sim/scenario/validate.ts';
import type { RunReport } from '../sim/report.ts';
import { scenarioForPolicy } from './compare.ts';

export interface SweepAxis {
  path: string;
  values: string[];
}
export interface SweepRun {
  values: Record<string, string>;
  scenario: Scenario;
}

/** Most runs one sweep makes. */
export const MAX_SWEEP_RUNS = 4096;

export function parseAxis(text: string): SweepAxis | string {
  const eq = text.indexOf('=');
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (eq <= 0 || values.length === 0) return `--sweep: "${text}" is not PATH=V1,V2,... (e.g. --sweep host.memoryMiB=4096,8192)`;
  return { path: text.slice(0, eq).trim(), values };
}

function withVmCount(s: Scenario, text: string): Scenario | string {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_VMS) return `--sweep vms: "${text}" is not valid (allowed 1 to ${MAX_VMS}, whole numbers)`;
  let out: Scenario = { ...s, vms: s.vms.slice(0, n), schedule: [] };
  while (out.vms.length < n) {
    const r = withVmAdded(out);
    if (!r.ok || r.corrections.length > 0) return `--sweep vms=${n}: ${(r.ok ? r.corrections : r.errors).join('; ')}`;
    out = r.scenario;
  }
  // The schedule is checked again: with fewer VMs, an entry may name one that is gone.
  const r = validateScenario({ ...scenarioToJson(out), ...(s.schedule.length > 0 ? { schedule: s.schedule } : {}) }, 'strict');
  return r.ok ? r.scenario : `--sweep vms=${n}: ${r.errors.join('; ')}`;
}

function withValue(s: Scenario, path: string, text: string): Scenario | string {
  if (path === 'vms') return withVmCount(s, text);
  if (path === 'policy.kind') {
    const r = scenarioForPolicy(s, text);
    return r.ok ? r.scenario : r.error.replace('--compare', '--sweep policy.kind');
  }
  const spec = specAt(s, path);
  if (!spec)
    return `--sweep: ${path} is not a parameter of this scenario (e.g. host.memoryMiB, vms.0.workload.activeMiB, policy.kind, vms)`;
  const value =
    spec.kind === 'number'
      ? Number(text)
      : spec.kind === 'boolean'
        ? text === 'true' || text === '1'
          ? true
          : text === 'false' || text === '0'
            ? false
            : text
        : text;
  const json = scenarioToJson(s);
  setParam(json, path, value);
  const r = validateScenario(json, 'strict');
  return r.ok ? r.scenario : `--sweep ${path}=${text}: ${r.errors.join('; ')}`;
}

/** Every combination of the axes' values (the first axis varies slowest). */
export function sweepRuns(base: Scenario, axes: readonly SweepAxis[]): SweepRun[] | string {
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_SWEEP_RUNS) return `--sweep: ${count} runs is too many (allowed up to ${MAX_SWEEP_RUNS})`;
  let runs: SweepRun[] = [{ values: {}, scenario: base }];
  // `vms` first, so per-VM paths of a copied VM exist when they are set.
  const ordered = [...axes].sort((a, b) => Number(b.path === 'vms') - Number(a.path === 'vms'));
  for (const axis of ordered) {
    const next: SweepRun[] = [];
    for (const run of runs) {
      for (const v of axis.values) {
        const s = withValue(run.scenario, axis.path, v);
        if (typeof s === 'string') return s;
        next.push({ values: { ...run.values, [axis.path]: v }, scenario: s });
      }
    }
    runs = next;
  }
  const key = (r: SweepRun): string => axes.map((a) => String(a.values.indexOf(r.values[a.path])).padStart(6, '0')).join('/');
  return runs.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

const SUMMARY = [
  'policy',
  'seed',
  'vmCount',
  'hostState',
  'hostFreeMiB',
  'hostSwapUsedMiB',
  'balloonMiB',
  'hostSwappedMiB',
  'compressedMiB',
  'sharedSavedMiB',
  'minPerformance',
  'meanPerformance',
  'guestMajorFaults',
  'oomKills',
  'hostSwapOuts',
  'guestSwapOuts',
  'doublePaging',
  'invariantViolations',
];

/** One CSV row per run: the swept values, then a summary of its report. */
export function sweepCsv(axes: readonly SweepAxis[], runs: readonly SweepRun[], reports: readonly RunReport[]): string {
  const lines = [[...axes.map((a) => a.path), ...SUMMARY].join(',')];
  reports.forEach((r, i) => {
    const sum = (f: (v: RunReport['vms'][number]) => number): number => Math.round(r.vms.reduce((s, v) => s + f(v), 0) * 100) / 100;
    const perf = r.vms.map((v) => v.performance);
    const cells = [
      r.policy,
      r.seed,
      r.vms.length,
      r.host.state,
      r.host.freeMiB,
      r.host.swapUsedMiB,
      sum((v) => v.balloonMiB),
      sum((v) => v.hostSwappedMiB),
      sum((v) => v.compressedMiB),
      r.host.sharedSavedMiB,
      Math.min(...perf),
      Math.round((perf.reduce((a, b) => a + b, 0) / perf.length) * 10000) / 10000,
      r.counters.guestMajorFaults,
      r.counters.oomKills,
      r.counters.hostSwapOuts,
      r.counters.guestSwapOuts,
      r.counters.doublePaging,
      r.invariantViolations.length,
    ];
    lines.push(
      [...axes.map((a) => runs[i].values[a.path]), ...cells]
        .map((c) => (/[",]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c)))
        .join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}
