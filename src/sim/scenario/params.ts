// The parameter tables of the scenario format (docs/scenario-format.md): every key, its range,
// unit and default. Defaults with a source cite it; the rest are modelling choices documented
// in docs/model.md. Policy parameters live beside each policy (src/sim/policy).
import { MAX_VIRTUAL_PAGES } from '../guest/Process.ts';
import { MAX_REF_GUEST_PAGES, MAX_REF_VMS } from '../host/guestPageRef.ts';
import { MAX_HOST_FRAMES } from '../host/HostFrames.ts';
import { pagesToMib } from '../units.ts';
import { flag, num, oneOf, type SpecTable, type StringSpec } from './paramSpec.ts';

export const SCENARIO_FORMAT = 2;
/** Older formats a file may still use; each is migrated (validate.ts): format 1 had no schedule. */
export const OLDER_FORMATS = [1] as const;
/** Most VMs in a scenario: what a guestPageRef can name (host/guestPageRef.ts). */
export const MAX_VMS = MAX_REF_VMS;
/** Largest host, MiB: 2^28 frames, what an EPT entry can name (1 TiB). */
export const MAX_HOST_MIB = pagesToMib(MAX_HOST_FRAMES);
/** Largest guest, MiB: 2^26 pages, what a guestPageRef can name (256 GiB). */
export const MAX_VM_MIB = pagesToMib(MAX_REF_GUEST_PAGES);

/** The hypervisor policies a scenario can name (each a module in src/sim/policy). */
export const POLICY_KINDS = ['manual', 'none', 'esx', 'vsphere', 'kvm-mom', 'xen', 'hyperv'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_SPEC = oneOf('Policy', POLICY_KINDS, 'manual', 'The hypervisor policy that sets balloon targets.');

export const TOP_PARAMS = {
  seed: num('Seed', '', 0, 4294967295, 1, 'Seed of the one random generator; the same seed gives the same run.'),
  tickMs: num('Tick', 'ms', 10, 1000, 100, 'Simulated time advanced by one step.'),
} as const satisfies SpecTable;

export const HOST_PARAMS = {
  memoryMiB: num(
    'Host memory',
    'MiB',
    64,
    MAX_HOST_MIB,
    4096,
    'Physical memory of the host, in 4 KiB frames (in the app, as much as the browser can allocate).',
    { step: 64 },
  ),
  swapMiB: num('Host swap', 'MiB', 0, 262144, 4096, 'Capacity of the host swap device (VMware .vswp, Linux host swap).', { step: 64 }),
  swapLatencyUs: num(
    'Host swap latency',
    'µs',
    1,
    100000,
    200,
    'Time to read one page back from host swap: ~50-100 µs SSD, 5-10 ms HDD (reference §6.3).',
  ),
  pageSharing: oneOf(
    'Page sharing',
    ['off', 'zero', 'all'] as const,
    'off',
    'Host content-based page sharing (ESX TPS, KSM): off, zero pages only, or any identical pages across VMs.',
  ),
  shareScanPagesPerSec: num(
    'Sharing scan rate',
    'pages/s',
    0,
    200000,
    5000,
    'Pages the sharing scanner hashes per second (KSM default: 100 pages every 20 ms).',
    { step: 100 },
  ),
  swapSelection: oneOf(
    'Host swap selection',
    ['random', 'lru'] as const,
    'random',
    'How the host picks pages to swap: uniformly at random (ESX, W02 §3.3) or least recently accessed by EPT accessed bits (KVM host LRU).',
  ),
  compression: flag(
    'Memory compression',
    false,
    'Compress a page chosen for host swap into a per-VM cache when it fits in 2 KB (ESX 4.1+, cache at most 10% of VM memory).',
  ),
  eptLevels: num('EPT levels', '', 4, 5, 4, 'Levels of the second-level (EPT/NPT) table: 4, or 5 with 5-level paging.'),
  largePages: flag(
    'Host large pages',
    false,
    'Map 2 MiB guest-physical regions with one EPT large page unless one of their 512 pages is ballooned, swapped, compressed or shared.',
  ),
  tlbEntries: num(
    'TLB entries',
    '',
    0,
    4096,
    64,
    'Combined guest-virtual to host-physical TLB entries per VM used by the 2D walk (0 = no TLB).',
  ),
  pageWalkCache: flag('Page walk cache', false, 'Cache upper-level guest and EPT entries (AMD PWC, Intel paging-structure caches).'),
  nestedTlb: flag('Nested TLB', false, 'Cache guest-physical to host-physical translations of page-table pages (Bhargava et al. 2008).'),
} as const satisfies SpecTable;

/** VM names (and scenario names): short, and safe in a link, a file name and a CSV column. */
export const VM_NAME_SPEC: StringSpec = {
  kind: 'string',
  label: 'VM name',
  pattern: /^[A-Za-z0-9_.-]{1,24}$/,
  patternText: '1-24 letters, digits, . - or _',
  default: 'vm1',
  description: 'Name of the VM.',
};

/** Largest process a guest runs, MiB: its virtual pages fit the reverse map (guest/Process.ts). */
export const MAX_PROCESS_MIB = pagesToMib(MAX_VIRTUAL_PAGES);

export const VM_PARAMS = {
  memoryMiB: num('VM memory', 'MiB', 16, MAX_VM_MIB, 1024, 'Configured guest-physical memory (the size the guest boots with).', {
    step: 16,
  }),
  minMiB: num('Minimum', 'MiB', 0, MAX_VM_MIB, 0, 'Guaranteed memory (ESX min / reservation, MOM balloon_min, Hyper-V minimum).', {
    step: 16,
  }),
  shares: num('Shares', '', 0, 1000000, 10240, 'Proportional-share weight (vSphere Normal = 10 shares per MiB of memory).', { step: 10 }),
  kernelMiB: num('Kernel memory', 'MiB', 4, 4096, 48, 'Guest memory held by the kernel image and its data at boot.'),
  guestSwapMiB: num('Guest swap', 'MiB', 0, 131072, 1024, "Size of the guest's own swap device.", { step: 64 }),
  guestDiskLatencyUs: num('Guest disk latency', 'µs', 1, 100000, 100, "Time to read one page from the guest's swap or file disk."),
  pageTableLevels: num('Guest paging levels', '', 4, 5, 4, 'Levels of the guest page table: 4, or 5 with LA57.'),
} as const satisfies SpecTable;

export const BALLOON_DRIVERS = ['virtio', 'vmware', 'xen', 'hyperv'] as const;
export type BalloonDriverKind = (typeof BALLOON_DRIVERS)[number];

export const BALLOON_PARAMS = {
  enabled: flag('Balloon driver', true, 'Whether the guest runs a balloon driver.'),
  driver: oneOf('Driver', BALLOON_DRIVERS, 'virtio', 'Which balloon driver the guest runs, with its batch sizes, rates and back-off.'),
  targetMiB: num('Balloon target', 'MiB', 0, MAX_VM_MIB, 0, 'Balloon size asked for by the manual policy (virtio num_pages, in MiB).', {
    step: 16,
  }),
  deflateOnOom: flag(
    'Deflate on OOM',
    false,
    'VIRTIO_BALLOON_F_DEFLATE_ON_OOM: the guest deflates 1 MiB instead of killing a process; MemTotal then stays constant.',
  ),
  mustTellHost: flag(
    'Must tell host',
    true,
    'VIRTIO_BALLOON_F_MUST_TELL_HOST (virtio only): the guest uses a deflated page only after the host acknowledged the deflate, one 256-page round trip at a time; off, it takes the pages back at once and tells the host afterwards.',
  ),
  statsVq: flag(
    'Stats queue',
    true,
    'VIRTIO_BALLOON_F_STATS_VQ (virtio only; QEMU offers it): the guest reports free, available and cached memory on the stats queue. Off, the host sees no guest statistics (MOM cannot size the balloon from them).',
  ),
  freePageReporting: flag(
    'Free page reporting',
    false,
    'VIRTIO_BALLOON_F_PAGE_REPORTING (virtio only; QEMU free-page-reporting=on): the guest reports free 2 MiB blocks 2 s after freeing them and the host discards their frames (mm/page_reporting.c).',
  ),
} as const satisfies SpecTable;

export const WORKLOAD_KINDS = ['idle', 'steady', 'ramp', 'phased', 'filecache', 'hog'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const WORKLOAD_PARAMS = {
  kind: oneOf(
    'Workload',
    WORKLOAD_KINDS,
    'steady',
    'What the guest runs: idle, a steady working set, a ramp, alternating phases, a file-cache reader, or a memory hog.',
  ),
  activeMiB: num('Working set', 'MiB', 0, 65536, 256, 'Memory the workload touches continuously (for ramp: the starting working set).', {
    step: 16,
  }),
  footprintMiB: num(
    'Footprint',
    'MiB',
    0,
    MAX_PROCESS_MIB,
    512,
    'Memory the workload has touched at least once (for ramp: the final working set; for hog: where it stops).',
    { step: 16 },
  ),
  accessesPerSec: num('Access rate', 'pages/s', 0, 200000, 2000, 'Page touches per simulated second when nothing stalls.', { step: 100 }),
  writePercent: num('Writes', '%', 0, 100, 30, 'Share of touches that write (break copy-on-write sharing, dirty cache).'),
  identicalPercent: num(
    'Identical content',
    '%',
    0,
    100,
    0,
    'Share of the footprint whose content is the same in every VM running this workload kind (shared code and data).',
  ),
  periodSeconds: num('Period', 's', 1, 3600, 60, 'Ramp duration, or length of one phase of the phased workload.'),
  fileMiB: num('File data', 'MiB', 0, 131072, 1024, 'Size of the files a file-cache workload reads.', { step: 16 }),
  growMiBPerSec: num('Growth', 'MiB/s', 1, 4096, 64, 'How fast a memory hog allocates.'),
} as const satisfies SpecTable;
