// The Linux virtio-balloon driver (drivers/virtio/virtio_balloon.c): the worker moves towards
// num_pages in messages of VIRTIO_BALLOON_ARRAY_PFNS_MAX = 256 PFNs; allocations use
// __GFP_NORETRY (light reclaim only, never the OOM killer), and when one fails the driver logs
// "Out of puff!" and sleeps 200 ms before trying again. The device's feature bits (virtio spec
// §5.5.3, reference §2.1) are scenario parameters: with PAGE_REPORTING the guest also runs free
// page reporting (freePageReporting.ts); with MUST_TELL_HOST (on by default) a deflated page is
// the guest's only once the host has the deflate message, so deflation goes one 256-page round
// trip at a time; without it "deflation advice is merely a courtesy": the guest frees the whole
// deflate at once and tells the host afterwards. STATS_VQ decides whether the host gets guest
// statistics at all (Simulation's PolicyVm.reportedStats); DEFLATE_ON_OOM is BalloonDriver's.
import type { GuestOs } from '../guest/GuestOs.ts';
import type { BalloonConfig } from '../scenario/types.ts';
import { BalloonDriver, type BalloonHost } from './BalloonDriver.ts';
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
  readonly reporting: FreePageReporting | null;
  /** VIRTIO_BALLOON_F_MUST_TELL_HOST negotiated. */
  readonly mustTellHost: boolean;

  constructor(os: GuestOs, host: BalloonHost, features: Pick<BalloonConfig, 'deflateOnOom' | 'mustTellHost' | 'freePageReporting'>) {
    super(os, host, features.deflateOnOom, VIRTIO_PFNS_PER_MESSAGE);
    this.mustTellHost = features.mustTellHost;
    this.reporting = features.freePageReporting ? new FreePageReporting(os, host) : null;
  }

  protected override get tellsHostFirst(): boolean {
    return this.mustTellHost;
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
      } else if (this.mustTellHost) {
        this.activity = 'deflating';
        this.deflateMessage(Math.min(VIRTIO_PFNS_PER_MESSAGE, -diff));
      } else {
        // No ack to wait for: every page of the deflate is free at once; the messages follow.
        this.activity = 'deflating';
        for (let left = -diff, got = 1; left > 0 && got > 0; left -= got)
          got = this.deflateMessage(Math.min(VIRTIO_PFNS_PER_MESSAGE, left));
        return;
      }
    }
  }
}
