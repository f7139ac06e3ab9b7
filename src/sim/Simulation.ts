// The simulation: a host, its VMs, a policy, and the clock. `step(dtMs)` advances everything by
// one tick in a fixed order (policy, balloon drivers, guests, guest kswapd, page sharing), so a
// scenario and its seed determine every later state. Pure TypeScript: no DOM, no timers, no
// global randomness; it runs unchanged in the worker, in Node and in tests. A powered-off VM
// (vmPower.ts) does nothing while it is off.
import { PageKind } from './guest/pageState.ts';
import { EventLog } from './events.ts';
import { EventDetector } from './eventDetector.ts';
import { Hypervisor } from './host/Hypervisor.ts';
import { PageSharing } from './host/PageSharing.ts';
import type { GuestReportedStats, ObservedVm, Policy } from './policy/Policy.ts';
import { createPolicy } from './policy/registry.ts';
import { Rng } from './rng.ts';
import type { Scenario, VmConfig } from './scenario/types.ts';
import type { BalloonDriver } from './balloon/BalloonDriver.ts';
import { mibToPages } from './units.ts';
import { Vm } from './Vm.ts';
import { machineOf } from './walk/machineTranslation.ts';

export class Simulation {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly hv: Hypervisor;
  readonly sharing: PageSharing;
  readonly vms: Vm[] = [];
  readonly observed: VmObservation[] = [];
  readonly policy: Policy;
  readonly events = new EventLog();
  /** Per VM: running (false after a scheduled stop, or before a scheduled start). */
  readonly poweredOn: boolean[] = [];
  private readonly detector: EventDetector;
  timeMs = 0;
  ticks = 0;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.rng = new Rng(scenario.seed);
    const h = scenario.host;
    this.hv = new Hypervisor(mibToPages(h.memoryMiB), mibToPages(h.swapMiB), h.swapLatencyUs, h.swapSelection, h.compression, this.rng);
    this.sharing = new PageSharing(this.hv, h.pageSharing, h.shareScanPagesPerSec);
    scenario.vms.forEach((config, i) => {
      const vm = new Vm(i, config, this.hv, machineOf(h, config.pageTableLevels), scenario.tickMs, this.rng);
      this.vms.push(vm);
      this.observed.push(new VmObservation(vm));
      this.poweredOn.push(true);
    });
    this.policy = createPolicy(scenario.policy.kind, {
      scenario,
      hv: this.hv,
      sharing: this.sharing,
      vms: this.observed,
      rng: this.rng,
      params: scenario.policy.params,
      events: this.events,
    });
    this.detector = new EventDetector(this.vms, this.policy);
  }

  /** Advances the model by dtMs of simulated time. */
  step(dtMs: number = this.scenario.tickMs): void {
    this.timeMs += dtMs;
    this.events.nowMs = this.timeMs;
    this.policy.step(dtMs);
    for (let i = 0; i < this.vms.length; i++) if (this.poweredOn[i]) this.vms[i].driver?.step(dtMs);
    for (let i = 0; i < this.vms.length; i++) {
      const vm = this.vms[i];
      if (!this.poweredOn[i]) continue;
      const w = vm.workload;
      if (this.observed[i].blocked) {
        w.performance = 0;
        vm.performance.push(0, (w.config.accessesPerSec * dtMs) / 1000);
      } else {
        w.step(dtMs);
        vm.performance.push(w.lastDone, w.lastDemanded);
      }
      vm.os.kernelActivity(dtMs);
      vm.os.kswapd();
    }
    this.sharing.step(dtMs);
    this.detector.afterTick(this.vms, this.hv, this.policy, this.events);
    this.ticks++;
  }

  /** Runs whole ticks until at least `seconds` of simulated time have passed. */
  run(seconds: number): void {
    const endMs = this.timeMs + seconds * 1000;
    while (this.timeMs + 1e-9 < endMs) this.step();
  }

  /** Typed-array bytes the model holds (for the heap-per-page benchmark). */
  get heapBytes(): number {
    let bytes = this.hv.frames.heapBytes + this.hv.swap.heapBytes;
    for (const vm of this.vms) bytes += vm.os.heapBytes + vm.ept.heapBytes + vm.workload.workingSet.heapBytes;
    return bytes;
  }
}

/** A VM as the hypervisor's policy sees it (see ObservedVm). */
class VmObservation implements ObservedVm {
  readonly index: number;
  readonly config: VmConfig;
  readonly pages: number;
  balloon: BalloonDriver | null;
  blocked = false;
  private vm: Vm;

  constructor(vm: Vm) {
    this.vm = vm;
    this.index = vm.index;
    this.config = vm.config;
    this.pages = vm.os.mem.pages;
    this.balloon = vm.driver;
  }

  /** The VM was built afresh (started again): observe the new one. */
  rebind(vm: Vm): void {
    this.vm = vm;
    this.balloon = vm.driver;
  }

  backedPages(): number {
    return this.vm.ept.present;
  }

  /** Only drivers with a statistics channel report: virtio (statsq, when STATS_VQ is
   * negotiated) and Hyper-V (DM status). The VMware and Xen drivers tell the host nothing but
   * their balloon size. */
  reportedStats(): GuestReportedStats | null {
    const kind = this.vm.driver?.kind;
    if (kind !== 'virtio' && kind !== 'hyperv') return null;
    if (kind === 'virtio' && !this.config.balloon.statsVq) return null;
    const os = this.vm.os;
    return {
      memFree: os.mem.free,
      memTotal: os.memTotalPages(this.vm.config.balloon.deflateOnOom),
      available: os.availablePages(),
      caches: os.mem.count(PageKind.Cache),
      swapIn: os.stats.pswpin,
      swapOut: os.stats.pswpout,
      majorFaults: os.stats.pgmajfault,
      minorFaults: os.stats.pgminfault,
      oomKills: os.stats.oomKill,
    };
  }
}
