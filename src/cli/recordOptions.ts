// The CLI's recording options, --series FILE.csv (with --every) and --events FILE.jsonl, as the
// recorders of one run. With --compare each policy gets its own files: out.csv -> out.esx.csv.
import type { Scenario } from '../sim/scenario/types.ts';
import { EventsRecorder } from './events.ts';
import type { Recorder } from './recordedRun.ts';
import { parseEvery, SeriesRecorder } from './series.ts';

export interface RecordOptions {
  series?: string;
  events?: string;
  every: string;
}

/** `out.csv` with `esx` -> `out.esx.csv` (the suffix before the extension, or at the end). */
function withSuffix(path: string, suffix: string): string {
  const m = /^(.*?)(\.[A-Za-z0-9]+)?$/.exec(path)!;
  return `${m[1]}.${suffix}${m[2] ?? ''}`;
}

/** The recorders for a run of `scenario`, or a message for a bad --every. */
export function recordersFor(o: RecordOptions, scenario: Scenario, suffix?: string): Recorder[] | string {
  const out: Recorder[] = [];
  const name = (p: string): string => (suffix ? withSuffix(p, suffix) : p);
  if (o.series) {
    const everyMs = parseEvery(o.every, scenario.tickMs);
    if (typeof everyMs === 'string') return everyMs;
    out.push(new SeriesRecorder(name(o.series), everyMs));
  }
  if (o.events) out.push(new EventsRecorder(name(o.events)));
  return out;
}
