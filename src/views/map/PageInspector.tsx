// The selected page, in words: which page, and its counterpart across the EPT. Without the
// worker's page inspection it says what is known (the owner VM) and what is not.
import { useSim } from '../data/SimSourceContext.tsx';
import type { CounterpartView } from './useCounterpart.ts';

export function PageInspector({ cp }: { cp: CounterpartView }) {
  const sim = useSim();
  const names = sim.useScenario().vms.map((v) => v.name);
  const sel = cp.selected;
  if (!sel)
    return (
      <p className="page-inspector hint">
        Click a cell in any map (or move the cursor with the arrow keys and press Enter) to select a page and see its counterpart.
      </p>
    );
  const vmName = sel.vm >= 0 ? (names[sel.vm] ?? `VM ${sel.vm}`) : 'its owner';
  const what =
    sel.space === 'host'
      ? `Host frame ${sel.page}${sel.vm >= 0 ? ` (owner: ${vmName})` : ''}`
      : `Guest-physical page ${sel.page} of ${vmName}`;
  return (
    <div className="page-inspector" aria-live="polite">
      <p>
        <strong>Selected:</strong> {what}.{' '}
      </p>
      {cp.details ? (
        <p>{cp.details.text}</p>
      ) : (
        <p className="hint">
          {sel.space === 'host'
            ? `Its guest-physical page is in ${vmName}'s map (outlined); the exact page needs page inspection from the worker.`
            : `Its host frame is among ${vmName}'s frames, which stay bright in the host map; the exact frame needs page inspection from the worker.`}
        </p>
      )}
      <button type="button" onClick={() => sim.selectPage(null)}>
        Clear selection
      </button>
    </div>
  );
}
