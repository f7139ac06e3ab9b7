// Powering a VM off and on (the schedule's `stop` and `start` entries: a boot storm). Stopping
// releases every host frame, host swap slot and compression-cache page the VM holds and its EPT
// tables; the guest is gone, so the VM does nothing until started. Starting builds the VM
// afresh from its configuration as it stands then: new EPT tables, the kernel booted, the
// workload starting from nothing, the balloon empty (a booting guest's driver starts deflated).
// Policies see the new VM through the same observation (Simulation.observed).
import { EPT_UNTOUCHED } from './host/Ept.ts';
import type { Simulation } from './Simulation.ts';
import { Vm } from './Vm.ts';
import { machineOf } from './walk/machineTranslation.ts';

export function powerOff(sim: Simulation, vm: number): void {
  if (!sim.poweredOn[vm]) return;
  const old = sim.vms[vm];
  const entries = old.ept.entries;
  for (let g = 0; g < entries.length; g++) if (entries[g] !== EPT_UNTOUCHED) sim.hv.unback(vm, g, EPT_UNTOUCHED);
  old.ept.releaseTables(sim.hv.frames);
  old.ept.tableFrames.forEach((t) => t.fill(-1));
  sim.poweredOn[vm] = false;
}

export function powerOn(sim: Simulation, vm: number): void {
  if (sim.poweredOn[vm]) return;
  const s = sim.scenario;
  const fresh = new Vm(vm, s.vms[vm], sim.hv, machineOf(s.host, s.vms[vm].pageTableLevels), s.tickMs, sim.rng);
  sim.vms[vm] = fresh;
  sim.observed[vm].rebind(fresh);
  sim.poweredOn[vm] = true;
}
