// The hypervisor's view of each VM: balloon size and target, entitlement, the active-memory
// estimate it works from (it cannot see inside the guest), and the balloon driver's activity.
import type { RunReport } from '../../sim/report.ts';
import { activityWords } from '../explain/eventWords.ts';
import { Term } from '../glossary/Term.tsx';

const m = (x: number): string => `${Math.round(x)}`;

export function TargetsTable({ report }: { report: RunReport }) {
  const hasPressure = report.vms.some((v) => v.pressure !== undefined);
  return (
    <table className="targets-table">
      <caption>Targets per VM (MiB)</caption>
      <thead>
        <tr>
          <th scope="col">VM</th>
          <th scope="col">
            <Term id="balloon">Balloon</Term>
          </th>
          <th scope="col">Target</th>
          <th scope="col">
            <Term id="entitlement">Entitled</Term>
          </th>
          <th scope="col">
            <Term id="activeEstimate">Active est.</Term>
          </th>
          {hasPressure && <th scope="col">Pressure</th>}
          <th scope="col">Driver</th>
        </tr>
      </thead>
      <tbody>
        {report.vms.map((v) => (
          <tr key={v.name}>
            <th scope="row">{v.name}</th>
            <td>{m(v.balloonMiB)}</td>
            <td>{m(v.balloonTargetMiB)}</td>
            <td>{m(v.entitlementMiB)}</td>
            <td>{m(v.activeEstimateMiB)}</td>
            {hasPressure && <td>{v.pressure ?? '–'}</td>}
            <td>{activityWords(v.balloonActivity, v.balloonDriver)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
