// One VM's controls: working set, footprint, memory, shares, minimum, the manual balloon
// target, the policy's per-VM parameters, and a Remove button; rarer settings under "More".
import type { Scenario } from '../../sim/scenario/types.ts';
import { policyEntry } from '../../sim/policy/catalog.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { ParamControl } from './ParamControl.tsx';

export function VmControls({ scenario, vm }: { scenario: Scenario; vm: number }) {
  const sim = useSim();
  const config = scenario.vms[vm];
  const p = `vms.${vm}`;
  const name = config.name;
  const vmParams = Object.keys(policyEntry(scenario.policy.kind)?.vmParams ?? {});
  return (
    <fieldset className="control-group vm-controls">
      <legend>{name}</legend>
      <ParamControl scenario={scenario} path={`${p}.workload.activeMiB`} label={`${name} working set`} maxOverride={config.memoryMiB * 2} />
      <ParamControl scenario={scenario} path={`${p}.workload.footprintMiB`} label={`${name} footprint`} maxOverride={config.memoryMiB * 2} />
      <ParamControl scenario={scenario} path={`${p}.memoryMiB`} label={`${name} memory`} />
      <ParamControl scenario={scenario} path={`${p}.shares`} label={`${name} shares`} />
      <ParamControl scenario={scenario} path={`${p}.minMiB`} label={`${name} minimum`} maxOverride={config.memoryMiB} />
      {scenario.policy.kind === 'manual' && (
        <ParamControl scenario={scenario} path={`${p}.balloon.targetMiB`} label={`${name} balloon target`} maxOverride={config.memoryMiB} />
      )}
      {vmParams.map((key) => <ParamControl key={key} scenario={scenario} path={`${p}.${key}`} />)}
      <details>
        <summary>More {name} settings</summary>
        <ParamControl scenario={scenario} path={`${p}.workload.kind`} label={`${name} workload`} />
        <ParamControl scenario={scenario} path={`${p}.workload.accessesPerSec`} label={`${name} access rate`} />
        <ParamControl scenario={scenario} path={`${p}.balloon.enabled`} label={`${name} balloon driver`} />
        <ParamControl scenario={scenario} path={`${p}.balloon.driver`} label={`${name} driver`} />
        <ParamControl scenario={scenario} path={`${p}.guestSwapMiB`} label={`${name} guest swap`} />
      </details>
      {!sim.useHidden().includes('vms') && scenario.vms.length > 1 && (
        <button type="button" className="danger" onClick={() => sim.removeVm(vm)}>Remove {name}</button>
      )}
    </fieldset>
  );
}
