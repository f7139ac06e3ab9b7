// The Linux virtio-balloon driver (drivers/virtio/virtio_balloon.c): the worker moves towards
// num_pages in messages of VIRTIO_BALLOON_ARRAY_PFNS_MAX = 256 PFNs; allocations use
// __GFP_NORETRY (light reclaim only, never the OOM killer), and when one fails the driver logs
// "Out of puff!" and sleeps 200 ms before trying again. With PAGE_REPORTING negotiated the
// guest also runs free page reporting (freePageReporting.ts).
import { BalloonDriver } from './BalloonDriver.ts';
import { FreePageReporting } from './freePageReporting.ts';

export const VIRTIO_PFNS_PER_MESSAGE = 256;
export const VIRTIO_OUT_OF_PUFF_SLEEP_MS = 200;
/** One inflate/deflate virtqueue round trip: the guest allocating 256 pages, the kick and exit,
 * QEMU resolving and discarding each PFN (MADV_DONTNEED) — about 1 GiB/s (assumption). */
export const VIRTIO_MESSAGE_US = 1000;

export class VirtioBalloonDriver extends BalloonDriver {
  readonly kind = 'virtio' as const;
  private sleepUntilMs = 0;
  private budgetUs = 0;
  /** Free page reporting, when the device offers VIRTIO_BALLOON_F_PAGE_REPORTING. */
  reporting: FreePageReporting | null = null;

  /** The host's device offers PAGE_REPORTING (QEMU free-page-reporting=on) and the guest takes it. */
  enableFreePageReporting(): void {
    this.reporting ??= new FreePageReporting(this.os, this.host);
  }

  override get retryAfterMs(): number {
    return Math.max(0, this.sleepUntilMs - this.clockMs);
  }

  protected run(dtMs: number): void {
    this.reporting?.step(dtMs);
    if (this.clockMs < this.sleepUntilMs) return;
    this.budgetUs = Math.min(this.budgetUs + dtMs * 1000, dtMs * 1000);
    this.activity = 'idle';
    while (this.budgetUs >= VIRTIO_MESSAGE_US) {
      const diff = this.targetPages - this.actualPages;
      if (diff === 0) return;
      this.budgetUs -= VIRTIO_MESSAGE_US;
      if (diff > 0) {
        const want = Math.min(VIRTIO_PFNS_PER_MESSAGE, diff);
        this.activity = 'inflating';
        if (this.inflateMessage(want, 'noretry') < want) {
          this.activity = 'out-of-puff';
          this.sleepUntilMs = this.clockMs + VIRTIO_OUT_OF_PUFF_SLEEP_MS;
          return;
        }
      } else {
        this.activity = 'deflating';
        this.deflateMessage(Math.min(VIRTIO_PFNS_PER_MESSAGE, -diff));
      }
    }
  }
}
