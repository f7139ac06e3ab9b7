// A control generated from any parameter spec: a slider for numbers, a select for choices, a
// checkbox for flags. Reads the value at `path` in the scenario and writes through the store's
// validated setter, so every control in the app is one line of configuration.
import { useId } from 'react';
import type { ParamValue, Scenario } from '../../sim/scenario/types.ts';
import { specAt, valueAt } from '../data/paramPath.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { TermText } from '../glossary/TermText.tsx';
import { ParamSlider } from './ParamSlider.tsx';

export interface ParamControlProps {
  scenario: Scenario;
  path: string;
  label?: string;
  maxOverride?: number;
  context?: string;
}

export function ParamControl({ scenario, path, label, maxOverride, context }: ParamControlProps) {
  const sim = useSim();
  const hidden = sim.useHidden();
  const id = useId();
  const spec = specAt(scenario, path);
  if (!spec || hidden.includes(path)) return null;
  const value = valueAt(scenario, path) ?? spec.default;
  const set = (v: ParamValue): void => sim.setParam(path, v);
  const name = label ?? spec.label;
  switch (spec.kind) {
    case 'number':
      return <ParamSlider spec={spec} value={Number(value)} onChange={set} maxOverride={maxOverride} label={label} context={context} />;
    case 'enum':
      return (
        <div className="param param-select">
          <label htmlFor={id} title={spec.description}>
            <TermText text={name} />
          </label>
          <select id={id} value={String(value)} onChange={(e) => set(e.currentTarget.value)}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
    case 'boolean':
      return (
        <div className="param param-flag">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.currentTarget.checked)} />
          <label htmlFor={id} title={spec.description}>
            <TermText text={name} />
          </label>
        </div>
      );
    default:
      return null;
  }
}
