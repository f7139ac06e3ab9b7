// The scenario's timeline as marks on the charts' time axes: one per schedule entry (scheduled
// in the file or link, or recorded from a change made while playing), at its time, with words
// for what it does ("web: working set = 2048 MiB", "db starts").
import { specAt } from '../../sim/scenario/paramPath.ts';
import type { ScheduleEntry } from '../../sim/scenario/schedule.ts';
import type { Scenario } from '../../sim/scenario/types.ts';

export interface ScheduleMark {
  atS: number;
  label: string;
}

function change(s: Scenario, path: string, value: string): string {
  const vm = s.vms[Number(path.split('.')[1])]?.name ?? path;
  const spec = specAt(s, path);
  const unit = spec?.kind === 'number' && spec.unit ? ` ${spec.unit}` : '';
  return `${vm}: ${spec?.label.toLowerCase() ?? path} ${value}${unit}`;
}

function words(s: Scenario, e: ScheduleEntry): string {
  if ('set' in e)
    return Object.entries(e.set)
      .map(([p, v]) => change(s, p, `= ${v}`))
      .join('; ');
  if ('ramp' in e) return `${change(s, e.ramp.path, `→ ${e.ramp.to}`)} over ${e.ramp.overS} s`;
  if ('start' in e) return `${s.vms[e.start].name} starts`;
  if ('stop' in e) return `${s.vms[e.stop].name} stops`;
  return `${s.vms[e.touch.vm].name} touches guest page ${e.touch.page}`;
}

/** The marks of a scenario's schedule, in time order. */
export function scheduleMarks(s: Scenario): ScheduleMark[] {
  return s.schedule.map((e) => ({ atS: e.atS, label: words(s, e) })).sort((a, b) => a.atS - b.atS);
}
