// Applies a live parameter change to a running simulation: the model reads these values from
// its scenario each tick (see isLiveParam), so setting them in place takes effect from the next
// tick. The value has been validated against the scenario's specs before it gets here.
import type { ParamValue } from '../sim/scenario/types.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { isLiveParam } from '../sim/scenario/paramPath.ts';
import type { InputEntry } from './inputs.ts';

export function applyLiveInput(sim: Simulation, input: InputEntry): void {
  if (!isLiveParam(input.path)) throw new Error(`${input.path} is not a live parameter`);
  const [, vm, group, key] = input.path.split('.');
  const config = sim.scenario.vms[Number(vm)];
  if (!config) throw new Error(`${input.path}: no such VM`);
  const values: Record<string, ParamValue> = group === 'balloon' ? config.balloon : config.workload;
  values[key] = input.value;
}
