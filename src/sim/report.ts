// The run report (the CLI's --json output and the browser's summary): host and per-VM memory
// in MiB (rounded to 0.01) with the exact page count beside each, the event counters, and the
// invariant check. Field names are a public contract,
// documented in docs/scenario-format.md.
import type { BalloonActivity } from './balloon/BalloonDriver.ts';
import { PageKind } from './guest/pageState.ts';
import type { BalloonDriverKind } from './scenario/params.ts';
import { EptKind } from './host/Ept.ts';
import { checkInvariants } from './invariants.ts';
import type { Simulation } from './Simulation.ts';
import { pagesToMib } from './units.ts';

/** Exact page counts (4 KiB) beside the MiB figures of a VM's line. */
export interface VmPages {
  memTotalPages: number;
  balloonPages: number;
  balloonTargetPages: number;
  backedPages: number;
  guestFreePages: number;
  guestCachePages: number;
  guestAnonPages: number;
  guestSwapPages: number;
  hostSwappedPages: number;
  compressedPages: number;
  sharedPages: number;
  entitlementPages: number;
  activeEstimatePages: number;
}

export interface VmReport extends VmPages {
  name: string;
  /** False while the VM is stopped (a schedule's stop, or before its start). */
  poweredOn: boolean;
  /** The policy holds the VM's vCPUs (ESX Low state). */
  blocked: boolean;
  memoryMiB: number;
  memTotalMiB: number;
  balloonMiB: number;
  balloonTargetMiB: number;
  /** The balloon driver's kind and what it is doing (null: the guest runs no driver). */
  balloonDriver: BalloonDriverKind | null;
  balloonActivity: BalloonActivity | null;
  backedMiB: number;
  guestFreeMiB: number;
  guestCacheMiB: number;
  guestAnonMiB: number;
  guestSwapMiB: number;
  hostSwappedMiB: number;
  compressedMiB: number;
  sharedMiB: number;
  entitlementMiB: number;
  activeEstimateMiB: number;
  pressure?: number;
  performance: number;
  /** How much address translation stretches an access, relative to the reference machine
   * (walk/machineTranslation.ts; 1 there, below 1 with walk caches or large pages). */
  translationSlowdown: number;
  oomKills: number;
  /** Guest major page faults (pages read back from the guest's swap device), since boot. */
  guestMajorFaults: number;
}

export interface RunReport {
  scenario: string;
  policy: string;
  seed: number;
  simSeconds: number;
  host: {
    memoryMiB: number;
    freeMiB: number;
    freePages: number;
    hypervisorMiB: number;
    hypervisorPages: number;
    state: string;
    swapUsedMiB: number;
    swapUsedPages: number;
    sharedSavedMiB: number;
    sharedSavedPages: number;
  };
  vms: VmReport[];
  counters: {
    guestSwapOuts: number;
    guestSwapIns: number;
    hostSwapOuts: number;
    hostSwapIns: number;
    eptViolations: number;
    cowFaults: number;
    doublePaging: number;
    oomKills: number;
    guestMajorFaults: number;
    balloonInflateMessages: number;
    balloonDeflateMessages: number;
    compressions: number;
    pagesMerged: number;
    hashCollisionsRejected: number;
    volatileScans: number;
  };
  invariantViolations: string[];
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
const mib = (pages: number): number => round(pagesToMib(pages));

/** The report; `checkInvariantsToo` = false skips the O(memory) invariant recount (per-frame summaries). */
export function buildReport(sim: Simulation, checkInvariantsToo = true): RunReport {
  const hv = sim.hv;
  const vms = sim.vms.map((vm): VmReport => {
    const os = vm.os;
    const policy = sim.policy.vmReport(vm.index);
    const pages: VmPages = {
      memTotalPages: os.memTotalPages(vm.config.balloon.deflateOnOom),
      balloonPages: vm.driver?.actualPages ?? 0,
      balloonTargetPages: vm.driver?.targetPages ?? 0,
      backedPages: vm.ept.present,
      guestFreePages: os.mem.free,
      guestCachePages: os.mem.count(PageKind.Cache),
      guestAnonPages: os.mem.count(PageKind.Anon),
      guestSwapPages: os.swap.used,
      hostSwappedPages: vm.ept.counts[EptKind.Swapped],
      compressedPages: vm.ept.counts[EptKind.Compressed],
      sharedPages: vm.ept.sharedMapped,
      entitlementPages: Math.round(policy.entitlementPages),
      activeEstimatePages: Math.round(policy.activeEstimatePages),
    };
    const report: VmReport = {
      name: vm.name,
      poweredOn: sim.poweredOn[vm.index],
      blocked: sim.observed[vm.index].blocked,
      memoryMiB: vm.config.memoryMiB,
      memTotalMiB: mib(pages.memTotalPages),
      balloonMiB: mib(pages.balloonPages),
      balloonTargetMiB: mib(pages.balloonTargetPages),
      balloonDriver: vm.driver?.kind ?? null,
      balloonActivity: vm.driver?.activity ?? null,
      backedMiB: mib(pages.backedPages),
      guestFreeMiB: mib(pages.guestFreePages),
      guestCacheMiB: mib(pages.guestCachePages),
      guestAnonMiB: mib(pages.guestAnonPages),
      guestSwapMiB: mib(pages.guestSwapPages),
      hostSwappedMiB: mib(pages.hostSwappedPages),
      compressedMiB: mib(pages.compressedPages),
      sharedMiB: mib(pages.sharedPages),
      entitlementMiB: mib(policy.entitlementPages),
      activeEstimateMiB: mib(policy.activeEstimatePages),
      performance: round(vm.performance.value(), 4),
      translationSlowdown: round(vm.workload.translationSlowdown, 4),
      oomKills: os.stats.oomKill,
      guestMajorFaults: os.stats.pgmajfault,
      ...pages,
    };
    if (policy.pressure !== undefined) report.pressure = round(policy.pressure, 1);
    return report;
  });
  const sum = (f: (i: number) => number): number => sim.vms.reduce((s, _, i) => s + f(i), 0);
  return {
    scenario: sim.scenario.name,
    policy: sim.scenario.policy.kind,
    seed: sim.scenario.seed,
    simSeconds: round(sim.timeMs / 1000, 3),
    host: {
      memoryMiB: sim.scenario.host.memoryMiB,
      freeMiB: mib(hv.frames.freeFrames),
      freePages: hv.frames.freeFrames,
      hypervisorMiB: mib(hv.frames.hypervisorFrames),
      hypervisorPages: hv.frames.hypervisorFrames,
      state: sim.policy.state,
      swapUsedMiB: mib(hv.swap.used),
      swapUsedPages: hv.swap.used,
      sharedSavedMiB: mib(hv.frames.sharingSavedFrames),
      sharedSavedPages: hv.frames.sharingSavedFrames,
    },
    vms,
    counters: {
      guestSwapOuts: sum((i) => sim.vms[i].os.stats.pswpout),
      guestSwapIns: sum((i) => sim.vms[i].os.stats.pswpin),
      hostSwapOuts: hv.stats.hostSwapOuts,
      hostSwapIns: hv.stats.hostSwapIns,
      eptViolations: hv.stats.eptViolations,
      cowFaults: hv.stats.cowFaults,
      doublePaging: hv.stats.doublePaging,
      oomKills: sum((i) => sim.vms[i].os.stats.oomKill),
      guestMajorFaults: sum((i) => sim.vms[i].os.stats.pgmajfault),
      balloonInflateMessages: sum((i) => sim.vms[i].driver?.inflateMessages ?? 0),
      balloonDeflateMessages: sum((i) => sim.vms[i].driver?.deflateMessages ?? 0),
      compressions: hv.stats.compressions,
      pagesMerged: hv.stats.pagesMerged,
      hashCollisionsRejected: hv.stats.hashCollisionsRejected,
      volatileScans: hv.stats.volatileScans,
    },
    invariantViolations: checkInvariantsToo ? checkInvariants(sim) : [],
  };
}
