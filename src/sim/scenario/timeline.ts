// The timeline: a schedule (schedule.ts) compiled against its scenario into the actions due at
// each tick, walking time forward so that every entry is checked against the state the
// schedule has reached by then. The run engine applies the actions on arriving at their tick
// (src/run/applyTimeline.ts); validation uses the same walk, so a file, a link and a run agree.
// A tick's parameter changes (ramp steps first, then its entries in order) are validated
// together, as one slider move is. A later set or ramp of a path ends a ramp of that path.
// In 'strict' mode a problem is an error; in 'clamp' mode a value is clamped and an entry that
// cannot apply is dropped, each listed as a correction.
import { allowedText, type NumberSpec } from './paramSpec.ts';
import { getParam, isLiveParam, liveDifferences, setParam, specAt, type ParamChange } from './paramPath.ts';
import { cloneEntry, secondsOf, tickOf, type ScheduleEntry } from './schedule.ts';
import { scenarioToJson } from './serialize.ts';
import type { Scenario } from './types.ts';
import { mibToPages } from '../units.ts';
import type { ValidationMode, ValidationResult } from './validate.ts';

export type TickAction =
  | { type: 'set'; changes: ParamChange[] }
  | { type: 'start'; vm: number }
  | { type: 'stop'; vm: number }
  | { type: 'touch'; vm: number; page: number };

export interface CompiledSchedule {
  /** Actions by tick, in the order they apply. */
  actions: Map<number, TickAction[]>;
  /** The schedule as it will run: in 'clamp' mode with values clamped and bad entries dropped. */
  schedule: ScheduleEntry[];
  problems: string[];
}

/** Validates a model scenario (no schedule) from JSON; injected to keep the module graph acyclic. */
export type ModelCheck = (json: Record<string, unknown>, mode: ValidationMode) => ValidationResult;

interface Ramp {
  index: number;
  path: string;
  from: number;
  to: number;
  startTick: number;
  steps: number;
  spec: NumberSpec;
}

const roundTo = (spec: NumberSpec, v: number): number => Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(v) : v));

/** The VMs on at 0 s: a VM whose first power entry is `start` is off until then (stopped on
 * arriving at tick 0, before anything else). */
function initialPower(scenario: Scenario, order: readonly { e: ScheduleEntry }[]): boolean[] {
  const on = scenario.vms.map(() => true);
  const seen = new Set<number>();
  for (const { e } of order) {
    const vm = 'start' in e ? e.start : 'stop' in e ? e.stop : -1;
    if (vm < 0 || seen.has(vm)) continue;
    seen.add(vm);
    on[vm] = !('start' in e);
  }
  return on;
}

/** Compiles `entries` (positions in the file: `indexOf[i]`, default i, for messages). */
export function compileSchedule(
  start: Scenario,
  entries: readonly ScheduleEntry[],
  mode: ValidationMode,
  check: ModelCheck,
  indexOf?: readonly number[],
): CompiledSchedule {
  const tickMs = start.tickMs;
  const order = entries.map((e, i) => ({ e: cloneEntry(e), i, tick: tickOf(e.atS, tickMs) })).sort((a, b) => a.tick - b.tick || a.i - b.i);
  const on = initialPower(start, order);
  const offAtStart: TickAction[] = on.flatMap((running, vm) => (running ? [] : [{ type: 'stop' as const, vm }]));
  const problems: string[] = [];
  const dropped = new Set<number>();
  const actions = new Map<number, TickAction[]>();
  const ramps = new Map<string, Ramp>();
  let current: Scenario = { ...start, schedule: [] };
  const refuse = (i: number, text: string): void => {
    problems.push(`schedule[${indexOf?.[i] ?? i}]: ${text}${mode === 'clamp' ? '; ignored' : ''}`);
    dropped.add(i);
  };
  /** The number spec of a live path now, or a message. */
  const liveSpec = (path: string): NumberSpec | string => {
    const spec = specAt(current, path);
    if (!spec || !isLiveParam(path) || spec.kind !== 'number') {
      return `${path}: not a parameter a schedule can change (allowed: vms.<i>.balloon.targetMiB and vms.<i>.workload.<activeMiB, footprintMiB, accessesPerSec, writePercent, periodSeconds, fileMiB, growMiBPerSec> of an existing VM, and policy.idleTaxPercent under esx or vsphere; other parameters cannot change during a run)`;
    }
    return spec;
  };
  const inRange = (i: number, what: string, path: string, spec: NumberSpec, v: number): number | null => {
    const fixed = roundTo(spec, v);
    if (fixed === v) return v;
    const text = `${what}${path}: ${v} is not valid (${allowedText(spec)})`;
    if (mode === 'strict') {
      refuse(i, text);
      return null;
    }
    problems.push(`schedule[${indexOf?.[i] ?? i}]: ${text}; using ${fixed}`);
    return fixed;
  };

  let p = 0;
  let t = order[0]?.tick ?? 0;
  while (p < order.length || ramps.size > 0) {
    t = ramps.size > 0 ? Math.min(t + 1, order[p]?.tick ?? Infinity) : order[p].tick;
    const changes = new Map<string, number>();
    const indices = new Set<number>();
    const other: TickAction[] = [];
    const valueNow = (path: string): number => changes.get(path) ?? (getParam(scenarioToJson(current), path) as number);
    for (const r of [...ramps.values()]) {
      const k = t - r.startTick;
      if (k >= r.steps) ramps.delete(r.path);
      const v = k >= r.steps ? r.to : roundTo(r.spec, r.from + ((r.to - r.from) * k) / r.steps);
      if (v !== valueNow(r.path)) {
        changes.set(r.path, v);
        indices.add(r.index);
      }
    }
    for (; p < order.length && order[p].tick === t; p++) {
      const { e, i } = order[p];
      if ('set' in e) {
        for (const [path, value] of Object.entries(e.set)) {
          const spec = liveSpec(path);
          if (typeof spec === 'string') {
            refuse(i, spec);
            break;
          }
          const v = inRange(i, 'set.', path, spec, value);
          if (v === null) break;
          e.set[path] = v;
        }
        if (dropped.has(i)) continue;
        for (const [path, v] of Object.entries(e.set)) {
          ramps.delete(path);
          changes.set(path, v);
        }
        indices.add(i);
      } else if ('ramp' in e) {
        const spec = liveSpec(e.ramp.path);
        if (typeof spec === 'string') {
          refuse(i, `ramp ${spec}`);
          continue;
        }
        const to = inRange(i, 'ramp.to for ', e.ramp.path, spec, e.ramp.to);
        if (to === null) continue;
        e.ramp.to = to;
        ramps.set(e.ramp.path, {
          index: i,
          path: e.ramp.path,
          from: valueNow(e.ramp.path),
          to,
          startTick: t,
          steps: Math.max(1, tickOf(e.ramp.overS, tickMs)),
          spec,
        });
      } else if ('start' in e || 'stop' in e) {
        const starting = 'start' in e;
        const vm = starting ? e.start : e.stop;
        const name = current.vms[vm].name;
        if (on[vm] === starting) {
          refuse(
            i,
            `${starting ? 'start' : 'stop'}: VM ${name} is already ${starting ? 'running' : 'stopped'} at ${secondsOf(t, tickMs)} s`,
          );
          continue;
        }
        on[vm] = starting;
        other.push({ type: starting ? 'start' : 'stop', vm });
      } else {
        const { vm, page } = e.touch;
        const pages = mibToPages(current.vms[vm].memoryMiB);
        if (!on[vm]) refuse(i, `touch.vm: VM ${current.vms[vm].name} is stopped at ${secondsOf(t, tickMs)} s`);
        else if (page >= pages)
          refuse(i, `touch.page: ${page} is not a guest-physical page of VM ${current.vms[vm].name} (allowed 0 to ${pages - 1})`);
        else other.push({ type: 'touch', vm, page });
      }
    }
    const tickActions: TickAction[] = [];
    if (changes.size > 0) {
      const json = scenarioToJson(current);
      for (const [path, v] of changes) setParam(json, path, v);
      const r = check(json, mode);
      const at = `schedule[${[...indices]
        .sort((a, b) => a - b)
        .map((i) => indexOf?.[i] ?? i)
        .join('], schedule[')}] at ${secondsOf(t, tickMs)} s`;
      if (!r.ok) {
        problems.push(`${at}: ${r.errors.join('; ')}`);
        if (mode === 'strict') break;
        problems[problems.length - 1] += '; ignored';
        indices.forEach((i) => dropped.add(i));
      } else {
        problems.push(...r.corrections.map((c) => `${at}: ${c}`));
        const after = scenarioToJson(r.scenario);
        const applied: ParamChange[] = [...changes.keys()].map((path) => ({ path, value: getParam(after, path) as number }));
        for (const d of liveDifferences(current, r.scenario)) if (!changes.has(d.path)) applied.push(d);
        tickActions.push({ type: 'set', changes: applied });
        current = { ...r.scenario, schedule: [] };
      }
    }
    tickActions.push(...other);
    if (tickActions.length > 0) actions.set(t, tickActions);
    if (mode === 'strict' && problems.length > 0) break;
  }
  if (offAtStart.length > 0) actions.set(0, [...offAtStart, ...(actions.get(0) ?? [])]);
  const schedule = order
    .filter(({ i }) => !dropped.has(i))
    .sort((a, b) => a.i - b.i)
    .map(({ e }) => e);
  return { actions, schedule, problems };
}
