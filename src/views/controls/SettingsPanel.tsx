// The settings detail panel: the host, the hypervisor policy, one group per VM and Add VM, all
// generated from the scenario's parameter tables.
import { MAX_VMS } from '../../sim/scenario/params.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { HostControls } from './HostControls.tsx';
import { PolicyControls } from './PolicyControls.tsx';
import { VmControls } from './VmControls.tsx';

export function SettingsPanel() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const canAdd = scenario.vms.length < MAX_VMS && !sim.useHidden().includes('vms');
  return (
    <section className="panel settings-panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <div className="settings-groups">
        <HostControls scenario={scenario} />
        <PolicyControls scenario={scenario} />
        {scenario.vms.map((_, i) => (
          <VmControls key={i} scenario={scenario} vm={i} />
        ))}
      </div>
      {canAdd && (
        <button type="button" onClick={() => sim.addVm()}>
          Add VM
        </button>
      )}
    </section>
  );
}
