// One virtual machine: its guest OS and workload, its balloon driver, and its link to the
// hypervisor (its EPT and compression cache), on the host's translation hardware (the machine
// its workload's accesses are priced on). The VM's guest platform routes every guest access
// through the hypervisor's EPT for this VM. A VM started again after a stop (vmPower.ts) is
// built afresh in its old slot of the hypervisor.
import { createBalloonDriver } from './balloon/createDriver.ts';
import type { BalloonDriver } from './balloon/BalloonDriver.ts';
import { GuestOs } from './guest/GuestOs.ts';
import { Workload } from './guest/Workload.ts';
import { CompressionCache } from './host/CompressionCache.ts';
import { Ept } from './host/Ept.ts';
import type { Hypervisor } from './host/Hypervisor.ts';
import type { Rng } from './rng.ts';
import type { VmConfig } from './scenario/types.ts';
import { mibToPages } from './units.ts';
import type { TranslationMachine } from './walk/machineTranslation.ts';
import { WindowRatio } from './WindowRatio.ts';
import { EptPlatform, GuestContent } from './VmChannels.ts';

/** Window over which a VM's reported performance is averaged. */
export const PERFORMANCE_WINDOW_MS = 10000;

export class Vm {
  readonly index: number;
  readonly config: VmConfig;
  readonly os: GuestOs;
  readonly ept: Ept;
  readonly driver: BalloonDriver | null;
  readonly workload: Workload;
  /** Work done / work demanded over the last PERFORMANCE_WINDOW_MS. */
  readonly performance: WindowRatio;

  constructor(index: number, config: VmConfig, hv: Hypervisor, machine: TranslationMachine, tickMs: number, rng: Rng) {
    this.index = index;
    this.config = config;
    const pages = mibToPages(config.memoryMiB);
    this.ept = new Ept(pages, machine.walk.eptLevels, hv.frames);
    const channel = new EptPlatform(hv, index, this.ept.entries);
    this.os = new GuestOs(
      pages,
      mibToPages(config.kernelMiB),
      mibToPages(config.guestSwapMiB),
      config.guestDiskLatencyUs,
      config.pageTableLevels,
      channel,
    );
    const hostVm = {
      ept: this.ept,
      compression: hv.compressionEnabled ? new CompressionCache(index, pages) : null,
      content: new GuestContent(this.os),
    };
    const registered = index < hv.vms.length ? ((hv.vms[index] = hostVm), index) : hv.addVm(hostVm);
    if (registered !== index) throw new Error(`VM ${config.name} registered as ${registered}, expected ${index}`);
    this.os.boot();
    this.driver = createBalloonDriver(config.balloon, this.os, channel);
    this.workload = new Workload(config.workload, this.os, rng, machine);
    this.ept.resetListener = this.workload.workingSet;
    this.performance = new WindowRatio(Math.ceil(PERFORMANCE_WINDOW_MS / tickMs));
  }

  get name(): string {
    return this.config.name;
  }
}
