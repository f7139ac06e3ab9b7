// Parameter paths: one string names each scenario parameter, the same in the store's setters,
// the worker's input log and the link's keys: `seed`, `tickMs`, `host.memoryMiB`, `policy.kind`,
// `policy.<key>`, `vms.<i>.memoryMiB`, `vms.<i>.name`, `vms.<i>.<policy key>`,
// `vms.<i>.balloon.<key>`, `vms.<i>.workload.<key>`. Paths address the public scenario JSON
// (scenarioToJson); values are validated by the scenario's own parameter specs. Pure module.
import { policyEntry } from '../policy/catalog.ts';
import type { ParamSpec, SpecTable } from './paramSpec.ts';
import { BALLOON_PARAMS, HOST_PARAMS, POLICY_KIND_SPEC, TOP_PARAMS, VM_NAME_SPEC, VM_PARAMS, WORKLOAD_PARAMS } from './params.ts';
import { scenarioToJson } from './serialize.ts';
import type { ParamValue, Scenario } from './types.ts';
import { validateScenario } from './validate.ts';

export interface ParamChange {
  path: string;
  value: ParamValue;
}

/** The spec of a parameter path in this scenario, or undefined for an unknown path. */
export function specAt(scenario: Scenario, path: string): ParamSpec | undefined {
  const parts = path.split('.');
  const own = (table: SpecTable, key: string | undefined): ParamSpec | undefined =>
    key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
  if (parts.length === 1) return own(TOP_PARAMS, parts[0]);
  if (parts[0] === 'host' && parts.length === 2) return own(HOST_PARAMS, parts[1]);
  if (parts[0] === 'policy' && parts.length === 2) {
    if (parts[1] === 'kind') return POLICY_KIND_SPEC;
    return own(policyEntry(scenario.policy.kind)?.params ?? {}, parts[1]);
  }
  if (parts[0] !== 'vms' || !/^\d+$/.test(parts[1] ?? '') || Number(parts[1]) >= scenario.vms.length) return undefined;
  if (parts.length === 3) {
    if (parts[2] === 'name') return VM_NAME_SPEC;
    return own(VM_PARAMS, parts[2]) ?? own(policyEntry(scenario.policy.kind)?.vmParams ?? {}, parts[2]);
  }
  if (parts.length === 4 && parts[2] === 'balloon') return own(BALLOON_PARAMS, parts[3]);
  if (parts.length === 4 && parts[2] === 'workload') return own(WORKLOAD_PARAMS, parts[3]);
  return undefined;
}

/** Reads a path from the scenario JSON (scenarioToJson shape). */
export function getParam(json: Record<string, unknown>, path: string): unknown {
  let node: unknown = json;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Writes a path into the scenario JSON, creating objects on the way; ignores unsafe keys. */
export function setParam(json: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype' || k === '')) return;
  let node: Record<string, unknown> = json;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export type ChangeResult = { ok: true; scenario: Scenario; corrections: string[] } | { ok: false; errors: string[] };

/** Applies changes to a scenario and validates the result as a link is validated (clamping,
 * with the corrections listed). Unknown paths are refused. */
export function applyChanges(scenario: Scenario, changes: readonly ParamChange[]): ChangeResult {
  const json = scenarioToJson(scenario);
  for (const c of changes) {
    if (!specAt(scenario, c.path)) return { ok: false, errors: [`${c.path}: not a parameter of this scenario`] };
    setParam(json, c.path, c.value);
  }
  const r = validateScenario(json, 'clamp');
  return r.ok ? { ok: true, scenario: r.scenario, corrections: r.corrections } : { ok: false, errors: r.errors };
}

/** Parameters the model reads every tick, so a change applies live from the current tick (a
 * footprint or file size change is carried out as the guest would: see guest/liveResize.ts);
 * every other change restarts the run at 0 s with the changed scenario. Per VM: */
export const LIVE_VM_PARAMS = [
  'balloon.targetMiB',
  'workload.accessesPerSec',
  'workload.writePercent',
  'workload.activeMiB',
  'workload.footprintMiB',
  'workload.fileMiB',
  'workload.periodSeconds',
  'workload.growMiBPerSec',
] as const;
const LIVE = new RegExp(`^vms\\.\\d+\\.(${LIVE_VM_PARAMS.join('|').replace(/\./g, '\\.')})$`);
/** Policy parameters the policy reads again at each reallocation (ESX and vSphere's idle tax,
 * W02 Fig. 7 changes it during a run). */
export const LIVE_POLICY_PARAMS = ['idleTaxPercent'] as const;
const LIVE_POLICY = new RegExp(`^policy\\.(${LIVE_POLICY_PARAMS.join('|')})$`);

export const isLiveParam = (path: string): boolean => LIVE.test(path) || LIVE_POLICY.test(path);

/** The live parameters whose values differ between two scenarios with the same VMs (what a
 * change did, the clamping that validation did to other live values included). */
export function liveDifferences(before: Scenario, after: Scenario): ParamChange[] {
  const a = scenarioToJson(before);
  const b = scenarioToJson(after);
  const out: ParamChange[] = [];
  for (const key of LIVE_POLICY_PARAMS) {
    const value = getParam(b, `policy.${key}`) as ParamValue;
    if (value !== undefined && getParam(a, `policy.${key}`) !== value) out.push({ path: `policy.${key}`, value });
  }
  after.vms.forEach((_, i) => {
    for (const key of LIVE_VM_PARAMS) {
      const path = `vms.${i}.${key}`;
      const value = getParam(b, path) as ParamValue;
      if (getParam(a, path) !== value) out.push({ path, value });
    }
  });
  return out;
}
