// The scenario's timeline (format 2, docs/scenario-format.md): a list of entries, each at a
// simulated time `atS`, that change the run while it goes. Four kinds:
//   { atS, set: { <live parameter path>: value, ... } }      values set on arriving at atS
//   { atS, ramp: { path, to, overS } }                       a linear change, tick by tick
//   { atS, start: VM } / { atS, stop: VM }                    a VM boots / powers off
//   { atS, touch: { vm: VM, page } }                          the guest touches one guest-physical page
// VM is a VM's index or name (stored as the index). This module reads the entries' shape; the
// timeline (timeline.ts) checks each against the state the schedule reaches at its time.

/** Most entries one schedule holds (a file, a link, a run's recorded changes). */
export const MAX_SCHEDULE_ENTRIES = 1000;
/** Latest time an entry may name, s (24 h, the CLI's longest run). */
export const MAX_SCHEDULE_S = 86400;

export type ScheduleEntry =
  | { atS: number; set: Record<string, number> }
  | { atS: number; ramp: { path: string; to: number; overS: number } }
  | { atS: number; start: number }
  | { atS: number; stop: number }
  | { atS: number; touch: { vm: number; page: number } };

/** The tick an entry at `atS` applies on: the first tick at or after atS. */
export function tickOf(atS: number, tickMs: number): number {
  const x = (atS * 1000) / tickMs;
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : Math.ceil(x);
}

/** The time of a tick in seconds, written without float noise (tick 3 at 100 ms = 0.3). */
export const secondsOf = (tick: number, tickMs: number): number => Math.round(tick * tickMs) / 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** A VM named by index or name, as its index; a message when there is no such VM. */
function vmIndex(raw: unknown, vmNames: readonly string[]): number | string {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < vmNames.length) return raw;
  if (typeof raw === 'string' && vmNames.includes(raw)) return vmNames.indexOf(raw);
  return `${show(raw)} is not a VM (allowed: an index 0 to ${vmNames.length - 1} or a name, ${vmNames.join(', ')})`;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** One entry's shape, read: the entry, or a message (without the `schedule[i]` prefix). */
export function readEntry(raw: unknown, vmNames: readonly string[]): ScheduleEntry | string {
  if (!isRecord(raw)) return `expected an object like { "atS": 60, "set": { ... } }, got ${show(raw)}`;
  const atS = raw.atS;
  if (!finite(atS) || atS < 0 || atS > MAX_SCHEDULE_S) return `atS: ${show(atS)} is not valid (allowed 0 to ${MAX_SCHEDULE_S} s)`;
  const verbs = ['set', 'ramp', 'start', 'stop', 'touch'].filter((k) => k in raw);
  if (verbs.length !== 1)
    return `give exactly one of set, ramp, start, stop, touch (got ${verbs.length === 0 ? 'none' : verbs.join(', ')})`;
  const others = Object.keys(raw).filter((k) => k !== 'atS' && k !== verbs[0]);
  if (others.length > 0) return `${others[0]}: unknown key (an entry has atS and one of set, ramp, start, stop, touch)`;
  switch (verbs[0]) {
    case 'set': {
      const set = raw.set;
      if (!isRecord(set) || Object.keys(set).length === 0) return `set: expected an object of parameter paths and values, got ${show(set)}`;
      for (const [path, value] of Object.entries(set)) if (!finite(value)) return `set.${path}: ${show(value)} is not a number`;
      return { atS, set: { ...(set as Record<string, number>) } };
    }
    case 'ramp': {
      const r = raw.ramp;
      if (!isRecord(r) || typeof r.path !== 'string') return `ramp: expected { "path": ..., "to": ..., "overS": ... }, got ${show(r)}`;
      if (!finite(r.to)) return `ramp.to: ${show(r.to)} is not a number`;
      if (!finite(r.overS) || r.overS <= 0 || r.overS > MAX_SCHEDULE_S)
        return `ramp.overS: ${show(r.overS)} is not valid (allowed more than 0 to ${MAX_SCHEDULE_S} s)`;
      return { atS, ramp: { path: r.path, to: r.to, overS: r.overS } };
    }
    case 'start':
    case 'stop': {
      const vm = vmIndex(raw[verbs[0]], vmNames);
      if (typeof vm === 'string') return `${verbs[0]}: ${vm}`;
      return verbs[0] === 'start' ? { atS, start: vm } : { atS, stop: vm };
    }
    default: {
      const t = raw.touch;
      if (!isRecord(t)) return `touch: expected { "vm": ..., "page": ... }, got ${show(t)}`;
      const vm = vmIndex(t.vm, vmNames);
      if (typeof vm === 'string') return `touch.vm: ${vm}`;
      if (!finite(t.page) || !Number.isInteger(t.page) || t.page < 0)
        return `touch.page: ${show(t.page)} is not a guest-physical page number (a whole number from 0)`;
      return { atS, touch: { vm, page: t.page } };
    }
  }
}

/** A copy of an entry (entries are plain data). */
export function cloneEntry(e: ScheduleEntry): ScheduleEntry {
  if ('set' in e) return { atS: e.atS, set: { ...e.set } };
  if ('ramp' in e) return { atS: e.atS, ramp: { ...e.ramp } };
  if ('touch' in e) return { atS: e.atS, touch: { ...e.touch } };
  return { ...e };
}
