// What each chart plots, built from the history samples: host free memory (with the policy's
// state bands), each VM's balloon (with its target dashed), backed memory, guest and host swap,
// fault rates, and performance. Each VM keeps its colour AND its own dash pattern, so lines
// are told apart without colour. Pure.
import type { Sample } from './history.ts';
import type { PolicyGuides } from './policyBands.ts';

export interface Series {
  id: string;
  label: string;
  /** VM index for the colour, or a fixed colour role. */
  color: { vm: number } | { role: 'host' | 'accent' | 'muted' };
  dash: string;
  points: [number, number][];
  /** Thinner, lighter line (targets). */
  secondary?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: Series[];
  guides?: PolicyGuides;
  /** The axis top: fixed (yMax), or the data's maximum with headroom but at least yAtLeast. */
  yMax?: number;
  yAtLeast?: number;
  /** 'log' (symmetric log, 0 allowed) for quantities spanning decades: the policy's low
   * free-memory thresholds, fault bursts. */
  yScale?: 'linear' | 'log';
}

export const VM_DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 4', '1 2', '12 4', '6 2 2 2 2 2'];
const dashOf = (vm: number): string => VM_DASHES[vm % VM_DASHES.length];

/** At most `maxPoints` samples, evenly spaced, always keeping the newest. */
export function decimate<T>(items: readonly T[], maxPoints: number): T[] {
  if (items.length <= maxPoints) return [...items];
  const step = items.length / maxPoints;
  const out: T[] = [];
  for (let i = 0; i < maxPoints - 1; i++) out.push(items[Math.floor(i * step)]);
  out.push(items[items.length - 1]);
  return out;
}

const perVm = (samples: readonly Sample[], names: readonly string[], prefix: string, pick: (s: Sample, vm: number) => number): Series[] =>
  names.map((name, vm) => ({
    id: `${prefix}-${vm}`,
    label: name,
    color: { vm },
    dash: dashOf(vm),
    points: samples.filter((s) => s.vms[vm]).map((s) => [s.tS, pick(s, vm)] as [number, number]),
  }));

const one = (
  id: string,
  label: string,
  role: 'host' | 'accent' | 'muted',
  dash: string,
  samples: readonly Sample[],
  pick: (s: Sample) => number,
): Series => ({
  id,
  label,
  color: { role },
  dash,
  points: samples.map((s) => [s.tS, pick(s)] as [number, number]),
});

export function chartSpecs(samples: readonly Sample[], names: readonly string[], hostMiB: number, guides: PolicyGuides): ChartSpec[] {
  return [
    {
      id: 'free',
      title: 'Host free memory (log scale)',
      unit: 'MiB',
      guides,
      yMax: hostMiB,
      yScale: 'log',
      series: [one('free', 'free', 'host', '', samples, (s) => s.hostFreeMiB)],
    },
    {
      id: 'balloon',
      title: 'Balloon size (target dashed thin)',
      unit: 'MiB',
      series: [
        ...perVm(samples, names, 'balloon', (s, i) => s.vms[i].balloonMiB),
        ...perVm(samples, names, 'target', (s, i) => s.vms[i].targetMiB).map((x) => ({
          ...x,
          label: `${x.label} target`,
          dash: '3 3',
          secondary: true,
        })),
      ],
    },
    { id: 'backed', title: 'Backed memory per VM', unit: 'MiB', series: perVm(samples, names, 'backed', (s, i) => s.vms[i].backedMiB) },
    {
      id: 'swap',
      title: 'Guest swap per VM, and host swap',
      unit: 'MiB',
      series: [
        ...perVm(samples, names, 'gswap', (s, i) => s.vms[i].guestSwapMiB),
        one('hswap', 'host swap', 'accent', '10 2 2 2', samples, (s) => s.hostSwapMiB),
      ],
    },
    {
      id: 'faults',
      title: 'Faults per second (log scale)',
      unit: '/s',
      yScale: 'log',
      series: [
        one('ept', 'EPT violations', 'host', '', samples, (s) => s.eptFaultsPerSec),
        one('gin', 'guest swap-ins', 'muted', '6 3', samples, (s) => s.guestSwapInsPerSec),
        one('hin', 'host swap-ins', 'accent', '2 2', samples, (s) => s.hostSwapInsPerSec),
      ],
    },
    {
      id: 'perf',
      title: 'Performance (% of the reference machine, unimpeded)',
      unit: '%',
      yAtLeast: 100,
      series: perVm(samples, names, 'perf', (s, i) => s.vms[i].performance * 100),
    },
  ];
}

/** The sample nearest a time (the shared cursor's readout). */
export function nearestSample(samples: readonly Sample[], tS: number): Sample | undefined {
  let lo = 0;
  let hi = samples.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].tS < tS) lo = mid + 1;
    else hi = mid;
  }
  const prev = samples[lo - 1];
  return prev && Math.abs(prev.tS - tS) < Math.abs(samples[lo].tS - tS) ? prev : samples[lo];
}

/** Value of a series at the cursor (nearest point). */
export function valueAt(series: Series, tS: number): number | undefined {
  const pts = series.points;
  if (pts.length === 0) return undefined;
  let best = pts[0];
  for (const p of pts) if (Math.abs(p[0] - tS) < Math.abs(best[0] - tS)) best = p;
  return best[1];
}
