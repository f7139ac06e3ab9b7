// The hypervisor policy: a live switch between the policies in the catalogue, its description,
// and its policy-wide parameters generated from the catalogue's table.
import { useId } from 'react';
import type { PolicyKind, Scenario } from '../../sim/scenario/types.ts';
import { POLICY_KINDS_ALL, policyEntry } from '../../sim/policy/catalog.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { TermText } from '../glossary/TermText.tsx';
import { ParamControl } from './ParamControl.tsx';

export function PolicyControls({ scenario }: { scenario: Scenario }) {
  const sim = useSim();
  const id = useId();
  if (sim.useHidden().includes('policy')) return null;
  const kinds = POLICY_KINDS_ALL.filter((k) => policyEntry(k));
  const entry = policyEntry(scenario.policy.kind);
  return (
    <fieldset className="control-group">
      <legend>Hypervisor policy</legend>
      <div className="param param-select">
        <label htmlFor={id}>Policy</label>
        <select id={id} value={scenario.policy.kind} onChange={(e) => sim.setParam('policy.kind', e.currentTarget.value as PolicyKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {policyEntry(k)?.label ?? k}
            </option>
          ))}
        </select>
      </div>
      {entry && (
        <p className="hint">
          <TermText text={entry.description} />
        </p>
      )}
      {entry && Object.keys(entry.params).map((key) => <ParamControl key={key} scenario={scenario} path={`policy.${key}`} />)}
    </fieldset>
  );
}
