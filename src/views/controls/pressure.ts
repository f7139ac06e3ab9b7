// The overall memory-pressure control: one multiplier applied to every VM's working set and
// footprint, so a class can squeeze the host with one slider. Not a scenario parameter: it
// rescales the per-VM workload parameters (validated by the store like any other change); a
// file-cache workload's file data scales too, since its working set lives there.
import { num } from '../../sim/scenario/paramSpec.ts';
import { WORKLOAD_PARAMS } from '../../sim/scenario/params.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { snap } from './sliderScale.ts';

export const PRESSURE_SPEC = num('Memory pressure', '×', 0.25, 3, 1, "Demand multiplier applied to every VM's working set and footprint.", {
  step: 0.05,
  integer: false,
});

export interface ParamChange {
  path: string;
  value: number;
}

/** The workload changes that move the multiplier from `from` to `to`. Growing changes the
 * footprint before the working set and shrinking the other way round, so the store's check
 * that a working set fits its footprint never clamps a step. */
export function pressureChanges(s: Scenario, from: number, to: number): ParamChange[] {
  const factor = to / from;
  const out: ParamChange[] = [];
  const grow = ['footprintMiB', 'fileMiB', 'activeMiB'] as const;
  const keys = factor >= 1 ? grow : ([...grow].reverse() as ('footprintMiB' | 'fileMiB' | 'activeMiB')[]);
  s.vms.forEach((vm, i) => {
    for (const key of keys) {
      if (key === 'fileMiB' && vm.workload.kind !== 'filecache') continue;
      const value = snap(vm.workload[key] * factor, WORKLOAD_PARAMS[key]);
      if (value !== vm.workload[key]) out.push({ path: `vms.${i}.workload.${key}`, value });
    }
  });
  return out;
}

/** How pressure reads aloud: "1.5 ×, demand above normal". */
export function pressureWords(m: number): string {
  if (m < 0.9) return 'demand below normal';
  if (m <= 1.1) return 'normal demand';
  return m < 1.75 ? 'demand above normal' : 'heavy demand';
}
