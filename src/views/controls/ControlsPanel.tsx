// The control area: memory pressure first (the one slider a class needs), then the host, the
// policy, and one group per VM with an Add VM button.
import { MAX_VMS } from '../../sim/scenario/params.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { HostControls } from './HostControls.tsx';
import { PolicyControls } from './PolicyControls.tsx';
import { PressureControl } from './PressureControl.tsx';
import { VmControls } from './VmControls.tsx';

export function ControlsPanel() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const canAdd = scenario.vms.length < MAX_VMS && !sim.useHidden().includes('vms');
  return (
    <section className="panel controls-panel" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      <PressureControl />
      <div className="control-groups">
        <HostControls scenario={scenario} />
        <PolicyControls scenario={scenario} />
        {scenario.vms.map((_, i) => <VmControls key={i} scenario={scenario} vm={i} />)}
      </div>
      {canAdd && <button type="button" onClick={() => sim.addVm()}>Add VM</button>}
    </section>
  );
}
