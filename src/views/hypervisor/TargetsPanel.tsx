// The targets detail panel: the hypervisor's per-VM table (balloon, target, entitlement, active
// estimate, driver) on the latest summary.
import { SUMMARY_EVERY_MS, useThrottledView } from '../data/FrameHubContext.tsx';
import { TargetsTable } from './TargetsTable.tsx';

export function TargetsPanel() {
  const { summary } = useThrottledView(SUMMARY_EVERY_MS);
  return (
    <section className="panel targets-panel" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Targets</h2>
      {summary ? <TargetsTable report={summary} /> : <p>Waiting for the simulation…</p>}
    </section>
  );
}
