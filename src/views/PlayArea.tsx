// The explorable screen below the shell's top bar, in data-flow order: the VMs (guest-physical
// maps and balloons), the hypervisor (policy, state, targets), the host's physical frames; then
// the page walk, the charts, the "what just happened" panel and the controls. It owns the FrameHub that fans
// frames out to the views, and applies the theme from the store's ui slice.
import { useEffect, useMemo } from 'react';
import { ChartsSection } from './charts/ChartsSection.tsx';
import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { FrameHub } from './data/frameHub.ts';
import { FrameHubContext } from './data/FrameHubContext.tsx';
import { appSimSource } from './data/simSource.ts';
import type { SimSource } from './data/simTypes.ts';
import { SimSourceContext, useSim } from './data/SimSourceContext.tsx';
import { ExplainPanel } from './explain/ExplainPanel.tsx';
import { HostSection } from './HostSection.tsx';
import { HypervisorPanel } from './hypervisor/HypervisorPanel.tsx';
import { useCounterpart } from './map/useCounterpart.ts';
import { VmsSection } from './vms/VmsSection.tsx';
import { WalkSection } from './walk/WalkSection.tsx';
import './styles/index.css';

function Screen() {
  const sim = useSim();
  const theme = sim.useTheme();
  const cp = useCounterpart();
  return (
    <div className="play-area" data-theme={theme}>
      <div className="flow">
        <VmsSection cp={cp} />
        <div className="flow-arrow" aria-hidden="true">↓ balloon targets down, freed frames back ↓</div>
        <HypervisorPanel />
        <div className="flow-arrow" aria-hidden="true">↓ EPT maps guest pages to host frames ↓</div>
        <HostSection cp={cp} />
      </div>
      <WalkSection />
      <ChartsSection />
      <ExplainPanel />
      <ControlsPanel />
    </div>
  );
}

export function PlayArea({ source }: { source?: SimSource }) {
  const sim = useMemo(() => source ?? appSimSource(), [source]);
  const hub = useMemo(() => new FrameHub(sim), [sim]);
  useEffect(() => hub.start(), [hub]);
  return (
    <SimSourceContext.Provider value={sim}>
      <FrameHubContext.Provider value={hub}>
        <Screen />
      </FrameHubContext.Provider>
    </SimSourceContext.Provider>
  );
}
