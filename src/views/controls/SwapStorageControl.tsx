// The first screen's swap-storage choice: radio buttons over the named presets (swapStorage.ts)
// and what the choice means, in words: how long reading one page back takes.
import { useId } from 'react';
import { useSim } from '../data/SimSourceContext.tsx';
import { Term } from '../glossary/Term.tsx';
import { currentStorage, latencyWords, storageChanges, SWAP_STORAGES } from './swapStorage.ts';

export function SwapStorageControl() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const name = useId();
  if (sim.useHidden().includes('host.swapLatencyUs')) return null;
  const current = currentStorage(scenario);
  return (
    <fieldset className="swap-storage">
      <legend>
        <Term id="swap">Swap storage</Term>
      </legend>
      <div className="swap-options">
        {SWAP_STORAGES.map((d) => (
          <label key={d.id} className="swap-option">
            <input
              type="radio"
              name={name}
              value={d.id}
              checked={current?.id === d.id}
              onChange={() => {
                for (const c of storageChanges(scenario, d)) sim.setParam(c.path, c.value);
              }}
            />
            {d.label}
          </label>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {current ? '' : `Set by hand (${scenario.host.swapLatencyUs} µs): `}
        {latencyWords(scenario.host.swapLatencyUs)}; the cost of reclaim grows with it and with the amount reclaimed.
      </p>
    </fieldset>
  );
}
