// Built-in scenarios, written in the public scenario format (docs/scenario-format.md) and
// validated like any file. Each shows one mechanism; its `about` says what to look for.

export interface Preset {
  name: string;
  title: string;
  about: string;
  scenario: Record<string, unknown>;
}

/** A VM of a built-in scenario: shares at vSphere's Normal (10 per MiB) unless `extra` says. */
export const presetVm = (
  name: string,
  memoryMiB: number,
  workload: Record<string, unknown>,
  balloon: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  name,
  memoryMiB,
  shares: memoryMiB * 10,
  workload,
  balloon,
  ...extra,
});

/** Three VMs squeezing a 3 GiB host with no balloon; the host swap device's read latency varies. */
function overcommitWithoutBalloon(swapLatencyUs: number): Record<string, unknown> {
  return {
    format: 2,
    seed: 2,
    tickMs: 100,
    host: { memoryMiB: 3072, swapMiB: 4096, swapLatencyUs, swapSelection: 'random' },
    policy: { kind: 'none' },
    vms: [
      presetVm('app1', 1536, { kind: 'steady', activeMiB: 512, footprintMiB: 1280 }, { enabled: false }),
      presetVm('app2', 1536, { kind: 'steady', activeMiB: 512, footprintMiB: 1280 }, { enabled: false }),
      presetVm(
        'hog',
        1024,
        { kind: 'hog', activeMiB: 0, footprintMiB: 1400, growMiBPerSec: 64 },
        { enabled: false },
        { guestSwapMiB: 1024 },
      ),
    ],
  };
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'host-runs-short',
    title: 'The host runs short: ESX inflates balloons',
    about:
      "Three VMs share a 3 GiB host under the ESX policy. At normal demand the host has about a third of its memory free and no balloon moves. Raise the memory pressure: the guests touch more memory, the host's free memory falls below its thresholds, and the hypervisor tells the balloon drivers to inflate (near 2x). Each guest then reclaims for its balloon: free pages cost nothing, file cache is dropped and read again, anonymous pages go to the guest's swap, so the cost depends on how much is reclaimed and on the swap storage.",
    scenario: {
      format: 1,
      seed: 4,
      tickMs: 100,
      host: { memoryMiB: 3072, swapMiB: 4096, swapLatencyUs: 100 },
      policy: { kind: 'esx' },
      vms: [
        presetVm(
          'web',
          1536,
          { kind: 'steady', activeMiB: 384, footprintMiB: 768, accessesPerSec: 2000 },
          { driver: 'vmware' },
          { guestDiskLatencyUs: 100 },
        ),
        presetVm(
          'db',
          1536,
          { kind: 'filecache', activeMiB: 512, footprintMiB: 256, fileMiB: 768, accessesPerSec: 2000 },
          { driver: 'vmware' },
          { guestDiskLatencyUs: 100 },
        ),
        presetVm(
          'idle',
          1536,
          { kind: 'idle', activeMiB: 32, footprintMiB: 384, accessesPerSec: 200 },
          { driver: 'vmware' },
          { guestDiskLatencyUs: 100 },
        ),
      ],
    },
  },
  {
    name: 'balloon-by-hand',
    title: 'An idle VM ballooned by hand',
    about:
      "Three VMs overcommit a 4 GiB host. The idle VM's balloon is set to 1 GiB: its guest gives up free pages, the hypervisor drops their EPT entries and their frames return to the host, so the busy VMs fit without host swapping.",
    scenario: {
      format: 2,
      seed: 1,
      tickMs: 100,
      host: { memoryMiB: 4096, swapMiB: 4096, swapLatencyUs: 200 },
      policy: { kind: 'manual' },
      vms: [
        presetVm('web', 1536, { kind: 'steady', activeMiB: 384, footprintMiB: 1024, accessesPerSec: 2000 }),
        presetVm('db', 1536, { kind: 'filecache', activeMiB: 512, footprintMiB: 256, fileMiB: 1024, accessesPerSec: 2000 }),
        presetVm('idle', 1536, { kind: 'idle', activeMiB: 32, footprintMiB: 384, accessesPerSec: 200 }, { targetMiB: 1024 }),
      ],
    },
  },
  {
    name: 'overcommit-no-balloon',
    title: 'Host overcommit without a balloon',
    about:
      'No balloon driver: the host runs out of frames and swaps pages it picks blindly. One guest is itself short of memory and swaps too, sometimes choosing pages the host already swapped: double paging.',
    scenario: overcommitWithoutBalloon(200),
  },
  {
    name: 'identical-vms',
    title: 'Identical VMs sharing pages',
    about:
      'Four VMs run the same program (60% of its footprint is identical code and data). The sharing scanner merges identical and zero pages into copy-on-write frames; writes break them again.',
    scenario: {
      format: 2,
      seed: 3,
      tickMs: 100,
      host: { memoryMiB: 2048, swapMiB: 2048, pageSharing: 'all', shareScanPagesPerSec: 20000 },
      policy: { kind: 'manual' },
      vms: [1, 2, 3, 4].map((i) =>
        presetVm(`spec${i}`, 512, { kind: 'steady', activeMiB: 128, footprintMiB: 320, identicalPercent: 60, writePercent: 20 }),
      ),
    },
  },
  {
    name: 'slow-swap',
    title: 'The same squeeze on a hard disk',
    about:
      'The overcommit scenario with host swap on a 7 ms hard disk instead of a 200 µs SSD: the same pages move, but every host swap-in now stalls the guest 35 times longer.',
    scenario: overcommitWithoutBalloon(7000),
  },
  {
    name: 'esx-idle-tax',
    title: 'ESX idle memory tax (Waldspurger Fig. 7)',
    about:
      "Two VMs with identical shares overcommit a 768 MiB host: one sits idle after boot, the other runs a busy working set. ESX samples 100 random pages per VM every 30 s to estimate how much memory each really uses; with the idle tax at 75% an idle page costs four active ones, so the idle VM's balloon grows and the busy VM gets its memory (watch the target allocations and active estimates). It takes minutes: the sampler first counts the idle VM's boot, and its slow average falls only over several periods. Set the idle tax to 0 to see both kept at the same size, as in the paper's first half.",
    scenario: {
      format: 2,
      seed: 7,
      tickMs: 100,
      host: { memoryMiB: 768, swapMiB: 2048, swapLatencyUs: 200 },
      policy: { kind: 'esx', idleTaxPercent: 75 },
      vms: [
        presetVm('idle', 512, { kind: 'idle', activeMiB: 8, footprintMiB: 400, accessesPerSec: 200 }, { driver: 'vmware' }),
        presetVm('busy', 512, { kind: 'steady', activeMiB: 400, footprintMiB: 440, accessesPerSec: 20000 }, { driver: 'vmware' }),
      ],
    },
  },
  {
    name: 'vsphere-ramp',
    title: 'vSphere free-memory states under a ramp',
    about:
      'A batch job grows by 32 MiB/s beside two steady VMs on a 2.5 GiB host with large pages, TPS and memory compression on. As free memory falls vSphere steps through its states: Clear (below minFree: large pages are broken and page sharing starts merging), Soft (below 64%: balloons inflate), Hard (below 32%: pages are compressed into a 2 KB cache, the rest swapped, ballooning stops). Salting keeps sharing inside each VM.',
    scenario: {
      format: 2,
      seed: 11,
      tickMs: 100,
      host: {
        memoryMiB: 2560,
        swapMiB: 4096,
        swapLatencyUs: 200,
        compression: true,
        largePages: true,
        pageSharing: 'all',
        shareScanPagesPerSec: 20000,
      },
      policy: { kind: 'vsphere' },
      vms: [
        presetVm(
          'web',
          1024,
          { kind: 'steady', activeMiB: 256, footprintMiB: 640, accessesPerSec: 10000, writePercent: 80, identicalPercent: 20 },
          { driver: 'vmware' },
        ),
        presetVm(
          'db',
          1024,
          { kind: 'steady', activeMiB: 384, footprintMiB: 640, accessesPerSec: 10000, writePercent: 80, identicalPercent: 20 },
          { driver: 'vmware' },
        ),
        presetVm(
          'batch',
          1536,
          { kind: 'hog', activeMiB: 0, footprintMiB: 1450, growMiBPerSec: 32, accessesPerSec: 10000, writePercent: 100 },
          { driver: 'vmware' },
        ),
      ],
    },
  },
  {
    name: 'mom-ksm-squeeze',
    title: 'KVM with oVirt MOM: 5% steps and KSM',
    about:
      "Three 2 GiB KVM guests on a 3 GiB host. Every 15 s MOM looks at the host's free memory (mean of the last 10 samples, taken every 15 s: the free host of the first sample keeps it calm for the first minute): below 20% it shrinks each guest by 5% of its size, never below its used memory plus a free share; it also starts KSM and adds 300 pages to each scan while the host is short. As KSM merges zero pages the host recovers and MOM grows the guests back at least 5% a run; later the file cache fills and MOM squeezes again.",
    scenario: {
      format: 2,
      seed: 7,
      tickMs: 100,
      host: { memoryMiB: 3072, swapMiB: 4096, pageSharing: 'all', shareScanPagesPerSec: 5000, swapSelection: 'lru' },
      policy: { kind: 'kvm-mom' },
      vms: [
        presetVm(
          'web',
          2048,
          { kind: 'steady', activeMiB: 600, footprintMiB: 1400, identicalPercent: 10 },
          { driver: 'virtio' },
          { minMiB: 512 },
        ),
        presetVm(
          'db',
          2048,
          { kind: 'filecache', activeMiB: 800, footprintMiB: 300, fileMiB: 2000 },
          { driver: 'virtio' },
          { minMiB: 512 },
        ),
        presetVm(
          'batch',
          2048,
          { kind: 'steady', activeMiB: 500, footprintMiB: 1300, identicalPercent: 10 },
          { driver: 'virtio' },
          { minMiB: 512 },
        ),
      ],
    },
  },
  {
    name: 'xen-squeezed',
    title: 'Xen squeezed: one ratio for every domain',
    about:
      'Three Xen domains with different dynamic ranges on a 4 GiB host. squeezed sets each target to dynamic-min + r x (dynamic-max - dynamic-min) with the same r for all, chosen so the host keeps 72 MiB free (r = 0.44 here), whatever the guests are doing: squeezed looks at allocations, not at demand. Its first check comes after 10 s; watch every balloon then settle at the same ratio of its range.',
    scenario: {
      format: 2,
      seed: 5,
      tickMs: 100,
      host: { memoryMiB: 4096, swapMiB: 4096 },
      policy: { kind: 'xen' },
      vms: [
        presetVm(
          'small',
          1024,
          { kind: 'steady', activeMiB: 200, footprintMiB: 400 },
          { driver: 'xen' },
          { dynamicMinMiB: 512, dynamicMaxMiB: 1024 },
        ),
        presetVm(
          'mid',
          2048,
          { kind: 'steady', activeMiB: 300, footprintMiB: 600 },
          { driver: 'xen' },
          { dynamicMinMiB: 768, dynamicMaxMiB: 2048 },
        ),
        presetVm(
          'big',
          3072,
          { kind: 'filecache', activeMiB: 500, footprintMiB: 300, fileMiB: 1500 },
          { driver: 'xen' },
          { dynamicMinMiB: 1024, dynamicMaxMiB: 3072 },
        ),
      ],
    },
  },
  {
    name: 'hyperv-hot-add',
    title: 'Hyper-V Dynamic Memory: hot-add as demand grows',
    about:
      'Two Hyper-V VMs start with 1 GiB online. One runs a program that grows by 8 MiB/s to 1.8 GiB. Every second Hyper-V gives each VM its demand (committed memory plus the balloon floor) plus a 20% buffer: the growing VM first gets its balloon back, then memory hot-added above its startup size; its pressure (demand / assigned) stays near 100/1.2 = 83. The steady VM is ballooned down to its own target.',
    scenario: {
      format: 2,
      seed: 9,
      tickMs: 100,
      host: { memoryMiB: 4096, swapMiB: 4096 },
      policy: { kind: 'hyperv' },
      vms: [
        presetVm(
          'grower',
          3072,
          { kind: 'hog', activeMiB: 0, footprintMiB: 1800, growMiBPerSec: 8 },
          { driver: 'hyperv' },
          { minMiB: 512, startupMiB: 1024 },
        ),
        presetVm(
          'steady',
          2048,
          { kind: 'steady', activeMiB: 300, footprintMiB: 600 },
          { driver: 'hyperv' },
          { minMiB: 512, startupMiB: 1024 },
        ),
      ],
    },
  },
];

/** The first screen's story: the host runs short as pressure rises and an automatic policy
 * inflates the balloons (issue 13). */
export const DEFAULT_PRESET = 'host-runs-short';

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
