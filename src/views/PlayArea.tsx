// The explorable screen below the shell's top bar, laid out as PhET's: the play area on the left
// in data-flow order (the VMs with their balloons, the host's physical frames), on the right the
// control panel, the hypervisor (its state and the host's free memory) and "what just
// happened"; the detail panels (settings, targets, charts, page walk) below, opened on demand. It
// owns the FrameHub that fans frames out to the views, and applies the theme from the store.
import { useEffect, useMemo } from 'react';
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
import { Term } from './glossary/Term.tsx';
import { DetailArea } from './panels/DetailArea.tsx';
import { VmsSection } from './vms/VmsSection.tsx';
import './styles/index.css';

function Screen() {
  const sim = useSim();
  const theme = sim.useTheme();
  const cp = useCounterpart();
  return (
    <div className="play-area" data-theme={theme}>
      <div className="flow">
        <VmsSection cp={cp} />
        <div className="flow-arrow">
          ↓ the <Term id="ept">EPT</Term> maps guest pages to host frames · balloons <Term id="inflate">inflate</Term> to free frames,{' '}
          <Term id="deflate">deflate</Term> to take them back ↑
        </div>
        <HostSection cp={cp} />
      </div>
      <div className="side">
        <ControlsPanel />
        <HypervisorPanel />
        <ExplainPanel />
      </div>
      <DetailArea />
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
