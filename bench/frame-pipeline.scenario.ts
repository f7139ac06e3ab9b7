// The benchmark's hosts: `gib` GiB of host memory shared by four VMs of a quarter each, three
// running steady workloads (60% footprint) and one ballooned by hand, so the maps hold every
// kind of page. Map windows at screen resolution: the host map 1920 x 540 cells, each guest map
// 480 x 270 cells.
import { validateScenario } from '../src/sim/scenario/validate.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';

export const HOST_WINDOW = { firstPage: 0, pageCount: 2 ** 31, cells: 1920 * 540 };
export const GUEST_WINDOW = { firstPage: 0, pageCount: 2 ** 31, cells: 480 * 270 };

export function benchScenario(gib: number): Scenario {
  const vmMiB = gib * 256;
  const vm = (i: number) => ({
    name: `vm${i + 1}`,
    memoryMiB: vmMiB,
    workload: {
      kind: i === 1 ? 'filecache' : 'steady',
      activeMiB: Math.round(vmMiB * 0.25),
      footprintMiB: Math.round(vmMiB * 0.6),
      fileMiB: Math.round(vmMiB * 0.5),
      accessesPerSec: 20000,
    },
    balloon: { targetMiB: i === 3 ? Math.round(vmMiB * 0.5) : 0 },
  });
  const r = validateScenario(
    { format: 1, seed: 11, host: { memoryMiB: gib * 1024, swapMiB: gib * 1024 }, policy: { kind: 'manual' }, vms: [0, 1, 2, 3].map(vm) },
    'strict',
  );
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}
