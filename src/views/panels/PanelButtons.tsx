// Disclosure buttons for the detail panels (panelList.ts): each shows and hides its panel below
// the first screen (aria-expanded, aria-controls) and scrolls an opened panel into view.
import { useSim } from '../data/SimSourceContext.tsx';
import { DETAIL_PANELS, panelDomId } from './panelList.ts';

export function PanelButtons() {
  const sim = useSim();
  const open = sim.useOpenPanels();
  const toggle = (id: string): void => {
    const opening = !open.includes(id);
    sim.togglePanel(id);
    if (opening) requestAnimationFrame(() => document.getElementById(panelDomId(id))?.scrollIntoView?.({ block: 'start' }));
  };
  return (
    <div className="panel-buttons" role="group" aria-label="Detail panels">
      {DETAIL_PANELS.map((p) => (
        <button
          key={p.id}
          type="button"
          aria-expanded={open.includes(p.id)}
          aria-controls={panelDomId(p.id)}
          aria-keyshortcuts={p.hotkey}
          title={`${p.label} (${p.hotkey.toUpperCase()})`}
          onClick={() => toggle(p.id)}
        >
          {open.includes(p.id) ? '▾' : '▸'} {p.label}
        </button>
      ))}
    </div>
  );
}
