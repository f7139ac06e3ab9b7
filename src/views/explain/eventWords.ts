// Every sentence the screen says about what happened: the model's events (src/sim/events.ts)
// and the balloon drivers' activities turned into words, and the "why?" behind each kind of
// event. The model only emits data; this is the one place its words live (ready for a string
// table per language). Pure.
import type { BalloonActivity } from '../../sim/balloon/BalloonDriver.ts';
import type { SimEventData, SimEventKind, ThresholdBase, VmwareProduct } from '../../sim/events.ts';
import type { BalloonDriverKind } from '../../sim/scenario/params.ts';
import { pagesToMib } from '../../sim/units.ts';

/** Names the VMs of the run the events came from (index -> name). */
export type VmNamer = (vm: number) => string;

const mib = (pages: number): number => Math.round(pagesToMib(pages));
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const title = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

const PRODUCT: Readonly<Record<VmwareProduct, string>> = { esx: 'ESX', vsphere: 'vSphere' };

/** What a VMware host does in each free-memory state (docs/policies-vmware.md §3). */
const VMWARE_DOING: Readonly<Record<VmwareProduct, Readonly<Record<string, string>>>> = {
  esx: {
    high: 'no reclamation',
    soft: 'reclaiming by ballooning',
    hard: "host swapping to each VM's target while ballooning continues",
    low: 'host swapping and blocking VMs above their target',
  },
  vsphere: {
    high: 'no reclamation',
    clear: 'large pages broken so page sharing can work',
    soft: 'page sharing and ballooning',
    hard: 'compressing and swapping; ballooning stops',
    low: 'compressing, swapping and blocking VMs above their target',
  },
};

const threshold = (percent: number, of: ThresholdBase): string => `${percent}% of ${of}`;

/** The sentence for one event. */
export function eventSentence(e: SimEventData, name: VmNamer): string {
  switch (e.type) {
    case 'oom-kill':
      return `${name(e.vm)}: the guest ran out of memory and its OOM killer killed ${e.process} (restarts in ${seconds(e.restartAfterMs)}).`;
    case 'balloon-stalled':
      return `${name(e.vm)}: ${stallWords(e.activity, e.retryAfterMs)}, at ${mib(e.actualPages)} of ${mib(e.targetPages)} MiB.`;
    case 'balloon-inflated':
      return `${name(e.vm)}'s balloon inflated to ${mib(e.balloonPages)} MiB: the guest gave up ${mib(e.changePages)} MiB of pages and their host frames went back to the free pool.`;
    case 'balloon-deflated':
      return `${name(e.vm)}'s balloon deflated to ${mib(e.balloonPages)} MiB, handing ${mib(e.changePages)} MiB back to the guest.`;
    case 'balloon-target':
      return `${name(e.vm)}'s balloon target is now ${mib(e.targetPages)} MiB.`;
    case 'guest-swapped':
      return `${name(e.vm)} swapped ${mib(e.changePages)} MiB to its own swap disk (${mib(e.swapPages)} MiB there now): the guest chose pages it thinks are idle.`;
    case 'host-swap-started':
      return `The host ran short of free frames and started swapping guest pages it cannot see into (${mib(e.freePages)} MiB free).`;
    case 'host-swap-stopped':
      return `The host has not swapped for ${seconds(e.quietMs)}.`;
    case 'host-swapped':
      return `The host swapped out ${mib(e.changePages)} MiB of guest pages it cannot see into (${mib(e.swapPages)} MiB in host swap).`;
    case 'double-paging':
      return 'Double paging: a guest swapped out a page the host had already swapped, so the host read it back from disk first.';
    case 'host-state':
      return `The host went from ${e.from} to ${e.to}, with ${mib(e.freePages)} MiB free.`;
    case 'vmware-state': {
      const product = PRODUCT[e.product];
      const doing = VMWARE_DOING[e.product][e.state] ?? e.state;
      if (e.direction === 'up') {
        return `Free memory rose above ${threshold(e.thresholdPercent, e.thresholdOf)} plus the hysteresis margin (${mib(e.freePages)} MiB free): ${product} returned to ${title(e.state)}, ${doing}.`;
      }
      const raised = e.raised ? `, and raised ${name(e.raised.vm)}'s balloon target to ${mib(e.raised.targetPages)} MiB` : '';
      return `Free memory fell below ${threshold(e.thresholdPercent, e.thresholdOf)} (${mib(e.freePages)} MiB free): ${product} entered ${title(e.state)}, ${doing}${raised}.`;
    }
    case 'vmware-target':
      return `${PRODUCT[e.product]} ${e.raised ? 'raised' : 'lowered'} ${name(e.vm)}'s balloon target to ${mib(e.targetPages)} MiB (target allocation ${mib(e.entitlementPages)} MiB, active estimate ${mib(e.activeEstimatePages)} MiB).`;
    case 'vmware-blocked':
      return e.blocked
        ? `${PRODUCT[e.product]} blocked ${name(e.vm)}: free memory is below ${threshold(e.thresholdPercent, e.thresholdOf)} and ${name(e.vm)} is above its target of ${mib(e.targetPages)} MiB.`
        : `${PRODUCT[e.product]} let ${name(e.vm)} run again.`;
    case 'mom-balloon': {
      const grow = e.underPressure ? 'ballooning disabled: MOM only grows' : 'host not under pressure';
      const why =
        e.rule === 'shrink' ? `host free ${e.hostFreePercent.toFixed(1)}% < 20%` : e.rule === 'grow' ? grow : 'below its guaranteed memory';
      return `MOM ${e.rule}: ${name(e.vm)} to ${mib(e.guestMemoryPages)} MiB (${why}).`;
    }
    case 'mom-ksm':
      return e.running ? 'MOM started KSM.' : 'MOM stopped KSM.';
    case 'squeezed-stuck':
      return `squeezed: ${name(e.vm)}'s balloon driver made no progress for ${seconds(e.noProgressMs)}; holding it at ${mib(e.actualPages)} MiB.`;
    case 'squeezed-result':
      return `squeezed: ${e.result}.`;
  }
}

/** Why a balloon stopped short of its target. */
function stallWords(activity: BalloonActivity, retryAfterMs: number): string {
  switch (activity) {
    case 'out-of-puff':
      return `the balloon driver is out of puff: an allocation failed, so it sleeps ${Math.round(retryAfterMs)} ms before trying again`;
    case 'retry-later':
      return `decrease_reservation got fewer frames than asked (BP_EAGAIN); the balloon driver retries in ${seconds(retryAfterMs)}`;
    case 'allocation-failed':
      return 'an allocation failed, so the balloon driver inflates more slowly';
    case 'floor-reached':
      return "the balloon reached the guest's floor: inflating further would starve the guest";
    case 'deflated-on-oom':
      return 'the guest ran out of memory, so the balloon deflated 1 MiB instead of the OOM killer killing a process';
    default:
      return `the balloon driver is ${activityWords(activity, null)}`;
  }
}

/** A balloon driver's activity in its own driver's terms ("decrease_reservation" for Xen). */
export function activityWords(activity: BalloonActivity | null, driver: BalloonDriverKind | null): string {
  switch (activity) {
    case null:
      return 'no driver';
    case 'inflating':
      return driver === 'xen' ? 'decrease_reservation' : driver === 'hyperv' ? 'balloon up' : 'inflating';
    case 'deflating':
      return driver === 'xen' ? 'increase_reservation' : driver === 'hyperv' ? 'balloon down' : 'deflating';
    case 'hot-add':
      return 'hot add';
    case 'out-of-puff':
      return 'out of puff (sleeping 200 ms)';
    case 'retry-later':
      return 'BP_EAGAIN, waiting to retry';
    case 'allocation-failed':
      return 'inflating slowly (allocation failed)';
    case 'floor-reached':
      return 'balloon floor reached';
    case 'deflated-on-oom':
      return 'deflated on OOM';
    case 'idle':
      return 'idle';
  }
}

/** The "why?" behind each kind of event, shown under the latest sentences. */
export const WHY: Readonly<Record<SimEventKind, string>> = {
  policy:
    "The hypervisor cannot see which guest pages matter (the semantic gap), so its policy watches host free memory and sets each balloon's target; the guest then decides which pages to give up.",
  balloon:
    'The balloon driver inside the guest allocates pages like any program and reports them to the hypervisor, which drops their EPT entries and returns the host frames to its free pool. Deflating reverses this.',
  guest:
    'Under pressure (often from its own balloon) the guest reclaims: free pages first, then clean page cache, then idle anonymous pages to its swap. It knows which pages are idle; the host does not.',
  host: 'When ballooning is absent, slow or capped, the host takes frames itself: it compresses or swaps guest pages it picks blindly. If the guest later swaps the same page out, it first has to be read back in: double paging.',
  sharing:
    'The sharing scanner hashes guest pages; identical ones are merged into one read-only, copy-on-write host frame. A write breaks the sharing with a copy.',
};
