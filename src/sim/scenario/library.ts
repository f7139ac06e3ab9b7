// The scenario library: the built-in presets and the library's own scenarios
// (libraryScenarios.ts), each with a learning goal, what to look for, and a check that the run
// shows it (a pure function of the run report and events after `checkSeconds`; a test runs
// every entry and fails if a claim stops being true). Scripted entries carry a schedule (format
// 2), which the run engine applies. The walk entry also names the page whose two-layer walk its
// link opens.
import type { SimEvent, SimEventType } from '../events.ts';
import type { RunReport } from '../report.ts';
import type { WalkTarget } from '../walk/walkTarget.ts';
import { findPreset } from './presets.ts';
import { BOOT_STORM, FREE_PAGE_REPORTING, HYPERV_BUFFER_WEIGHT, oomGuest, PRESSURE_INTO_GUEST } from './libraryScenarios.ts';

export interface LibraryEntry {
  id: string;
  title: string;
  /** One paragraph: what the learner should understand after this scenario. */
  goal: string;
  lookFor: string;
  scenario: Record<string, unknown>;
  /** The scenario's name in links (`scn=`). */
  name: string;
  walkTarget?: WalkTarget;
  checkSeconds: number;
  check(report: RunReport, events: readonly SimEvent[]): boolean;
}

const preset = (name: string): Record<string, unknown> => findPreset(name)!.scenario;
const saw = (events: readonly SimEvent[], type: SimEventType): boolean => events.some((e) => e.type === type);
const vmOf = (r: RunReport, name: string) => r.vms.find((v) => v.name === name)!;

export const LIBRARY: readonly LibraryEntry[] = [
  {
    id: 'first-balloon',
    name: 'balloon-by-hand',
    title: 'The first balloon',
    scenario: preset('balloon-by-hand'),
    checkSeconds: 30,
    goal: 'A balloon is a driver inside the guest that allocates guest memory and hands it to the hypervisor. The guest gives up pages it chose itself (free ones first), the hypervisor drops their mappings and the host gets the frames back, so three VMs fit a host that cannot hold all of them.',
    lookFor: "The idle VM's balloon grows to 1 GiB; its backed memory falls while the host keeps free frames and never swaps.",
    check: (r) => vmOf(r, 'idle').balloonMiB >= 1000 && r.host.swapUsedMiB === 0,
  },
  {
    id: 'pressure-into-guest',
    name: 'pressure-into-guest',
    title: 'Pressure moves into the guest',
    scenario: PRESSURE_INTO_GUEST,
    checkSeconds: 60,
    goal: "A balloon does not make memory pressure disappear: it moves it from the host into the guest, where the guest's own reclaim decides what to give up. The guest first uses free memory and keeps its page cache small, and when a program keeps growing into a ballooned guest, the guest swaps to its own disk.",
    lookFor:
      "The app VM's balloon holds 1 GiB from the start and its page cache stays below its 900 MiB of files. At 20 s the hypervisor asks the grower's balloon for 900 MiB: its guest free memory goes first, then at about 45 s the growing program meets the balloon, the guest starts swapping and its performance drops.",
    check: (r) =>
      vmOf(r, 'app').guestCacheMiB < 900 &&
      vmOf(r, 'grower').guestSwapMiB > 0 &&
      vmOf(r, 'grower').performance < 0.9 &&
      r.host.swapUsedMiB === 0,
  },
  {
    id: 'double-paging',
    name: 'overcommit-no-balloon',
    title: 'Balloon versus host swapping: double paging',
    scenario: preset('overcommit-no-balloon'),
    checkSeconds: 60,
    goal: 'Without a balloon, the host can only take memory back by swapping guest pages it cannot see into. It picks blindly, and a guest short of memory may swap out a page the host already swapped: the page is read back from host swap only to be written to guest swap. That is double paging, the cost a balloon avoids.',
    lookFor: 'Host swap grows, the hog guest swaps too, and the double-paging counter rises.',
    check: (r) => r.host.swapUsedMiB > 0 && r.counters.doublePaging > 0,
  },
  {
    id: 'slow-swap',
    name: 'slow-swap',
    title: 'Slow versus fast swap storage',
    scenario: preset('slow-swap'),
    checkSeconds: 60,
    goal: 'The same pages move whatever the swap device, but each host swap-in stalls the guest for the device\'s read time. On a 7 ms disk instead of a 200 µs SSD the same squeeze costs the guests far more work. Compare this entry with "Balloon versus host swapping".',
    lookFor: "Host swap-ins happen as in the overcommit scenario, and the app VMs' performance is lower than there.",
    check: (r) => r.counters.hostSwapIns > 0 && r.vms.some((v) => v.performance < 0.9),
  },
  {
    id: 'esx-states',
    name: 'vsphere-ramp',
    title: "ESX's free-memory states",
    scenario: preset('vsphere-ramp'),
    checkSeconds: 60,
    goal: 'vSphere reclaims in stages chosen by how much host memory is free: it breaks large pages and shares pages first, balloons next, and compresses and swaps only when memory is scarce. Each state is a threshold on free memory; as a batch job grows the host walks down through them.',
    lookFor: 'The host state leaves High and balloons inflate in Soft; as the batch job keeps growing, Hard brings compression.',
    check: (r, ev) => saw(ev, 'vmware-state') && r.counters.balloonInflateMessages > 0,
  },
  {
    id: 'idle-tax',
    name: 'esx-idle-tax',
    title: 'The idle memory tax',
    scenario: preset('esx-idle-tax'),
    checkSeconds: 300,
    goal: "Shares alone would give two VMs with equal shares the same memory even if one of them sits idle. ESX estimates each VM's active memory by sampling and charges idle pages more (the idle memory tax), so memory flows from the idle VM to the busy one.",
    lookFor:
      "Play at 16x: it takes minutes. At first both VMs look active, because the sampler counted the idle VM's boot (it touched all its memory) and the slow average lets that estimate fall only over minutes; so the busy VM is ballooned and swaps, near 0% performance. From about 105 s the idle VM's balloon grows and its entitlement falls below the busy VM's; by about 4 minutes the busy VM runs at full speed.",
    check: (r) =>
      vmOf(r, 'idle').balloonMiB > 0 &&
      vmOf(r, 'idle').entitlementMiB < vmOf(r, 'busy').entitlementMiB &&
      vmOf(r, 'busy').performance > 0.9,
  },
  {
    id: 'page-sharing',
    name: 'identical-vms',
    title: 'Identical VMs sharing pages (and salting)',
    scenario: preset('identical-vms'),
    checkSeconds: 60,
    goal: "VMs running the same program hold many identical pages. The host's sharing scanner hashes pages, merges identical ones into one copy-on-write frame and breaks the share when a VM writes. Salting (vSphere's default) keeps sharing within each VM, giving up most of this saving for isolation; \"ESX's free-memory states\" runs with salting on.",
    lookFor: "The host's shared-saved memory grows to hundreds of MiB and copy-on-write faults appear.",
    check: (r) => r.host.sharedSavedMiB > 100 && r.counters.pagesMerged > 0,
  },
  {
    id: 'kvm-mom-ksm',
    name: 'mom-ksm-squeeze',
    title: 'KVM with MOM and KSM',
    scenario: preset('mom-ksm-squeeze'),
    checkSeconds: 90,
    goal: "On KVM the balloon is driven from outside the hypervisor: oVirt's MOM reads host free memory every 15 s and shrinks guests in 5% steps when the host is short, and it also starts KSM, the kernel's page merger. Two mechanisms, one controller.",
    lookFor: 'MOM balloon decisions and KSM starting; guests shrink in steps.',
    check: (_r, ev) => saw(ev, 'mom-balloon') && saw(ev, 'mom-ksm'),
  },
  {
    id: 'free-page-reporting',
    name: 'free-page-reporting',
    title: 'Free page reporting',
    scenario: FREE_PAGE_REPORTING,
    checkSeconds: 60,
    goal: 'Free page reporting lets a virtio guest tell the host which of its free memory blocks it is not using, so the host discards their frames without inflating a balloon. The guest keeps its full size; only what it really uses stays backed.',
    lookFor:
      "The batch job grows to 1200 MiB, then at 30 s frees all but 200 MiB. No balloon inflates, yet within seconds the batch VM's backed memory falls to about 250 MiB as the guest reports its free blocks and the host discards their frames.",
    check: (r) =>
      r.vms.every((v) => v.balloonMiB === 0 && v.backedMiB < v.memoryMiB * 0.7) &&
      vmOf(r, 'batch').backedMiB < 400 &&
      r.host.freeMiB > r.host.memoryMiB / 2,
  },
  {
    id: 'hyperv-buffer-weight',
    name: 'hyperv-buffer-weight',
    title: 'Hyper-V Dynamic Memory: buffer and weight',
    scenario: HYPERV_BUFFER_WEIGHT,
    checkSeconds: 60,
    goal: 'Hyper-V hands each VM its demand plus a buffer, adding memory as the VM grows. When the host cannot meet every buffer, memory weight decides who gets it: the high-weight VM keeps its buffer, the low-weight VM is squeezed until it swaps.',
    lookFor:
      'Host state reaches "memory short"; gold\'s pressure stays under 100 while bronze\'s rises above it and bronze starts guest swapping.',
    check: (r) => (vmOf(r, 'gold').pressure ?? 0) < 100 && (vmOf(r, 'bronze').pressure ?? 0) > 100 && vmOf(r, 'bronze').guestSwapMiB > 0,
  },
  {
    id: 'xen-squeezed',
    name: 'xen-squeezed',
    title: 'Xen squeezed',
    scenario: preset('xen-squeezed'),
    checkSeconds: 60,
    goal: "Xen's squeezed does not look at demand: it gives every domain the same fraction of its dynamic range, chosen so the host keeps a small reserve free. A busy domain and an idle one are squeezed alike.",
    lookFor: 'After the first check at 10 s every balloon settles at the same ratio of its range.',
    check: (r) => r.counters.balloonInflateMessages > 0 && r.vms.every((v) => v.balloonTargetMiB > 0),
  },
  {
    id: 'boot-storm',
    name: 'boot-storm',
    title: 'A boot storm',
    scenario: BOOT_STORM,
    checkSeconds: 60,
    goal: 'When many VMs boot together each one touches its memory for the first time at once, faster than the balloon can react. The host swaps in the first seconds; ballooning and zero-page sharing then take memory back, and the host swap stays as a cost paid while booting.',
    lookFor:
      "Three desktops run from the start; at 20 s three more boot at once and the host runs out of free frames and swaps. ESX then inflates the new desktops' balloons, zero pages are shared, and the balloons deflate again as the storm passes; performance recovers near 1.",
    check: (r, ev) =>
      r.host.swapUsedMiB > 0 && saw(ev, 'host-swap-started') && r.host.sharedSavedMiB > 0 && r.vms.every((v) => v.performance > 0.9),
  },
  {
    id: 'oom-guest',
    name: 'oom-guest',
    title: 'An out-of-memory guest',
    scenario: oomGuest(false),
    checkSeconds: 60,
    goal: "A balloon that takes too much leaves the guest too little for its programs. With no swap, the guest's out-of-memory killer kills the program, which restarts and is killed again: the balloon keeps its pages whatever happens inside.",
    lookFor: 'The balloon stays at 600 MiB and the OOM-kill counter rises.',
    check: (r) => r.vms[0].balloonMiB >= 590 && r.counters.oomKills > 0,
  },
  {
    id: 'oom-deflate',
    name: 'oom-deflate',
    title: 'The same guest with deflate-on-OOM',
    scenario: oomGuest(true),
    checkSeconds: 60,
    goal: 'With VIRTIO_BALLOON_F_DEFLATE_ON_OOM the guest gives balloon pages back to itself instead of killing a program. The program survives; the host gets less memory back than it asked for.',
    lookFor: 'No OOM kill; the balloon deflates below its target and the driver reports it.',
    check: (r) => r.counters.oomKills === 0 && r.vms[0].balloonMiB < r.vms[0].balloonTargetMiB && r.counters.balloonDeflateMessages > 0,
  },
  {
    id: 'two-layer-walk',
    name: 'balloon-by-hand',
    title: 'The two-layer walk of a ballooned page',
    scenario: preset('balloon-by-hand'),
    checkSeconds: 10,
    walkTarget: { space: 'guest-physical', vm: 2, gpa: '0x10000000' },
    goal: "A guest-virtual address is translated twice: by the guest's page table into a guest-physical address, then by the hypervisor's EPT into a host frame. A ballooned page still has its guest-physical address, but its EPT entry is gone: the second layer ends in nothing.",
    lookFor: "The walk of a page in the idle VM's balloon: the guest side names the balloon, the EPT side has no frame.",
    check: (r) => r.vms[2].balloonMiB > 0,
  },
];

export const findLibraryEntry = (id: string): LibraryEntry | undefined => LIBRARY.find((e) => e.id === id);

/** The entry's scenario as a file would give it, named for links. */
export const libraryJson = (e: LibraryEntry): Record<string, unknown> => ({ ...e.scenario, name: e.name });
