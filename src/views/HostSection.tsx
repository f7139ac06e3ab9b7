// The host column: its physical frames map, the selected page's details, in data-flow order
// after the VMs and the hypervisor.
import { HostMapView } from './map/HostMapView.tsx';
import { PageInspector } from './map/PageInspector.tsx';
import type { CounterpartView } from './map/useCounterpart.ts';
import { Term } from './glossary/Term.tsx';

/** Short enough for the first screen at 1280x800 (the map zooms for detail). */
const HOST_MAP_HEIGHT_PX = 90;

export function HostSection({ cp }: { cp: CounterpartView }) {
  return (
    <section className="panel host-section" aria-labelledby="host-heading">
      <h2 id="host-heading">
        <Term id="host">Host</Term> physical memory: <Term id="hostFrame">host frames</Term>
      </h2>
      <HostMapView cp={cp} heightPx={HOST_MAP_HEIGHT_PX} />
      <PageInspector cp={cp} />
    </section>
  );
}
