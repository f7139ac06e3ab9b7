// The overall memory-pressure control: one multiplier applied to every VM's working set and
// footprint (to their values at normal demand), so a class can squeeze the host with one
// slider. Not a scenario parameter: it rescales the per-VM workload parameters (validated by
// the store like any other change); a file-cache workload's file data scales too, since its
// working set lives there.
import type { ParamChange } from '../../sim/scenario/paramPath.ts';
import { num } from '../../sim/scenario/paramSpec.ts';
import { WORKLOAD_PARAMS } from '../../sim/scenario/params.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { snap } from './sliderScale.ts';

export const PRESSURE_SPEC = num('Memory pressure', '×', 0.25, 3, 1, "Demand multiplier applied to every VM's working set and footprint.", {
  step: 0.05,
  integer: false,
});

/** Per workload path: its value at normal demand (×1), and the value the slider last set. */
export type PressureBaseline = ReadonlyMap<string, { normalMiB: number; setMiB: number }>;

/** The workload changes that move the multiplier from `from` to `to`, and the baseline to pass
 * next time. Each value is its normal-demand value times `to`, snapped to the parameter's step,
 * so where the slider ends does not depend on how it got there (small VMs move too, rounding
 * does not pile up). A value that is not the one the slider last set (a per-VM slider, the
 * timeline or a corrected value changed it) counts as its value at `from`. Growing changes the
 * footprint before the working set and shrinking the other way round, so the store's check
 * that a working set fits its footprint never clamps a step. */
export function pressureChanges(
  s: Scenario,
  from: number,
  to: number,
  baseline: PressureBaseline = new Map(),
): { changes: ParamChange[]; baseline: PressureBaseline } {
  const changes: ParamChange[] = [];
  const next = new Map(baseline);
  const grow = ['footprintMiB', 'fileMiB', 'activeMiB'] as const;
  const keys = to >= from ? grow : ([...grow].reverse() as ('footprintMiB' | 'fileMiB' | 'activeMiB')[]);
  s.vms.forEach((vm, i) => {
    for (const key of keys) {
      if (key === 'fileMiB' && vm.workload.kind !== 'filecache') continue;
      const path = `vms.${i}.workload.${key}`;
      const now = vm.workload[key];
      const known = baseline.get(path);
      const normalMiB = known && known.setMiB === now ? known.normalMiB : now / from;
      const value = snap(normalMiB * to, WORKLOAD_PARAMS[key]);
      next.set(path, { normalMiB, setMiB: value });
      if (value !== now) changes.push({ path, value });
    }
  });
  return { changes, baseline: next };
}

/** How pressure reads aloud: "1.5 ×, demand above normal". */
export function pressureWords(m: number): string {
  if (m < 0.9) return 'demand below normal';
  if (m <= 1.1) return 'normal demand';
  return m < 1.75 ? 'demand above normal' : 'heavy demand';
}
