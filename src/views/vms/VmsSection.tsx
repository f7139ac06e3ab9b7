// The VMs column: one card per VM, in the data-flow order's first place, and the guest maps'
// legend behind a disclosure (the cards say the numbers in words).
import { useSim } from '../data/SimSourceContext.tsx';
import { SUMMARY_EVERY_MS, useThrottledView } from '../data/FrameHubContext.tsx';
import type { CounterpartView } from '../map/useCounterpart.ts';
import { GuestLegends } from '../map/GuestMapView.tsx';
import { VmCard } from './VmCard.tsx';
import { Term } from '../glossary/Term.tsx';

export function VmsSection({ cp }: { cp: CounterpartView }) {
  const sim = useSim();
  const scenario = sim.useScenario();
  const { summary } = useThrottledView(SUMMARY_EVERY_MS);
  return (
    <section className="panel vms-section" aria-labelledby="vms-heading">
      <h2 id="vms-heading">
        Virtual machines: <Term id="guestPhysical">guest-physical memory</Term> and <Term id="balloon">balloons</Term>
      </h2>
      <div className="vm-cards">
        {scenario.vms.map((config, i) => (
          <VmCard key={i} vm={i} config={config} report={summary?.vms[i]} cp={cp} />
        ))}
      </div>
      <details className="map-legend">
        <summary>Map legend</summary>
        <GuestLegends theme={sim.useTheme()} />
      </details>
    </section>
  );
}
