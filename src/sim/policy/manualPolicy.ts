// The manual policy: each VM's balloon target is what the scenario (or the user, live) sets,
// as `virsh setmem`, QEMU `balloon` or `xl mem-set` would. The host swaps only as a plain Linux
// host does: its kswapd keeps free frames above the low watermark.
import { mibToPages } from '../units.ts';
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';

export class ManualPolicy implements Policy {
  private readonly env: PolicyEnv;

  constructor(env: PolicyEnv) {
    this.env = env;
  }

  get state(): string {
    const { hv } = this.env;
    return hv.frames.freeFrames < hv.watermarks.low ? 'reclaiming' : 'ok';
  }

  step(): void {
    for (const vm of this.env.vms) vm.balloon?.setTarget(mibToPages(vm.config.balloon.targetMiB));
    this.env.hv.backgroundReclaim();
  }

  vmReport(vm: number): PolicyVmReport {
    const v = this.env.vms[vm];
    return { entitlementPages: v.pages - (v.balloon?.targetPages ?? 0), activeEstimatePages: 0 };
  }
}
