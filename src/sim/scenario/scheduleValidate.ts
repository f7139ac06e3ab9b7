// Reads and checks a scenario's `schedule` (format 2): each entry's shape (schedule.ts), then
// the whole timeline against the scenario it runs on (timeline.ts), so every path is a live
// parameter of an existing VM and every value is allowed in the state reached at its time.
// Messages name `schedule[<index>]`, the path and the allowed range.
import { compileSchedule, type ModelCheck } from './timeline.ts';
import { MAX_SCHEDULE_ENTRIES, readEntry, type ScheduleEntry } from './schedule.ts';
import type { Scenario } from './types.ts';
import type { ValidationMode } from './validate.ts';

export interface ScheduleRead {
  schedule: ScheduleEntry[];
  errors: string[];
  corrections: string[];
}

export function readSchedule(raw: unknown, scenario: Scenario, mode: ValidationMode, check: ModelCheck): ScheduleRead {
  const out: ScheduleRead = { schedule: [], errors: [], corrections: [] };
  if (raw === undefined) return out;
  const report = (text: string): void => void (mode === 'strict' ? out.errors : out.corrections).push(text);
  if (!Array.isArray(raw)) {
    report(`schedule: expected a list of entries like { "atS": 60, "set": { ... } }, got ${JSON.stringify(raw)?.slice(0, 40)}`);
    return out;
  }
  if (raw.length > MAX_SCHEDULE_ENTRIES)
    report(
      `schedule: ${raw.length} entries is too many (allowed up to ${MAX_SCHEDULE_ENTRIES})${mode === 'clamp' ? `; keeping the first ${MAX_SCHEDULE_ENTRIES}` : ''}`,
    );
  const entries: ScheduleEntry[] = [];
  const indexOf: number[] = [];
  const names = scenario.vms.map((v) => v.name);
  raw.slice(0, MAX_SCHEDULE_ENTRIES).forEach((item, i) => {
    const e = readEntry(item, names);
    if (typeof e === 'string') report(`schedule[${i}]: ${e}${mode === 'clamp' ? '; ignored' : ''}`);
    else {
      entries.push(e);
      indexOf.push(i);
    }
  });
  if (out.errors.length > 0) return out;
  const compiled = compileSchedule(scenario, entries, mode, check, indexOf);
  for (const p of compiled.problems) report(p);
  out.schedule = compiled.schedule;
  return out;
}
