// One VM's controls: working set and footprint (file working set, files and heap for a file
// reader), memory, shares, minimum, the manual balloon target, the policy's per-VM parameters,
// and a Remove button; rarer settings under "More".
import type { Scenario } from '../../sim/scenario/types.ts';
import { policyEntry } from '../../sim/policy/catalog.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { ParamControl } from './ParamControl.tsx';
import { workloadLabels } from '../vms/workloadWords.ts';

export function VmControls({ scenario, vm }: { scenario: Scenario; vm: number }) {
  const sim = useSim();
  const config = scenario.vms[vm];
  const p = `vms.${vm}`;
  const name = config.name;
  const labels = workloadLabels(name, config.workload);
  const vmParams = Object.keys(policyEntry(scenario.policy.kind)?.vmParams ?? {});
  return (
    <fieldset className="control-group vm-controls">
      <legend>{name}</legend>
      <ParamControl scenario={scenario} path={`${p}.workload.activeMiB`} label={labels.active} maxOverride={config.memoryMiB * 2} />
      <ParamControl scenario={scenario} path={`${p}.workload.footprintMiB`} label={labels.footprint} maxOverride={config.memoryMiB * 2} />
      {config.workload.kind === 'filecache' && <ParamControl scenario={scenario} path={`${p}.workload.fileMiB`} label={`${name} files`} />}
      <ParamControl scenario={scenario} path={`${p}.memoryMiB`} label={`${name} memory`} />
      <ParamControl scenario={scenario} path={`${p}.shares`} label={`${name} shares`} />
      <ParamControl scenario={scenario} path={`${p}.minMiB`} label={`${name} minimum`} maxOverride={config.memoryMiB} />
      {scenario.policy.kind === 'manual' && (
        <ParamControl scenario={scenario} path={`${p}.balloon.targetMiB`} label={`${name} balloon target`} maxOverride={config.memoryMiB} />
      )}
      {vmParams.map((key) => (
        <ParamControl key={key} scenario={scenario} path={`${p}.${key}`} />
      ))}
      <details>
        <summary>More {name} settings</summary>
        <ParamControl scenario={scenario} path={`${p}.workload.kind`} label={`${name} workload`} />
        <ParamControl scenario={scenario} path={`${p}.workload.accessesPerSec`} label={`${name} access rate`} />
        <ParamControl scenario={scenario} path={`${p}.balloon.enabled`} label={`${name} balloon driver`} />
        <ParamControl scenario={scenario} path={`${p}.balloon.driver`} label={`${name} driver`} />
        <ParamControl scenario={scenario} path={`${p}.guestSwapMiB`} label={`${name} guest swap`} />
      </details>
      {!sim.useHidden().includes('vms') && scenario.vms.length > 1 && (
        <button type="button" className="danger" onClick={() => sim.removeVm(vm)}>
          Remove {name}
        </button>
      )}
    </fieldset>
  );
}
