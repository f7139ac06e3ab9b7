// The hypervisor, between the VMs and the host frames: which policy runs, the state it is in
// and what that means, and the host's free memory at a glance (the targets it sets are a
// detail panel, TargetsPanel.tsx).
import { policyEntry } from '../../sim/policy/catalog.ts';
import { SUMMARY_EVERY_MS, useThrottledView } from '../data/FrameHubContext.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { HostMemoryBar } from './HostMemoryBar.tsx';
import { hostWords, stateMeaning } from './hostStateWords.ts';
import { Term } from '../glossary/Term.tsx';

export function HypervisorPanel() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const theme = sim.useTheme();
  const { summary } = useThrottledView(SUMMARY_EVERY_MS);
  const entry = policyEntry(scenario.policy.kind);
  return (
    <section className="panel hypervisor-panel" aria-labelledby="hv-heading">
      <h2 id="hv-heading">
        <Term id="hypervisor">Hypervisor</Term>
      </h2>
      <p className="hv-policy">
        <strong>
          <Term id="policy">Policy</Term>:
        </strong>{' '}
        {entry?.label ?? scenario.policy.kind}
      </p>
      {summary ? (
        <>
          <p className="hv-state">
            <Term id="state">State</Term>:{' '}
            <span className={`state-badge state-${summary.host.state.toLowerCase()}`}>{summary.host.state}</span>{' '}
            {stateMeaning(summary.host.state)}
          </p>
          <p className="hv-host">
            <strong>
              <Term id="freeMemory">Host free memory</Term>:
            </strong>{' '}
            {hostWords(summary)}
          </p>
          <HostMemoryBar report={summary} theme={theme} />
        </>
      ) : (
        <p>Waiting for the simulation…</p>
      )}
    </section>
  );
}
