// No balloon at all: every driver is held at zero, and when host frames run short the host
// swaps guest pages itself, choosing blindly (the semantic gap). A guest that later swaps one
// of those pages makes the host read it back first: double paging (W02 §3.1).
import type { Policy, PolicyEnv, PolicyVmReport } from './Policy.ts';

export class NonePolicy implements Policy {
  private readonly env: PolicyEnv;

  constructor(env: PolicyEnv) {
    this.env = env;
  }

  get state(): string {
    const { hv } = this.env;
    return hv.frames.freeFrames < hv.watermarks.low ? 'host swapping' : 'ok';
  }

  step(): void {
    for (const vm of this.env.vms) vm.balloon?.setTarget(0);
    this.env.hv.backgroundReclaim();
  }

  vmReport(vm: number): PolicyVmReport {
    return { entitlementPages: this.env.vms[vm].pages, activeEstimatePages: 0 };
  }
}
