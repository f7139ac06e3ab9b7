// The host column: its physical frames map, the selected page's details, in data-flow order
// after the VMs and the hypervisor.
import { HostMapView } from './map/HostMapView.tsx';
import { PageInspector } from './map/PageInspector.tsx';
import type { CounterpartView } from './map/useCounterpart.ts';

export function HostSection({ cp }: { cp: CounterpartView }) {
  return (
    <section className="panel host-section" aria-labelledby="host-heading">
      <h2 id="host-heading">Host physical memory</h2>
      <HostMapView cp={cp} heightPx={180} />
      <PageInspector cp={cp} />
    </section>
  );
}
