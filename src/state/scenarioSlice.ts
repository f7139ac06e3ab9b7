// Store slice: the run's scenario and its parameters. `scenario` is the scenario the run starts
// from, with its schedule: the scheduled changes and the live changes made while playing (the
// worker records each as a schedule entry), `effective` the scenario as it stands now (what the
// sliders show). Setters take a parameter path and validate through
// the same parameter specs as links; changes reach the worker throttled on the leading edge
// (the first at once, at the end of the task that made it; then at most one send per
// PARAM_THROTTLE_MS, the last value always sent), merged by path. Each load and send carries a
// sequence number that the worker's history echoes: while changes are in flight, neither a
// history answering an earlier send nor schedule entries falling due replace `effective` (they
// lack the later changes, and the pressure slider computes its next step from `effective`); a
// history answering a load that was since replaced is ignored. Adding and removing a VM are
// the model's own scenario edits (sim/scenario/edits.ts), shared with the views' stand-in store.
import type { StateCreator } from 'zustand';
import { applyChanges, isLiveParam, type ParamChange } from '../sim/scenario/paramPath.ts';
import { withVmAdded, withVmRemoved } from '../sim/scenario/edits.ts';
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';
import { sendCommand } from './commandSink.ts';
import type { SimStore } from './store.ts';
import type { RunHistory } from '../run/history.ts';
import { compileForRun, scenarioAt } from '../run/applyTimeline.ts';
import type { CompiledSchedule } from '../sim/scenario/timeline.ts';

/** Shortest time between two sends of slider moves to the worker, ms (leading-edge throttle). */
export const PARAM_THROTTLE_MS = 120;

export interface ScenarioSlice {
  scenario: Scenario;
  effective: Scenario;
  /** How many of the schedule's action ticks `effective` includes (those due at its tick). */
  effectiveDue: number;
  /** Bumped when a new scenario is loaded (the URL pushes a history entry for it). */
  loadGeneration: number;
  /** Loads a scenario (preset, file, link) at `timeMs`; pushes browser history. */
  loadScenario(scenario: Scenario, timeMs?: number): void;
  /** Sets one parameter by path ('host.memoryMiB', 'vms.1.balloon.targetMiB', 'policy.kind', ...). */
  setParam(path: string, value: ParamValue): void;
  addVm(): void;
  removeVm(vm: number): void;
  /** The worker's record of the run (after a change or a load), answering the command `seq`. */
  receiveHistory(history: RunHistory, seq: number): void;
}

let pending: ParamChange[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
/** Sequence numbers of the latest load or setParams sent, of the latest load, and of the
 * latest one the worker's history has answered. */
let lastSeq = 0;
let loadSeq = 0;
let answeredSeq = 0;

/** Whether `effective` holds changes the worker has not yet answered: until it has, neither its
 * history nor the schedule entries falling due may replace `effective`. */
export function changesInFlight(): boolean {
  return pending.length > 0 || answeredSeq !== lastSeq;
}

/** A sequence number for a load command (the controller's restart sends one too). */
export function nextLoadSeq(): number {
  loadSeq = ++lastSeq;
  return loadSeq;
}

function flush(): void {
  const changes = pending;
  pending = [];
  if (changes.length > 0) sendCommand({ type: 'setParams', changes, seq: ++lastSeq });
}

/** End of a throttle window: send what came in during it (and open a new window), or go idle. */
function windowEnd(): void {
  timer = null;
  if (pending.length === 0) return;
  flush();
  timer = setTimeout(windowEnd, PARAM_THROTTLE_MS);
}

export const createScenarioSlice: StateCreator<SimStore, [], [], ScenarioSlice> = (set, get) => ({
  scenario: null as unknown as Scenario,
  effective: null as unknown as Scenario,
  effectiveDue: 0,
  loadGeneration: 0,

  loadScenario(scenario, timeMs = 0) {
    pending = [];
    set((s) => ({
      scenario,
      ...effectiveAt(scenario, 0),
      loadGeneration: s.loadGeneration + 1,
      timeMs,
      selectedPage: null,
      walkTarget: null,
      walkStep: null,
      walk: null,
      walkError: null,
    }));
    sendCommand({ type: 'load', scenario, timeMs, seq: nextLoadSeq() });
  },

  setParam(path, value) {
    const r = applyChanges(get().effective, [{ path, value }]);
    if (!r.ok) return get().notify('warning', `${path} could not be set`, r.errors);
    if (r.corrections.length > 0) get().notify('info', 'A value was corrected', r.corrections);
    set({ effective: r.scenario });
    if (!isLiveParam(path)) {
      // The run restarts at 0 s from the start scenario with this change; the schedule stays.
      const start = applyChanges(get().scenario, [{ path, value }]);
      if (start.ok) set({ scenario: start.scenario, ...effectiveAt(start.scenario, 0) });
    }
    pending = [...pending.filter((c) => c.path !== path), { path, value }];
    if (timer) return;
    // Sent at the end of this task (a microtask), so the changes one event makes together (the
    // pressure slider sets every VM's) go in one send; later ones wait for the window's end.
    timer = setTimeout(windowEnd, PARAM_THROTTLE_MS);
    queueMicrotask(flush);
  },

  addVm() {
    const r = withVmAdded(get().effective);
    if (!r.ok) return get().notify('warning', 'Could not add a VM', r.errors);
    if (r.corrections.length > 0) get().notify('info', 'A value was corrected', r.corrections);
    get().loadScenario(r.scenario);
  },

  removeVm(vm) {
    const r = withVmRemoved(get().effective, vm);
    if (!r.ok) return get().notify('warning', 'Could not remove the VM', r.errors);
    get().loadScenario(r.scenario);
    set({ selectedVm: null });
  },

  receiveHistory(history, seq) {
    if (seq < loadSeq) return;
    answeredSeq = seq;
    set({ scenario: history.scenario });
    if (!changesInFlight()) set(effectiveAt(history.scenario, history.atTick));
  },
});

/** The last scenario's compiled schedule (the status updates ask for it every frame). */
let compiledFor: { scenario: Scenario; compiled: CompiledSchedule } | null = null;
function compiledOf(scenario: Scenario): CompiledSchedule {
  if (compiledFor?.scenario !== scenario) compiledFor = { scenario, compiled: compileForRun(scenario) };
  return compiledFor.compiled;
}

/** How many of the schedule's action ticks are due at `ticks`. */
export function dueCount(scenario: Scenario, ticks: number): number {
  let n = 0;
  for (const t of compiledOf(scenario).actions.keys()) if (t <= ticks) n++;
  return n;
}

/** The scenario as it stands at `ticks`, and how many action ticks that includes. */
export function effectiveAt(scenario: Scenario, ticks: number): { effective: Scenario; effectiveDue: number } {
  const effectiveDue = dueCount(scenario, ticks);
  return { effective: effectiveDue === 0 ? scenario : scenarioAt(scenario, compiledOf(scenario), ticks), effectiveDue };
}
