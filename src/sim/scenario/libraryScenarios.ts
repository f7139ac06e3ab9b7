// Scenarios the library (library.ts) adds to the built-in presets, written in the public
// scenario format and validated like any file. Each shows one mechanism the presets do not:
// pressure moving into a guest, free page reporting, Hyper-V's buffer and weight, a boot
// storm, and an out-of-memory guest with and without deflate-on-OOM. Where a teacher would
// script a change at a moment, the scenario's schedule does: a balloon target raised at 20 s, a
// batch job ending at 30 s, a second wave of VMs booting together at 20 s.

import { presetVm as vm } from './presets.ts';

/** One guest, a fixed 1 GiB balloon, and a program that grows into it: cache goes, then swap. */
export const PRESSURE_INTO_GUEST = {
  format: 2,
  seed: 4,
  tickMs: 100,
  host: { memoryMiB: 4096, swapMiB: 4096 },
  policy: { kind: 'manual' },
  vms: [
    vm('app', 2048, { kind: 'filecache', activeMiB: 256, footprintMiB: 256, fileMiB: 900, accessesPerSec: 4000 }, { targetMiB: 1024 }),
    vm('grower', 2048, { kind: 'hog', activeMiB: 0, footprintMiB: 1300, growMiBPerSec: 24 }),
  ],
  // The hypervisor asks the grower's balloon for 900 MiB once its program is running.
  schedule: [{ atS: 20, set: { 'vms.1.balloon.targetMiB': 900 } }],
};

/** A guest that alternates between two halves of its footprint, on KVM, each virtio balloon offering free page reporting. */
export const FREE_PAGE_REPORTING = {
  format: 2,
  seed: 6,
  tickMs: 100,
  host: { memoryMiB: 4096, swapMiB: 4096, swapSelection: 'lru' },
  policy: { kind: 'kvm-mom' },
  vms: [
    vm(
      'batch',
      2048,
      { kind: 'hog', activeMiB: 0, footprintMiB: 1200, growMiBPerSec: 64 },
      { driver: 'virtio', freePageReporting: true },
      { minMiB: 512 },
    ),
    vm('web', 2048, { kind: 'steady', activeMiB: 300, footprintMiB: 600 }, { driver: 'virtio', freePageReporting: true }, { minMiB: 512 }),
  ],
  // The batch job finishes its big phase: it frees all but 200 MiB, which the guest reports.
  schedule: [{ atS: 30, set: { 'vms.0.workload.footprintMiB': 200 } }],
};

/** Two Hyper-V VMs that both grow on a host too small for both buffers: weight decides. */
export const HYPERV_BUFFER_WEIGHT = {
  format: 1,
  seed: 8,
  tickMs: 100,
  host: { memoryMiB: 2560, swapMiB: 4096 },
  policy: { kind: 'hyperv' },
  vms: [
    vm(
      'gold',
      2048,
      { kind: 'hog', activeMiB: 0, footprintMiB: 1100, growMiBPerSec: 32 },
      { driver: 'hyperv' },
      { minMiB: 512, startupMiB: 768, bufferPercent: 50, weight: 100 },
    ),
    vm(
      'bronze',
      2048,
      { kind: 'hog', activeMiB: 0, footprintMiB: 1100, growMiBPerSec: 32 },
      { driver: 'hyperv' },
      { minMiB: 512, startupMiB: 768, bufferPercent: 20, weight: 10 },
    ),
  ],
};

/** Six desktops on ESX, three of them booting together at 20 s: each populates its footprint at once. */
export const BOOT_STORM = {
  format: 2,
  seed: 12,
  tickMs: 100,
  host: { memoryMiB: 2560, swapMiB: 4096, pageSharing: 'zero', shareScanPagesPerSec: 20000 },
  policy: { kind: 'esx' },
  vms: [1, 2, 3, 4, 5, 6].map((i) =>
    vm(`desk${i}`, 768, { kind: 'steady', activeMiB: 192, footprintMiB: 480, accessesPerSec: 3000 }, { driver: 'vmware' }),
  ),
  // Three desktops run from the start; the other three boot together at 20 s (the morning's
  // second wave of logins), on a host whose free memory the first three already use.
  schedule: [4, 5, 6].map((i) => ({ atS: 20, start: `desk${i}` })),
};

/** A guest whose balloon leaves too little for its program, with deflate-on-OOM off or on. */
export function oomGuest(deflateOnOom: boolean): Record<string, unknown> {
  return {
    format: 1,
    seed: 10,
    tickMs: 100,
    host: { memoryMiB: 2048, swapMiB: 2048 },
    policy: { kind: 'manual' },
    vms: [
      vm(
        'tight',
        1024,
        { kind: 'hog', activeMiB: 0, footprintMiB: 700, growMiBPerSec: 32 },
        { driver: 'virtio', targetMiB: 600, deflateOnOom },
        { guestSwapMiB: 0 },
      ),
    ],
  };
}
