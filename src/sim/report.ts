// The run report (the CLI's --json output and the browser's summary): host and per-VM memory
// in MiB, the event counters, and the invariant check. Field names are a public contract,
// documented in docs/scenario-format.md.
import type { BalloonActivity } from './balloon/BalloonDriver.ts';
import { PageKind } from './guest/pageState.ts';
import type { BalloonDriverKind } from './scenario/params.ts';
import { EptKind } from './host/Ept.ts';
import { checkInvariants } from './invariants.ts';
import type { Simulation } from './Simulation.ts';
import { pagesToMib } from './units.ts';

export interface VmReport {
  name: string;
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
  oomKills: number;
}

export interface RunReport {
  scenario: string;
  policy: string;
  seed: number;
  simSeconds: number;
  host: {
    memoryMiB: number;
    freeMiB: number;
    hypervisorMiB: number;
    state: string;
    swapUsedMiB: number;
    sharedSavedMiB: number;
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
    const report: VmReport = {
      name: vm.name,
      memoryMiB: vm.config.memoryMiB,
      memTotalMiB: mib(os.memTotalPages(vm.config.balloon.deflateOnOom)),
      balloonMiB: mib(vm.driver?.actualPages ?? 0),
      balloonTargetMiB: mib(vm.driver?.targetPages ?? 0),
      balloonDriver: vm.driver?.kind ?? null,
      balloonActivity: vm.driver?.activity ?? null,
      backedMiB: mib(vm.ept.present),
      guestFreeMiB: mib(os.mem.free),
      guestCacheMiB: mib(os.mem.count(PageKind.Cache)),
      guestAnonMiB: mib(os.mem.count(PageKind.Anon)),
      guestSwapMiB: mib(os.swap.used),
      hostSwappedMiB: mib(vm.ept.counts[EptKind.Swapped]),
      compressedMiB: mib(vm.ept.counts[EptKind.Compressed]),
      sharedMiB: mib(vm.ept.sharedMapped),
      entitlementMiB: mib(policy.entitlementPages),
      activeEstimateMiB: mib(policy.activeEstimatePages),
      performance: round(vm.performance.value(), 4),
      oomKills: os.stats.oomKill,
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
      hypervisorMiB: mib(hv.frames.hypervisorFrames),
      state: sim.policy.state,
      swapUsedMiB: mib(hv.swap.used),
      sharedSavedMiB: mib(hv.frames.sharingSavedFrames),
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
