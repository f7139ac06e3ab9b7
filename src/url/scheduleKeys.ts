// The schedule of a run in a link (format 2): `sch=<entry>,<entry>,...`, one entry per schedule
// entry, each `<atS>:<verb>:<arguments>`:
//   60:set:vms.0.workload.activeMiB=2048;vms.0.workload.footprintMiB=4096
//   30:ramp:vms.0.workload.footprintMiB:1400:60        (path, to, over seconds)
//   10:start:2   70:stop:2                             (VM index)
//   45:touch:1:12345                                   (VM index, guest-physical page)
// Live changes made while playing are set entries like any other. The text is read into
// schedule JSON; validateScenario checks it against the scenario in clamp mode, so a bad entry
// is dropped with a note and a value out of range is clamped, as every other key of a link.
import { MAX_SCHEDULE_ENTRIES, type ScheduleEntry } from '../sim/scenario/schedule.ts';

const NUM = '(-?[0-9][0-9.e+-]{0,23})';
const PATH = '([A-Za-z0-9.]{1,60})';

function entryText(e: ScheduleEntry): string {
  if ('set' in e)
    return `${e.atS}:set:${Object.entries(e.set)
      .map(([p, v]) => `${p}=${v}`)
      .join(';')}`;
  if ('ramp' in e) return `${e.atS}:ramp:${e.ramp.path}:${e.ramp.to}:${e.ramp.overS}`;
  if ('start' in e) return `${e.atS}:start:${e.start}`;
  if ('stop' in e) return `${e.atS}:stop:${e.stop}`;
  return `${e.atS}:touch:${e.touch.vm}:${e.touch.page}`;
}

export const scheduleToText = (schedule: readonly ScheduleEntry[]): string => schedule.map(entryText).join(',');

const PATTERNS: [RegExp, (m: RegExpExecArray) => Record<string, unknown> | null][] = [
  [
    new RegExp(`^${NUM}:set:(.{1,2000})$`),
    (m) => {
      const set: Record<string, number> = {};
      for (const pair of m[2].split(';')) {
        const p = new RegExp(`^${PATH}=${NUM}$`).exec(pair);
        if (!p) return null;
        set[p[1]] = Number(p[2]);
      }
      return { set };
    },
  ],
  [new RegExp(`^${NUM}:ramp:${PATH}:${NUM}:${NUM}$`), (m) => ({ ramp: { path: m[2], to: Number(m[3]), overS: Number(m[4]) } })],
  [/^(-?[0-9][0-9.e+-]{0,23}):(start|stop):(\d{1,3})$/, (m) => ({ [m[2]]: Number(m[3]) })],
  [/^(-?[0-9][0-9.e+-]{0,23}):touch:(\d{1,3}):(\d{1,9})$/, (m) => ({ touch: { vm: Number(m[2]), page: Number(m[3]) } })],
];

/** Schedule JSON from a link's `sch` text; an entry that cannot be read is left out with a note. */
export function textToScheduleJson(text: string, notes: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const item of text.split(',').slice(0, MAX_SCHEDULE_ENTRIES)) {
    let read: Record<string, unknown> | null = null;
    for (const [pattern, make] of PATTERNS) {
      const m = pattern.exec(item);
      if (m && (read = make(m))) {
        read = { atS: Number(m[1]), ...read };
        break;
      }
    }
    if (read) out.push(read);
    else
      notes.push(
        `sch: ${JSON.stringify(item.slice(0, 60))} is not a schedule entry (<atS>:set:<path>=<value>;..., <atS>:ramp:<path>:<to>:<overS>, <atS>:start:<vm>, <atS>:stop:<vm>, <atS>:touch:<vm>:<page>); ignored`,
      );
  }
  return out;
}
