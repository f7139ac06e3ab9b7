// Store slice: the run's scenario and its parameters. `scenario` is the scenario the run starts
// from, `inputs` the live changes since (as the worker recorded them), `effective` the scenario
// as it stands now (what the sliders show). Setters take a parameter path and validate through
// the same parameter specs as links; changes reach the worker throttled on the leading edge
// (the first at once, at the end of the task that made it; then at most one send per
// PARAM_THROTTLE_MS, the last value always sent), merged by path. Adding and removing a VM are
// the model's own scenario edits (sim/scenario/edits.ts), shared with the views' stand-in store.
import type { StateCreator } from 'zustand';
import { applyChanges, isLiveParam, type ParamChange } from '../sim/scenario/paramPath.ts';
import { withVmAdded, withVmRemoved } from '../sim/scenario/edits.ts';
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';
import { sendCommand } from './commandSink.ts';
import type { SimStore } from './store.ts';
import type { InputEntry, RunHistory } from '../run/inputs.ts';

/** Shortest time between two sends of slider moves to the worker, ms (leading-edge throttle). */
export const PARAM_THROTTLE_MS = 120;

export interface ScenarioSlice {
  scenario: Scenario;
  inputs: InputEntry[];
  effective: Scenario;
  /** How many of `inputs` `effective` includes (those due at the tick it was computed for). */
  effectiveInputs: number;
  /** Bumped when a new scenario is loaded (the URL pushes a history entry for it). */
  loadGeneration: number;
  /** Loads a scenario (preset, file, link) at `timeMs`; pushes browser history. */
  loadScenario(scenario: Scenario, inputs?: InputEntry[], timeMs?: number): void;
  /** Sets one parameter by path ('host.memoryMiB', 'vms.1.balloon.targetMiB', 'policy.kind', ...). */
  setParam(path: string, value: ParamValue): void;
  addVm(): void;
  removeVm(vm: number): void;
  /** The worker's record of the run (after a change or a load). */
  receiveHistory(history: RunHistory): void;
}

let pending: ParamChange[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  const changes = pending;
  pending = [];
  if (changes.length > 0) sendCommand({ type: 'setParams', changes });
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
  inputs: [],
  effective: null as unknown as Scenario,
  effectiveInputs: 0,
  loadGeneration: 0,

  loadScenario(scenario, inputs = [], timeMs = 0) {
    pending = [];
    set((s) => ({ scenario, inputs, effective: effectiveAt(scenario, inputs, 0), effectiveInputs: dueCount(inputs, 0), loadGeneration: s.loadGeneration + 1, timeMs, selectedPage: null, walkTarget: null, walkStep: null, walk: null, walkError: null }));
    sendCommand({ type: 'load', scenario, inputs, timeMs });
  },

  setParam(path, value) {
    const r = applyChanges(get().effective, [{ path, value }]);
    if (!r.ok) return get().notify('warning', `${path} could not be set`, r.errors);
    if (r.corrections.length > 0) get().notify('info', 'A value was corrected', r.corrections);
    set({ effective: r.scenario });
    if (!isLiveParam(path)) set({ scenario: r.scenario, inputs: [] });
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

  receiveHistory(history) {
    set({ scenario: history.scenario, inputs: history.inputs });
    if (pending.length === 0) {
      set({ effective: effectiveAt(history.scenario, history.inputs, history.atTick), effectiveInputs: dueCount(history.inputs, history.atTick) });
    }
  },
});

export const dueCount = (inputs: readonly InputEntry[], ticks: number): number => inputs.filter((e) => e.tick <= ticks).length;

/** The scenario with the inputs up to `ticks` applied. */
export function effectiveAt(scenario: Scenario, inputs: readonly InputEntry[], ticks: number): Scenario {
  const due = inputs.filter((e) => e.tick <= ticks).map((e) => ({ path: e.path, value: e.value }));
  if (due.length === 0) return scenario;
  const r = applyChanges(scenario, due);
  return r.ok ? r.scenario : scenario;
}
