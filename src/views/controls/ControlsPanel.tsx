// The first screen's control panel (PhET's, on the right): memory pressure, the one slider a
// class needs; the swap storage, which sets what reclaim costs; and the buttons that open the
// detail panels (settings, targets, charts, page walk).
import { PanelButtons } from '../panels/PanelButtons.tsx';
import { PressureControl } from './PressureControl.tsx';
import { SwapStorageControl } from './SwapStorageControl.tsx';

export function ControlsPanel() {
  return (
    <section className="panel controls-panel" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      <PressureControl />
      <SwapStorageControl />
      <PanelButtons />
    </section>
  );
}
