// Simulations in known states for the page-walk tests, and a search for a guest-virtual page
// whose walk ends a given way. Every state comes from running a validated scenario.
import { VA_BASE } from '../../../src/sim/guest/Process.ts';
import { APP_PID } from '../../../src/sim/guest/Workload.ts';
import type { Simulation } from '../../../src/sim/Simulation.ts';
import { translate } from '../../../src/sim/walk/translate.ts';
import type { Walk } from '../../../src/sim/walk/walkTypes.ts';
import { sim } from '../../helpers/scenario.ts';

export { APP_PID };
export const PAGE_BYTES = 4096;

/** Guest-virtual address of virtual page v of a process (its mapping starts at VA_BASE). */
export const addressOf = (v: number, offsetBytes = 0): number => VA_BASE + v * PAGE_BYTES + offsetBytes;

/** One VM with a steady workload whose 32 MiB footprint is fully populated; the host has room. */
export function quietVm(host: Record<string, unknown> = {}, vm: Record<string, unknown> = {}): Simulation {
  const s = sim({
    seed: 11,
    host: { memoryMiB: 512, ...host },
    policy: { kind: 'manual' },
    vms: [{ memoryMiB: 64, kernelMiB: 8, workload: { kind: 'steady', activeMiB: 16, footprintMiB: 32, writePercent: 30 }, ...vm }],
  });
  s.run(1);
  return s;
}

/** Two VMs on a host too small for both, no balloon (policy none): after 3 s the host has
 * swapped (or, with compression, compressed) some of their pages. */
export function overcommitted(compression: boolean, hostMiB = 224, guestLevels = 4, eptLevels = 4): Simulation {
  const vm = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    memoryMiB: 128,
    kernelMiB: 16,
    guestSwapMiB: 128,
    pageTableLevels: guestLevels,
    balloon: { enabled: false },
    workload: { kind: 'steady', activeMiB: 32, footprintMiB: 96 },
    ...extra,
  });
  const s = sim({
    seed: 5,
    host: { memoryMiB: hostMiB, swapMiB: 512, compression, eptLevels },
    policy: { kind: 'none' },
    vms: [vm('steady'), vm('hog', { guestSwapMiB: 256, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 200, growMiBPerSec: 32 } })],
  });
  s.run(3);
  return s;
}

/** A memory hog that outgrows its 64 MiB VM, so its guest swaps (the host has room). */
export function guestSwapping(): Simulation {
  const s = sim({
    seed: 7,
    host: { memoryMiB: 512 },
    policy: { kind: 'manual' },
    vms: [
      { memoryMiB: 64, kernelMiB: 8, guestSwapMiB: 256, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 128, growMiBPerSec: 64 } },
    ],
  });
  s.run(3);
  return s;
}

/** The first virtual page (scanning every `stride`) of the app in VM vmIndex whose walk
 * satisfies `wanted`, with that walk; null if none does. */
export function findWalk(
  s: Simulation,
  vmIndex: number,
  wanted: (w: Walk) => boolean,
  write = false,
  stride = 1,
): { v: number; walk: Walk } | null {
  const process = s.vms[vmIndex].os.processes[APP_PID]!;
  for (let v = 0; v < process.virtualPages; v += stride) {
    const walk = translate(s, vmIndex, APP_PID, addressOf(v), { write });
    if (wanted(walk)) return { v, walk };
  }
  return null;
}
