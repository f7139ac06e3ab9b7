// The hypervisor, between the VMs and the host frames: which policy runs, the state it is in
// and what that means, host memory at a glance, and the targets it sets.
import { policyEntry } from '../../sim/policy/catalog.ts';
import { SUMMARY_EVERY_MS, useThrottledView } from '../data/FrameHubContext.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { HostMemoryBar } from './HostMemoryBar.tsx';
import { hostWords, stateMeaning } from './hostStateWords.ts';
import { TargetsTable } from './TargetsTable.tsx';

export function HypervisorPanel() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const theme = sim.useTheme();
  const { summary } = useThrottledView(SUMMARY_EVERY_MS);
  const entry = policyEntry(scenario.policy.kind);
  return (
    <section className="panel hypervisor-panel" aria-labelledby="hv-heading">
      <h2 id="hv-heading">Hypervisor</h2>
      <p className="hv-policy"><strong>Policy:</strong> {entry?.label ?? scenario.policy.kind}</p>
      {summary ? (
        <>
          <p className="hv-state">
            <span className={`state-badge state-${summary.host.state.toLowerCase()}`}>{summary.host.state}</span>{' '}
            {stateMeaning(summary.host.state)}
          </p>
          <p className="hv-host">{hostWords(summary)}</p>
          <HostMemoryBar report={summary} theme={theme} />
          <TargetsTable report={summary} />
        </>
      ) : (
        <p>Waiting for the simulation…</p>
      )}
    </section>
  );
}
