// Parameter paths as the store, the worker's input log and links name them: 'host.memoryMiB',
// 'policy.kind', 'policy.<key>', 'vms.<i>.memoryMiB', 'vms.<i>.<policy key>',
// 'vms.<i>.balloon.<key>', 'vms.<i>.workload.<key>'. Paths address the public scenario JSON
// (scenarioToJson, policy keys flattened). The grammar and spec lookup are the store's
// (src/state/paramPath.ts); here are the views' reads through a per-scenario JSON cache and the
// stand-in store's immutable writes. Pure.
import { getParam } from '../../sim/scenario/paramPath.ts';
import { scenarioToJson } from '../../sim/scenario/serialize.ts';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';

/** The spec of a parameter path: the store's own table lookup (one grammar for both). */
export { specAt } from '../../sim/scenario/paramPath.ts';

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

export const valueAt = (s: Scenario, path: string): ParamValue | undefined => getParam(scenarioJson(s), path) as ParamValue | undefined;
