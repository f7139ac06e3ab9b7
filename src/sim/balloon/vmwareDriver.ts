// The VMware balloon driver (drivers/misc/vmw_balloon.c, 1.2.x): polls the host for its target
// once a second; inflates with non-sleeping allocations up to 16384 pages a cycle while the
// guest has memory to spare, then with sleeping allocations at an adaptive rate of 512-2048
// pages a cycle (+16 per multiple of the rate after a clean cycle, halved after a failure,
// 4 slow cycles); deflates at up to 16384 pages a cycle. ESX caps a balloon at Mem.CtlMaxPercent
// = 65% of the VM's memory (reference §1.8, §1.9).
import { BalloonDriver } from './BalloonDriver.ts';

export const VMW_POLL_MS = 1000;
export const VMW_NOSLEEP_ALLOC_MAX = 16384;
export const VMW_RATE_ALLOC_MIN = 512;
export const VMW_RATE_ALLOC_MAX = 2048;
export const VMW_RATE_ALLOC_INC = 16;
/** Deflate rate: starts at RATE_FREE_MAX and only drops when the host refuses a deflate,
 * which this model's host never does. */
export const VMW_RATE_FREE_MAX = 16384;
export const VMW_SLOW_CYCLES = 4;
export const VMW_CTL_MAX_PERCENT = 65;
/** Pages per balloon message to the host (one page of 64-bit PFNs in the batched protocol). */
const VMW_BATCH = 512;

export class VmwareBalloonDriver extends BalloonDriver {
  readonly kind = 'vmware' as const;
  rateAlloc = VMW_RATE_ALLOC_MAX;
  slowCycles = 0;
  private sincePollMs = 0;

  override get maxPages(): number {
    return Math.min(super.maxPages, Math.floor((this.os.mem.pages * VMW_CTL_MAX_PERCENT) / 100));
  }

  protected run(dtMs: number): void {
    this.sincePollMs += dtMs;
    while (this.sincePollMs >= VMW_POLL_MS) {
      this.sincePollMs -= VMW_POLL_MS;
      this.cycle();
    }
  }

  private cycle(): void {
    if (this.slowCycles > 0) this.slowCycles--;
    const diff = this.targetPages - this.actualPages;
    this.activity = diff > 0 ? 'inflating' : diff < 0 ? 'deflating' : 'idle';
    if (diff > 0) this.inflate(diff);
    else if (diff < 0) this.deflate(-diff);
  }

  private inflate(diff: number): void {
    let sleeping = this.slowCycles > 0;
    let goal = Math.min(diff, sleeping ? this.rateAlloc : VMW_NOSLEEP_ALLOC_MAX);
    let done = 0;
    while (done < goal) {
      const want = Math.min(VMW_BATCH, goal - done);
      const got = this.inflateMessage(want, sleeping ? 'noretry' : 'nowait');
      done += got;
      if (got === want) continue;
      if (!sleeping) {
        // Non-sleeping allocation failed: the guest is under pressure; continue with sleeping
        // allocations at the adaptive rate.
        sleeping = true;
        goal = Math.min(diff, done + this.rateAlloc);
        continue;
      }
      this.rateAlloc = Math.max(VMW_RATE_ALLOC_MIN, Math.floor(this.rateAlloc / 2));
      this.slowCycles = VMW_SLOW_CYCLES;
      this.activity = 'allocation-failed';
      return;
    }
    if (sleeping && done >= this.rateAlloc) {
      const mult = Math.floor(done / this.rateAlloc);
      this.rateAlloc = Math.min(VMW_RATE_ALLOC_MAX, this.rateAlloc + mult * VMW_RATE_ALLOC_INC);
    }
  }

  private deflate(diff: number): void {
    const goal = Math.min(diff, VMW_RATE_FREE_MAX);
    for (let done = 0; done < goal;) {
      const got = this.deflateMessage(Math.min(VMW_BATCH, goal - done));
      if (got === 0) break;
      done += got;
    }
  }
}
