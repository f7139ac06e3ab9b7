// Applies a compiled schedule (sim/scenario/timeline.ts) to a running simulation, one tick's
// actions on arriving at that tick: parameter values set in the model's scenario (the model
// reads them every tick, see isLiveParam), VMs stopped and started, pages touched. Shared by
// the run engine (SimCore, with keyframes) and the CLI's plain runs (TimelineRun).
import { isLiveParam, type ParamChange } from '../sim/scenario/paramPath.ts';
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';
import { compileSchedule, type CompiledSchedule, type TickAction } from '../sim/scenario/timeline.ts';
import { validateScenario } from '../sim/scenario/validate.ts';
import { Simulation } from '../sim/Simulation.ts';
import { powerOff, powerOn } from '../sim/vmPower.ts';

/** Sets one live parameter in a scenario, the model's own included (validated before it gets here). */
export function applyLiveChange(scenario: Scenario, change: ParamChange): void {
  if (!isLiveParam(change.path)) throw new Error(`${change.path} is not a live parameter`);
  const parts = change.path.split('.');
  if (parts[0] === 'policy') return void (scenario.policy.params[parts[1]] = change.value);
  const [, vm, group, key] = parts;
  const config = scenario.vms[Number(vm)];
  if (!config) throw new Error(`${change.path}: no such VM`);
  const values: Record<string, ParamValue> = group === 'balloon' ? config.balloon : config.workload;
  values[key] = change.value;
}

export function applyActions(sim: Simulation, actions: readonly TickAction[]): void {
  for (const a of actions) {
    if (a.type === 'set') for (const c of a.changes) applyLiveChange(sim.scenario, c);
    else if (a.type === 'start') powerOn(sim, a.vm);
    else if (a.type === 'stop') powerOff(sim, a.vm);
    else sim.vms[a.vm].os.touchGuestPhysical(a.page, false);
  }
}

/** The scenario's schedule compiled for running (it was validated, so clamp mode finds nothing
 * to correct in it). */
export const compileForRun = (scenario: Scenario): CompiledSchedule =>
  compileSchedule(scenario, scenario.schedule, 'clamp', (json, mode) => validateScenario(json, mode));

/** The scenario as it stands at `tick` (the sliders' values): the start scenario with the set
 * actions due by then applied. */
export function scenarioAt(scenario: Scenario, compiled: CompiledSchedule, tick: number): Scenario {
  const out = structuredClone(scenario);
  for (const [t, actions] of compiled.actions) {
    if (t > tick) continue;
    for (const a of actions) if (a.type === 'set') for (const c of a.changes) applyLiveChange(out, c);
  }
  return out;
}

/** The model a scenario starts: its copy of the scenario has no schedule (the run applies it). */
export function newSimulation(scenario: Scenario): Simulation {
  return new Simulation({ ...structuredClone(scenario), schedule: [] });
}
