// The Xen balloon driver (drivers/xen/balloon.c): the toolstack writes memory/target; the
// worker moves towards it in hypercalls of one page of frame numbers (512 frames), allocating
// with GFP_BALLOON (__GFP_NORETRY: never the OOM killer). When a step cannot make progress it
// ends in BP_EAGAIN and the worker is rescheduled after schedule_delay, which doubles from 1 s
// up to max_schedule_delay = 32 s; a BP_DONE step resets it to 1 s.
import { BalloonDriver } from './BalloonDriver.ts';

export const XEN_FRAMES_PER_HYPERCALL = 512;
export const XEN_MIN_SCHEDULE_DELAY_MS = 1000;
export const XEN_MAX_SCHEDULE_DELAY_MS = 32000;
/** One XENMEM_decrease/increase_reservation hypercall of 512 frames: about 1 GiB/s, like the
 * other paravirtual balloons here (modelling assumption). */
export const XEN_HYPERCALL_US = 2000;

export class XenBalloonDriver extends BalloonDriver {
  readonly kind = 'xen' as const;
  /** schedule_delay, ms. */
  scheduleDelayMs = XEN_MIN_SCHEDULE_DELAY_MS;
  private nextRunMs = 0;

  override get retryAfterMs(): number {
    return Math.max(0, this.nextRunMs - this.clockMs);
  }

  protected run(dtMs: number): void {
    if (this.clockMs < this.nextRunMs) return;
    let budgetUs = dtMs * 1000;
    this.activity = 'idle';
    while (budgetUs >= XEN_HYPERCALL_US) {
      const credit = this.actualPages - this.targetPages; // > 0: give pages back to the guest
      if (credit === 0) {
        this.scheduleDelayMs = XEN_MIN_SCHEDULE_DELAY_MS;
        return;
      }
      budgetUs -= XEN_HYPERCALL_US;
      if (credit > 0) {
        this.activity = 'deflating';
        this.deflateMessage(Math.min(XEN_FRAMES_PER_HYPERCALL, credit));
        continue;
      }
      const want = Math.min(XEN_FRAMES_PER_HYPERCALL, -credit);
      this.activity = 'inflating';
      if (this.inflateMessage(want, 'noretry') < want) {
        // BP_EAGAIN: retry after schedule_delay, doubling up to the maximum.
        this.nextRunMs = this.clockMs + this.scheduleDelayMs;
        this.activity = 'retry-later';
        this.scheduleDelayMs = Math.min(XEN_MAX_SCHEDULE_DELAY_MS, this.scheduleDelayMs * 2);
        return;
      }
      this.scheduleDelayMs = XEN_MIN_SCHEDULE_DELAY_MS;
    }
  }
}
