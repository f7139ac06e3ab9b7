// `sim --compare esx,kvm-mom,hyperv,xen,none`: runs one scenario (the same VMs, workloads and
// seed) under several hypervisor policies and sets the outcomes side by side: memory reclaimed
// (balloon, host swap and compression, sharing), guest and host swapping, double paging and
// each VM's performance; the scenario's schedule runs under each. Each VM's balloon driver becomes the policy's own (VMware's for
// esx/vsphere, virtio for kvm-mom, Xen's, Hyper-V's); the scenario is validated again for the
// new policy, so its per-VM keys are checked and defaulted.
import { buildReport, type RunReport } from '../sim/report.ts';
import { POLICY_KINDS_ALL, policyEntry } from '../sim/policy/catalog.ts';
import type { BalloonDriverKind } from '../sim/scenario/params.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import type { PolicyKind, Scenario } from '../sim/scenario/types.ts';
import { validateScenario } from '../sim/scenario/validate.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { pagesToMib } from '../sim/units.ts';
import { runRecorded, type Recorder } from './recordedRun.ts';

/** The balloon driver each hypervisor's guests run. */
export const NATIVE_DRIVER: Readonly<Partial<Record<PolicyKind, BalloonDriverKind>>> = {
  esx: 'vmware',
  vsphere: 'vmware',
  'kvm-mom': 'virtio',
  xen: 'xen',
  hyperv: 'hyperv',
};

export interface CompareRow {
  policy: string;
  hostState: string;
  reclaimedMiB: { balloon: number; hostSwap: number; compressed: number; sharing: number; total: number };
  guestSwapOutMiB: number;
  guestSwapInMiB: number;
  hostSwapOutMiB: number;
  hostSwapInMiB: number;
  doublePaging: number;
  oomKills: number;
  /** Work done / work demanded over the last 10 s, per VM name. */
  performance: Record<string, number>;
  invariantViolations: number;
}

export type CompareResult = { ok: true; rows: CompareRow[] } | { ok: false; error: string };

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The scenario with another policy: native drivers, and per-VM keys validated for that policy. */
export function scenarioForPolicy(s: Scenario, kind: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (!(POLICY_KINDS_ALL as readonly string[]).includes(kind) || !policyEntry(kind as PolicyKind)) {
    const known = POLICY_KINDS_ALL.filter((k) => policyEntry(k));
    return { ok: false, error: `--compare: policy "${kind}" is not available (registered: ${known.join(', ')})` };
  }
  const json = scenarioToJson(s);
  json.policy = { kind };
  const driver = NATIVE_DRIVER[kind as PolicyKind];
  if (driver) for (const vm of json.vms as { balloon: Record<string, unknown> }[]) vm.balloon.driver = driver;
  const r = validateScenario(json, 'strict');
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, error: `--compare ${kind}: ${r.errors.join('; ')}` };
}

function rowOf(r: RunReport): CompareRow {
  const sum = (f: (v: RunReport['vms'][number]) => number): number => r.vms.reduce((s, v) => s + f(v), 0);
  const balloon = sum((v) => v.balloonMiB);
  const hostSwap = sum((v) => v.hostSwappedMiB);
  const compressed = sum((v) => v.compressedMiB);
  const sharing = r.host.sharedSavedMiB;
  const mib = (pages: number): number => round1(pagesToMib(pages));
  return {
    policy: r.policy,
    hostState: r.host.state,
    reclaimedMiB: {
      balloon: round1(balloon),
      hostSwap: round1(hostSwap),
      compressed: round1(compressed),
      sharing: round1(sharing),
      total: round1(balloon + hostSwap + compressed + sharing),
    },
    guestSwapOutMiB: mib(r.counters.guestSwapOuts),
    guestSwapInMiB: mib(r.counters.guestSwapIns),
    hostSwapOutMiB: mib(r.counters.hostSwapOuts),
    hostSwapInMiB: mib(r.counters.hostSwapIns),
    doublePaging: r.counters.doublePaging,
    oomKills: r.counters.oomKills,
    performance: Object.fromEntries(r.vms.map((v) => [v.name, v.performance])),
    invariantViolations: r.invariantViolations.length,
  };
}

/** Runs the scenario for `seconds` under each policy kind, with the recorders asked for it. */
export function runCompare(
  s: Scenario,
  kinds: readonly string[],
  seconds: number,
  recorders: (kind: string, s: Scenario) => Recorder[] = () => [],
): CompareResult {
  const scenarios: Scenario[] = [];
  for (const kind of kinds) {
    const r = scenarioForPolicy(s, kind);
    if (!r.ok) return r;
    scenarios.push(r.scenario);
  }
  const rows: CompareRow[] = [];
  for (const scenario of scenarios) {
    let sim: Simulation;
    try {
      sim = runRecorded(scenario, seconds, recorders(scenario.policy.kind, scenario));
    } catch (e) {
      return { ok: false, error: `--compare ${scenario.policy.kind}: ${(e as Error).message}` };
    }
    rows.push(rowOf(buildReport(sim)));
  }
  return { ok: true, rows };
}

/** "esx, kvm-mom,none" -> ['esx', 'kvm-mom', 'none']; empty names dropped, duplicates kept once. */
export function parseKinds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    ),
  ];
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function formatCompare(s: Scenario, seconds: number, rows: readonly CompareRow[]): string {
  const names = s.vms.map((v) => v.name);
  const lines = [`Balloon Lab compare: scenario ${s.name}, seed ${s.seed}, ${seconds} simulated s, host ${s.host.memoryMiB} MiB`, ''];
  const head = `${'policy'.padEnd(10)}${pad('balloon', 9)}${pad('hSwap', 8)}${pad('zip', 6)}${pad('shared', 8)}${pad('total', 8)}${pad('gSwapOut', 10)}${pad('gSwapIn', 9)}${pad('hSwapOut', 10)}${pad('hSwapIn', 9)}${pad('dblPg', 7)}${pad('oom', 5)}`;
  lines.push(head + names.map((n) => pad(n.slice(0, 9), 10)).join(''));
  for (const r of rows) {
    const m = r.reclaimedMiB;
    lines.push(
      `${r.policy.padEnd(10)}${pad(m.balloon.toFixed(0), 9)}${pad(m.hostSwap.toFixed(0), 8)}${pad(m.compressed.toFixed(0), 6)}${pad(m.sharing.toFixed(0), 8)}${pad(m.total.toFixed(0), 8)}` +
        `${pad(r.guestSwapOutMiB.toFixed(0), 10)}${pad(r.guestSwapInMiB.toFixed(0), 9)}${pad(r.hostSwapOutMiB.toFixed(0), 10)}${pad(r.hostSwapInMiB.toFixed(0), 9)}${pad(r.doublePaging, 7)}${pad(r.oomKills, 5)}` +
        names.map((n) => pad((r.performance[n] ?? 0).toFixed(3), 10)).join(''),
    );
  }
  lines.push('');
  lines.push('(MiB at the end of the run: reclaimed = balloon + host swap + compressed + sharing saved; swap columns are');
  lines.push(' totals over the run; dblPg = guest swap-outs of pages the host had swapped; per-VM columns = performance');
  lines.push(' over the last 10 s, work done / work demanded)');
  for (const r of rows)
    lines.push(
      `${r.policy}: host state ${r.hostState}${r.invariantViolations > 0 ? `, ${r.invariantViolations} INVARIANT VIOLATIONS` : ''}`,
    );
  return lines.join('\n');
}

/** The CLI's --compare: output text (table or JSON), or an error for exit 2. */
export function compareCommand(
  s: Scenario,
  kindsText: string,
  seconds: number,
  json: boolean,
  recorders?: (kind: string, s: Scenario) => Recorder[],
): { ok: true; text: string } | { ok: false; error: string } {
  const kinds = parseKinds(kindsText);
  if (kinds.length === 0) return { ok: false, error: '--compare: give one or more policy kinds, e.g. --compare kvm-mom,xen,hyperv,none' };
  const r = runCompare(s, kinds, seconds, recorders);
  if (!r.ok) return r;
  const text = json
    ? JSON.stringify({ scenario: s.name, seed: s.seed, simSeconds: seconds, policies: r.rows }, null, 2)
    : formatCompare(s, seconds, r.rows);
  return { ok: true, text: `${text}\n` };
}
