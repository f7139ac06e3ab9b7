// The one-slider squeeze: a demand multiplier over every VM's working set and footprint,
// relative to normal demand (1x when the scenario was loaded), with the first screen's
// interaction hint.
import { useEffect, useRef, useState } from 'react';
import { useSim } from '../data/SimSourceContext.tsx';
import { Term } from '../glossary/Term.tsx';
import { ParamSlider } from './ParamSlider.tsx';
import { PRESSURE_SPEC, pressureChanges, pressureWords, type PressureBaseline } from './pressure.ts';

export function PressureControl() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const [multiplier, setMultiplier] = useState(PRESSURE_SPEC.default);
  const baseline = useRef<PressureBaseline>(new Map());
  // Another scenario (preset, link, added or removed VM) starts again from normal demand.
  useEffect(() => {
    setMultiplier(PRESSURE_SPEC.default);
    baseline.current = new Map();
  }, [scenario.name, scenario.seed, scenario.vms.length]);
  if (sim.useHidden().includes('pressure')) return null;
  const onChange = (m: number): void => {
    const next = pressureChanges(scenario, multiplier, m, baseline.current);
    baseline.current = next.baseline;
    for (const c of next.changes) sim.setParam(c.path, c.value);
    setMultiplier(m);
  };
  return (
    <div className="pressure-control">
      <ParamSlider spec={PRESSURE_SPEC} value={multiplier} onChange={onChange} context={pressureWords(multiplier)} />
      <p className="hint">
        Raise the <Term id="pressure">memory pressure</Term>: the guests touch more memory, and when the host runs short the hypervisor
        tells the balloons to <Term id="inflate">inflate</Term>.
      </p>
    </div>
  );
}
