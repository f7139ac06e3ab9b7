// The scenario picker: the built-in presets by title. Picking one loads it (a new browser
// history entry); its "about" text describes the picker. A scenario that differs from every
// preset (from a link, a file, or a changed structure) shows as "Custom".
import { useMemo } from 'react';
import { useSimStore } from '../state/store.ts';
import { PRESETS } from '../sim/scenario/presets.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { presetScenario } from '../url/defaultState.ts';

const same = (a: Scenario | null, b: Scenario): boolean =>
  a !== null && JSON.stringify(scenarioToJson(a)) === JSON.stringify(scenarioToJson(b));

export function ScenarioPicker() {
  const scenario = useSimStore((s) => s.scenario);
  const preset = useMemo(() => PRESETS.find((p) => same(presetScenario(p.name), scenario)), [scenario]);
  const load = (value: string): void => {
    const s = presetScenario(value);
    if (s) useSimStore.getState().loadScenario(s);
  };
  return (
    <label className="scenario-picker" title={preset?.about}>
      Scenario
      <select value={preset?.name ?? ''} onChange={(e) => load(e.target.value)} aria-describedby="scenario-about">
        {!preset && <option value="">Custom{scenario.name !== 'custom' ? ` (from ${scenario.name})` : ''}</option>}
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
      <span id="scenario-about" className="visually-hidden">
        {preset?.about ?? 'A scenario from a link, a file or your changes.'}
      </span>
    </label>
  );
}
