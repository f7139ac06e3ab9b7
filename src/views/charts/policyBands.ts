// The policy's host-state thresholds as horizontal bands behind the host-free-memory chart, so
// students see free memory cross "soft" and balloons start inflating. ESX keeps four
// free-memory thresholds, high 6%, soft 4%, hard 2%, low 1% of host memory (Waldspurger 2002;
// vSphere keeps the same fractions of minFree): it leaves the high state when free memory
// falls below soft (ballooning), hard (compress and swap), low (block), and always aims back
// above the high threshold, drawn as a target line. KVM MOM calls the host under pressure
// below 20% free and critical below 5% (reference: ballooning.md). Other policies: no bands.
import type { ParamValue, PolicyKind } from '../../sim/scenario/types.ts';

export interface Band {
  /** State name, as the hypervisor panel shows it. */
  state: string;
  /** Free-memory range of the band, MiB. */
  fromMiB: number;
  toMiB: number;
}

export interface PolicyGuides {
  /** From the lowest free memory (worst state) up. */
  bands: Band[];
  /** Target lines: free memory the policy works to restore. */
  targets: { label: string; mib: number }[];
}

const pctOf = (hostMiB: number, pct: number): number => (hostMiB * pct) / 100;

export function policyBands(kind: PolicyKind | string, hostMiB: number, params: Record<string, ParamValue> = {}): PolicyGuides {
  const num = (key: string, fallback: number): number => (typeof params[key] === 'number' ? (params[key] as number) : fallback);
  if (kind === 'esx' || kind === 'vsphere') {
    const high = num('highPercent', 6);
    const [soft, hard, low] = [high * (4 / 6), high * (2 / 6), high * (1 / 6)].map((p) => pctOf(hostMiB, p));
    return {
      bands: [
        { state: 'low', fromMiB: 0, toMiB: low },
        { state: 'hard', fromMiB: low, toMiB: hard },
        { state: 'soft', fromMiB: hard, toMiB: soft },
        { state: 'high', fromMiB: soft, toMiB: hostMiB },
      ],
      targets: [{ label: `high threshold ${high}%`, mib: pctOf(hostMiB, high) }],
    };
  }
  if (kind === 'kvm-mom') {
    const pressure = pctOf(hostMiB, num('pressureThresholdPercent', 20));
    const critical = pctOf(hostMiB, num('pressureCriticalPercent', 5));
    return {
      bands: [
        { state: 'critical', fromMiB: 0, toMiB: critical },
        { state: 'pressure', fromMiB: critical, toMiB: pressure },
        { state: 'normal', fromMiB: pressure, toMiB: hostMiB },
      ],
      targets: [],
    };
  }
  return { bands: [], targets: [] };
}
