// The part every balloon driver shares: the host's request (virtio `num_pages`) and the
// driver's progress (`actual`), in 4 KiB pages; inflating by allocating guest pages and
// reporting their page numbers to the host in messages, deflating by the reverse; and the
// DEFLATE_ON_OOM notifier. Each flavour (virtio, vmware, xen, hyperv) adds its pacing, batch
// size and back-off in its own file.
import type { AllocMode, GuestOs, OomListener } from '../guest/GuestOs.ts';
import { PageKind } from '../guest/pageState.ts';
import type { BalloonDriverKind } from '../scenario/params.ts';

/** The hypervisor end of the balloon channel. */
export interface BalloonHost {
  inflated(pfns: Int32Array, count: number): void;
  deflated(pfns: Int32Array, count: number): void;
  /** Free page reporting: these free pages may be discarded (virtio reporting_vq). */
  reported(pfns: Int32Array, count: number): void;
}

/** What a driver is doing, as a code (src/views/explain/eventWords.ts words it per driver):
 * moving pages, resting, or one of the states that stop it short of its target. */
export type BalloonActivity =
  | 'idle'
  | 'inflating'
  | 'deflating'
  | 'hot-add'
  /** virtio: an allocation failed; the driver sleeps 200 ms ("out of puff"). */
  | 'out-of-puff'
  /** Xen: decrease_reservation got fewer frames (BP_EAGAIN); it retries after schedule_delay. */
  | 'retry-later'
  /** VMware: a sleeping allocation failed; the driver slows its rate. */
  | 'allocation-failed'
  /** Hyper-V: inflating further would cut into the guest's floor. */
  | 'floor-reached'
  /** DEFLATE_ON_OOM: the guest took 1 MiB back instead of killing a process. */
  | 'deflated-on-oom';

/** Activities that hold a balloon short of its target: each is worth an event when it starts. */
export const STALLED_ACTIVITIES: ReadonlySet<BalloonActivity> = new Set([
  'out-of-puff',
  'retry-later',
  'allocation-failed',
  'floor-reached',
  'deflated-on-oom',
]);

/** Pages released per OOM notification (VIRTIO_BALLOON_OOM_NR_PAGES, drivers/virtio/virtio_balloon.c). */
export const OOM_DEFLATE_PAGES = 256;

export abstract class BalloonDriver implements OomListener {
  abstract readonly kind: BalloonDriverKind;
  /** Pages the host asks the balloon to hold (virtio num_pages). */
  targetPages = 0;
  /** Pages the balloon holds (virtio actual). */
  actualPages = 0;
  /** What the driver is doing now. */
  activity: BalloonActivity = 'idle';
  inflateMessages = 0;
  deflateMessages = 0;
  allocFailures = 0;
  oomDeflates = 0;
  readonly deflateOnOom: boolean;
  protected readonly os: GuestOs;
  protected readonly host: BalloonHost;
  /** Simulated time seen by the driver, ms (its timers compare against it). */
  protected clockMs = 0;
  private readonly pfns: Int32Array;

  constructor(os: GuestOs, host: BalloonHost, deflateOnOom: boolean, maxBatch: number) {
    this.os = os;
    this.host = host;
    this.deflateOnOom = deflateOnOom;
    this.pfns = new Int32Array(maxBatch);
    if (deflateOnOom) os.oomListener = this;
  }

  /** Largest balloon the guest can hold: everything but the kernel's own pages. */
  get maxPages(): number {
    return this.os.mem.pages - this.os.kernelPages - this.os.mem.count(PageKind.Offline);
  }

  /** The host sets a new target (config-space write, xenstore watch, DM message). */
  setTarget(pages: number): void {
    this.targetPages = Math.max(0, Math.min(this.maxPages, Math.round(pages)));
  }

  /** Time until a driver that backed off tries again, ms (0 when it is not waiting). */
  get retryAfterMs(): number {
    return 0;
  }

  /** Advances the driver by dtMs of simulated time. */
  step(dtMs: number): void {
    this.clockMs += dtMs;
    this.run(dtMs);
  }

  protected abstract run(dtMs: number): void;

  /** Allocates up to n pages and reports them in one message. Returns pages inflated; fewer
   * than n means an allocation failed. */
  protected inflateMessage(n: number, mode: AllocMode): number {
    let got = 0;
    while (got < n) {
      const g = this.os.allocPage(PageKind.Balloon, 0, -1, mode);
      if (g < 0) break;
      this.os.mem.pushBalloon(g);
      this.pfns[got++] = g;
    }
    if (got > 0) {
      this.host.inflated(this.pfns, got);
      this.inflateMessages++;
      this.actualPages += got;
    }
    if (got < n) this.allocFailures++;
    return got;
  }

  /** Whether the host hears of a deflate before the guest reuses the pages (virtio
   * MUST_TELL_HOST; every other driver's protocol). */
  protected get tellsHostFirst(): boolean {
    return true;
  }

  /** Frees up to n balloon pages and tells the host: first (tellsHostFirst), or after the
   * guest has them back. */
  protected deflateMessage(n: number): number {
    const tellFirst = this.tellsHostFirst;
    let got = 0;
    while (got < n) {
      const g = this.os.mem.popBalloon();
      if (g < 0) break;
      this.pfns[got++] = g;
    }
    if (got === 0) return 0;
    if (tellFirst) this.host.deflated(this.pfns, got);
    for (let i = 0; i < got; i++) this.os.mem.giveFree(this.pfns[i]);
    if (!tellFirst) this.host.deflated(this.pfns, got);
    this.deflateMessages++;
    this.actualPages -= got;
    return got;
  }

  /** DEFLATE_ON_OOM: give back 1 MiB instead of letting the guest kill a process. */
  onOom(): boolean {
    const n = Math.min(OOM_DEFLATE_PAGES, this.actualPages);
    if (n === 0) return false;
    this.deflateMessage(n);
    this.oomDeflates++;
    this.activity = 'deflated-on-oom';
    return true;
  }
}
