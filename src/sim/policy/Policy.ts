// The interface between a hypervisor policy and the simulation. A policy sees only what a real
// hypervisor can observe (HostObservation: its frames, EPTs, swap, and what balloon drivers
// report) and acts through balloon targets, host swapping and blocking. Adding a policy is one
// file implementing Policy plus its catalogue entry and registry line.
import type { BalloonDriver } from '../balloon/BalloonDriver.ts';
import type { Hypervisor } from '../host/Hypervisor.ts';
import type { PageSharing } from '../host/PageSharing.ts';
import type { EventLog } from '../events.ts';
import type { Rng } from '../rng.ts';
import type { ParamValue, Scenario, VmConfig } from '../scenario/types.ts';

/** Statistics a balloon driver reports to the host (virtio statsq tags, Hyper-V status), pages. */
export interface GuestReportedStats {
  memFree: number;
  memTotal: number;
  available: number;
  caches: number;
  swapIn: number;
  swapOut: number;
  majorFaults: number;
  minorFaults: number;
  oomKills: number;
}

/** One VM as the hypervisor sees it. */
export interface ObservedVm {
  readonly index: number;
  readonly config: VmConfig;
  /** Configured guest-physical pages. */
  readonly pages: number;
  /** Pages with a host frame (EPT present). */
  backedPages(): number;
  /** The balloon driver, or null when the guest runs none. */
  readonly balloon: BalloonDriver | null;
  /** What the guest's driver reports (null without a driver that has a statistics channel). */
  reportedStats(): GuestReportedStats | null;
  /** Whether the VM's vCPUs are held (ESX Low state blocks VMs above target). */
  blocked: boolean;
}

export interface PolicyEnv {
  readonly scenario: Scenario;
  readonly hv: Hypervisor;
  readonly sharing: PageSharing;
  readonly vms: readonly ObservedVm[];
  readonly rng: Rng;
  readonly params: Record<string, ParamValue>;
  /** Where the policy tells people what it did and why. */
  readonly events: EventLog;
}

/** What a policy adds to each VM's line of the report. */
export interface PolicyVmReport {
  entitlementPages: number;
  activeEstimatePages: number;
  pressure?: number;
}

export interface Policy {
  /** The policy's current host state (e.g. "high", "soft"), for the report and the UI. */
  readonly state: string;
  /** True when the policy emits its own events for state changes (with the reasons), so the
   * generic 'host-state' event is not emitted too. */
  readonly announcesStates?: boolean;
  /** Runs the policy for one tick, before the guests run. */
  step(dtMs: number): void;
  vmReport(vm: number): PolicyVmReport;
  /** The policy's own figures, for the CLI's series (docs/cli-series.md): fixed keys, with
   * their unit in the name. Policies without internal figures have none. */
  internals?(): Record<string, number>;
}
