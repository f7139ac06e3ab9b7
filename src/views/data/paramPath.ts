// Parameter paths as the store, the worker's input log and links name them: 'host.memoryMiB',
// 'policy.kind', 'policy.<key>', 'vms.<i>.memoryMiB', 'vms.<i>.<policy key>',
// 'vms.<i>.balloon.<key>', 'vms.<i>.workload.<key>'. Paths address the public scenario JSON
// (scenarioToJson, policy keys flattened). The views use them to find a control's spec and
// value; the stand-in store uses them to apply changes. Pure.
import type { ParamSpec, SpecTable } from '../../sim/scenario/paramSpec.ts';
import { BALLOON_PARAMS, HOST_PARAMS, VM_PARAMS, WORKLOAD_PARAMS } from '../../sim/scenario/params.ts';
import { scenarioToJson } from '../../sim/scenario/serialize.ts';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';
import { policyEntry } from '../../sim/policy/catalog.ts';

const own = (table: SpecTable | undefined, key: string | undefined): ParamSpec | undefined =>
  table && key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/** The spec of a parameter path in a scenario, or undefined ('policy.kind' has none: it is the policy picker). */
export function specAt(s: Scenario, path: string): ParamSpec | undefined {
  const parts = path.split('.');
  if (parts[0] === 'host' && parts.length === 2) return own(HOST_PARAMS, parts[1]);
  if (parts[0] === 'policy' && parts.length === 2) return own(policyEntry(s.policy.kind)?.params, parts[1]);
  if (parts[0] !== 'vms' || !/^\d+$/.test(parts[1] ?? '') || Number(parts[1]) >= s.vms.length) return undefined;
  if (parts.length === 3) return own(VM_PARAMS, parts[2]) ?? own(policyEntry(s.policy.kind)?.vmParams, parts[2]);
  if (parts.length === 4 && parts[2] === 'balloon') return own(BALLOON_PARAMS, parts[3]);
  if (parts.length === 4 && parts[2] === 'workload') return own(WORKLOAD_PARAMS, parts[3]);
  return undefined;
}

export function getAtPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A copy of obj with the value at path replaced (objects and arrays along the path are copied). */
export function setAtPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === '__proto__' || head === 'constructor' || head === 'prototype') return obj;
  const src = obj as unknown as Record<string, unknown>;
  const copy = (Array.isArray(obj) ? [...(obj as unknown[])] : { ...src }) as Record<string, unknown>;
  copy[head] = rest.length === 0 ? value : setAtPath(src?.[head] ?? {}, rest.join('.'), value);
  return copy as unknown as T;
}

const jsonCache = new WeakMap<Scenario, Record<string, unknown>>();
export function scenarioJson(s: Scenario): Record<string, unknown> {
  let j = jsonCache.get(s);
  if (!j) {
    j = scenarioToJson(s);
    jsonCache.set(s, j);
  }
  return j;
}

export const valueAt = (s: Scenario, path: string): ParamValue | undefined => getAtPath(scenarioJson(s), path) as ParamValue | undefined;
