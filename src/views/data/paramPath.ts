// Parameter paths as the store, the worker's input log and links name them: 'host.memoryMiB',
// 'policy.kind', 'policy.<key>', 'vms.<i>.memoryMiB', 'vms.<i>.<policy key>',
// 'vms.<i>.balloon.<key>', 'vms.<i>.workload.<key>'. Paths address the public scenario JSON
// (scenarioToJson, policy keys flattened). The grammar and spec lookup are the model's
// (src/sim/scenario/paramPath.ts); here are the views' reads, through a per-scenario JSON cache.
import { getParam } from '../../sim/scenario/paramPath.ts';
import { scenarioToJson } from '../../sim/scenario/serialize.ts';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';

/** The spec of a parameter path: the model's own table lookup (one grammar for all). */
export { specAt } from '../../sim/scenario/paramPath.ts';

const jsonCache = new WeakMap<Scenario, Record<string, unknown>>();
function scenarioJson(s: Scenario): Record<string, unknown> {
  let j = jsonCache.get(s);
  if (!j) {
    j = scenarioToJson(s);
    jsonCache.set(s, j);
  }
  return j;
}

/** The value at a parameter path in this scenario, or undefined for an unknown path. */
export const valueAt = (s: Scenario, path: string): ParamValue | undefined => getParam(scenarioJson(s), path) as ParamValue | undefined;
