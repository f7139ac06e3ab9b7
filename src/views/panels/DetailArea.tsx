// The detail panels below the first screen, each shown when open (panelList.ts). The charts
// stay mounted while closed so their history keeps every frame since the run was loaded.
import { ChartsSection } from '../charts/ChartsSection.tsx';
import { SettingsPanel } from '../controls/SettingsPanel.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { TargetsPanel } from '../hypervisor/TargetsPanel.tsx';
import { WalkSection } from '../walk/WalkSection.tsx';
import { panelDomId } from './panelList.ts';

export function DetailArea() {
  const open = useSim().useOpenPanels();
  const is = (id: string): boolean => open.includes(id);
  return (
    <div className="detail-area">
      {is('settings') && (
        <div id={panelDomId('settings')}>
          <SettingsPanel />
        </div>
      )}
      {is('targets') && (
        <div id={panelDomId('targets')}>
          <TargetsPanel />
        </div>
      )}
      <div id={panelDomId('charts')} hidden={!is('charts')}>
        <ChartsSection />
      </div>
      {is('walk') && (
        <div id={panelDomId('walk')}>
          <WalkSection />
        </div>
      )}
    </div>
  );
}
