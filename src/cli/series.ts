// Time series of a run, one row per sample: host free memory and, per VM, balloon, backed
// memory, guest and host swap, and performance. Written as CSV by the CLI's --series.
import { EptKind } from '../sim/host/Ept.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { pagesToMib } from '../sim/units.ts';

export function seriesHeader(sim: Simulation): string {
  const cols = ['simSeconds', 'hostFreeMiB', 'hostSwapUsedMiB', 'hostState'];
  for (const vm of sim.vms) {
    for (const c of ['balloonMiB', 'balloonTargetMiB', 'backedMiB', 'guestSwapMiB', 'hostSwappedMiB', 'performance']) cols.push(`${vm.name}.${c}`);
  }
  return cols.join(',');
}

export function seriesRow(sim: Simulation): string {
  const mib = (p: number): string => pagesToMib(p).toFixed(2);
  const cells = [(sim.timeMs / 1000).toFixed(3), mib(sim.hv.frames.freeFrames), mib(sim.hv.swap.used), sim.policy.state];
  for (const vm of sim.vms) {
    cells.push(
      mib(vm.driver?.actualPages ?? 0),
      mib(vm.driver?.targetPages ?? 0),
      mib(vm.ept.present),
      mib(vm.os.swap.used),
      mib(vm.ept.counts[EptKind.Swapped]),
      vm.performance.value().toFixed(4),
    );
  }
  return cells.join(',');
}
