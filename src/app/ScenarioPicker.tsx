// The scenario picker: the built-in presets by title. Picking one loads it (a new browser
// history entry); its "about" text is shown as the picker's description.
import { useSimStore } from '../state/store.ts';
import { PRESETS } from '../sim/scenario/presets.ts';
import { presetScenario } from '../url/defaultState.ts';

export function ScenarioPicker() {
  const name = useSimStore((s) => s.scenario.name);
  const preset = PRESETS.find((p) => p.name === name);
  const load = (value: string): void => {
    const s = presetScenario(value);
    if (s) useSimStore.getState().loadScenario(s);
  };
  return (
    <label className="scenario-picker" title={preset?.about}>
      Scenario
      <select value={preset ? name : ''} onChange={(e) => load(e.target.value)} aria-describedby="scenario-about">
        {!preset && <option value="">Custom ({name})</option>}
        {PRESETS.map((p) => <option key={p.name} value={p.name}>{p.title}</option>)}
      </select>
      <span id="scenario-about" className="visually-hidden">{preset?.about ?? 'A scenario from a link or file.'}</span>
    </label>
  );
}
