// Edits of a whole scenario that the store and its stand-in both make: adding a VM (a copy of
// the last, with the first free name vmN) and removing one. Each returns the validated result
// (clamp mode, as a link is read), so every rule of validation (unique names, the host holding
// every VM's boot frames, the VM limit) applies to an edit exactly as to a file or a link.
import { MAX_VMS } from './params.ts';
import type { ChangeResult } from './paramPath.ts';
import { scenarioToJson } from './serialize.ts';
import type { Scenario } from './types.ts';
import { validateScenario } from './validate.ts';

type VmJson = Record<string, unknown>;

const validated = (json: Record<string, unknown>): ChangeResult => {
  const r = validateScenario(json, 'clamp');
  return r.ok ? { ok: true, scenario: r.scenario, corrections: r.corrections } : { ok: false, errors: r.errors };
};

/** The scenario with one more VM: a copy of the last VM named with the first free vmN. */
export function withVmAdded(scenario: Scenario): ChangeResult {
  if (scenario.vms.length >= MAX_VMS) return { ok: false, errors: [`vms: at most ${MAX_VMS} VMs`] };
  const json = scenarioToJson(scenario) as { vms: VmJson[] };
  const taken = new Set(scenario.vms.map((v) => v.name));
  let n = scenario.vms.length + 1;
  while (taken.has(`vm${n}`)) n++;
  const copyOfLast = (scenarioToJson(scenario) as { vms: VmJson[] }).vms[scenario.vms.length - 1];
  json.vms.push({ ...copyOfLast, name: `vm${n}` });
  return validated(json);
}

/** The scenario without VM `vm` (a scenario keeps at least one VM). */
export function withVmRemoved(scenario: Scenario, vm: number): ChangeResult {
  if (!Number.isInteger(vm) || vm < 0 || vm >= scenario.vms.length)
    return { ok: false, errors: [`vms.${vm}: no such VM (0 to ${scenario.vms.length - 1})`] };
  if (scenario.vms.length <= 1) return { ok: false, errors: ['vms: a scenario keeps at least one VM'] };
  const json = scenarioToJson(scenario) as { vms: unknown[] };
  json.vms.splice(vm, 1);
  return validated(json);
}
