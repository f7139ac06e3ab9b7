// The scenario part of a link: one key per parameter path whose value differs from its default
// (the seed and the VM count always written), and back: the keys into scenario JSON for the
// validator, which clamps every value and lists what it corrected.
import { policyEntry } from '../sim/policy/catalog.ts';
import type { ConfigOf, SpecTable } from '../sim/scenario/paramSpec.ts';
import { BALLOON_PARAMS, HOST_PARAMS, MAX_VMS, SCENARIO_FORMAT, TOP_PARAMS, VM_PARAMS, WORKLOAD_PARAMS } from '../sim/scenario/params.ts';
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';
import { setParam } from '../sim/scenario/paramPath.ts';
import type { LinkParams } from './migrations.ts';

const text = (v: ParamValue): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

function tableKeys<T extends SpecTable>(out: LinkParams, prefix: string, table: T, values: ConfigOf<T>): void {
  for (const key in table) {
    const v: ParamValue | undefined = values[key];
    if (v !== undefined && v !== table[key].default) out.push([`${prefix}${key}`, text(v)]);
  }
}

export function scenarioToKeys(s: Scenario): LinkParams {
  const out: LinkParams = [
    ['scn', s.name],
    ['seed', String(s.seed)],
  ];
  if (s.tickMs !== TOP_PARAMS.tickMs.default) out.push(['tickMs', String(s.tickMs)]);
  tableKeys(out, 'host.', HOST_PARAMS, s.host);
  out.push(['policy.kind', s.policy.kind]);
  const policy = policyEntry(s.policy.kind);
  tableKeys(out, 'policy.', policy?.params ?? {}, s.policy.params);
  out.push(['vms', String(s.vms.length)]);
  s.vms.forEach((vm, i) => {
    const p = `vms.${i}.`;
    if (vm.name !== `vm${i + 1}`) out.push([`${p}name`, vm.name]);
    tableKeys(out, p, VM_PARAMS, vm);
    tableKeys(out, p, policy?.vmParams ?? {}, vm.policy);
    tableKeys(out, `${p}balloon.`, BALLOON_PARAMS, vm.balloon);
    tableKeys(out, `${p}workload.`, WORKLOAD_PARAMS, vm.workload);
  });
  return out;
}

/** Keys of a link that belong to the scenario. */
export const isScenarioKey = (key: string): boolean =>
  /^(scn|seed|tickMs|vms|(host|policy)\.[A-Za-z]+|vms\.\d{1,3}\.([A-Za-z]+|(balloon|workload)\.[A-Za-z]+))$/.test(key) &&
  !/^vms\.\d+\.(balloon|workload)$/.test(key);

/** Scenario JSON (for validateScenario in 'clamp' mode) from a link's scenario keys. */
export function keysToScenarioJson(params: LinkParams, notes: string[]): Record<string, unknown> {
  const json: Record<string, unknown> = { format: SCENARIO_FORMAT, host: {}, policy: {} };
  const values = new Map(params.filter(([k]) => isScenarioKey(k)));
  const maxIndex = Math.max(
    -1,
    ...[...values.keys()]
      .map((k) => /^vms\.(\d+)\./.exec(k)?.[1])
      .filter((x) => x !== undefined)
      .map(Number),
  );
  let count = values.has('vms') ? Math.floor(Number(values.get('vms'))) : maxIndex + 1;
  if (!Number.isFinite(count) || count < 1 || count > MAX_VMS) {
    const fixed = Math.min(MAX_VMS, Math.max(1, Number.isFinite(count) ? count : maxIndex + 1));
    const given = values.get('vms');
    notes.push(
      given === undefined
        ? `vms: the link names no VM; using ${fixed} VM with default settings`
        : `vms: ${JSON.stringify(given).slice(0, 40)} is not a VM count (allowed 1 to ${MAX_VMS}); using ${fixed}`,
    );
    count = fixed;
  }
  json.vms = Array.from({ length: count }, (): Record<string, unknown> => ({}));
  for (const [key, value] of values) {
    if (key === 'vms') continue;
    if (key === 'scn') json.name = value;
    else if (/^vms\.\d+\./.test(key) && Number(key.split('.')[1]) >= count) notes.push(`${key}: there are only ${count} VMs; ignored`);
    else setParam(json, key, value);
  }
  return json;
}
