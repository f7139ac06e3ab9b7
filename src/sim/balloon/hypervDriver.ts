// The Hyper-V Dynamic Memory balloon (drivers/hv/hv_balloon.c): the host asks for balloon-up
// or balloon-down; the guest allocates in 2 MiB chunks (512 pages) and refuses to go below its
// balloon floor: a request is cut to MemAvailable minus the floor ("Balloon floor reached").
// The floor is piecewise linear in totalram (compute_balloon_floor). Memory hot-add onlines
// pages of the region above the startup memory (HA_CHUNK = 128 MiB blocks); every 1 s the
// guest posts its status (num_avail, num_committed) for the host's balancer.
import { PageKind } from '../guest/pageState.ts';
import { PAGES_PER_2MIB, PAGES_PER_MIB } from '../units.ts';
import { BalloonDriver } from './BalloonDriver.ts';

/** One balloon message carrying a 2 MiB chunk: about 1 GiB/s, like the other paravirtual
 * balloons here (modelling assumption). */
export const HV_MESSAGE_US = 2000;
/** HA_CHUNK = 32 * 1024 pages: hot-add works in 128 MiB memory blocks (hv_balloon.c). */
export const HA_CHUNK_PAGES = 32 * 1024;
/** The guest posts DM status once a second (hv_balloon.c, dm_thread_func / post_status). */
export const DM_STATUS_PERIOD_MS = 1000;

/** struct dm_status as the host last received it, pages. */
export interface DmStatus {
  /** MemAvailable (si_mem_available). */
  numAvail: number;
  /** vm_memory_committed + ballooned + (added - onlined) + balloon floor. */
  numCommitted: number;
  /** The host's own bookkeeping when the status was sent: pages ballooned, and pages
   * hot-added but not yet onlined (both included in numCommitted). */
  ballooned: number;
  pendingHotAdd: number;
  postedAtMs: number;
}

/** compute_balloon_floor: MiB of totalram -> MiB the balloon must leave to the guest. */
export function hypervBalloonFloorMiB(totalMiB: number): number {
  if (totalMiB < 128) return 8 + totalMiB / 2;
  if (totalMiB < 512) return 40 + totalMiB / 4;
  if (totalMiB < 2048) return 104 + totalMiB / 8;
  if (totalMiB < 8192) return 232 + totalMiB / 16;
  return 488 + totalMiB / 32;
}

export class HypervBalloonDriver extends BalloonDriver {
  readonly kind = 'hyperv' as const;
  private budgetUs = 0;
  private sinceStatusMs = 0;
  /** Last status posted to the host (null before the first post). */
  status: DmStatus | null = null;
  /** Hot-add region added (whole HA_CHUNKs) and pages of it onlined. */
  addedPages = 0;
  onlinedPages = 0;

  /** Boot with only `pages` online: the rest of guest-physical memory is the hot-add region. */
  bootWithOnline(pages: number): void {
    if (pages < this.os.mem.pages) this.os.offlineAbove(pages);
  }

  /** DM_MEM_HOT_ADD_REQUEST: the host backs `pages` more pages; the guest adds the 128 MiB
   * blocks that hold them and onlines exactly the backed pages. Returns pages onlined. */
  hotAdd(pages: number): number {
    const done = this.os.onlinePages(pages);
    this.onlinedPages += done;
    const region = this.onlinedPages + this.os.mem.count(PageKind.Offline);
    this.addedPages = Math.min(region, Math.ceil(this.onlinedPages / HA_CHUNK_PAGES) * HA_CHUNK_PAGES);
    if (done > 0) this.activity = 'hot-add';
    return done;
  }

  /** vm_memory_committed(): anonymous memory the guest's processes have committed. */
  private committedPages(): number {
    let n = 0;
    for (const p of this.os.processes) if (p && p.alive) n += p.resident + p.swapped;
    return n;
  }

  private postStatus(): void {
    const pendingHotAdd = this.addedPages - this.onlinedPages;
    this.status = {
      numAvail: this.os.availablePages(),
      numCommitted: this.committedPages() + this.actualPages + pendingHotAdd + this.floorPages,
      ballooned: this.actualPages,
      pendingHotAdd,
      postedAtMs: this.clockMs,
    };
  }

  get floorPages(): number {
    const totalPages = this.os.memTotalPages(this.deflateOnOom);
    return Math.floor(hypervBalloonFloorMiB(totalPages / PAGES_PER_MIB) * PAGES_PER_MIB);
  }

  protected run(dtMs: number): void {
    this.sinceStatusMs += dtMs;
    if (this.sinceStatusMs >= DM_STATUS_PERIOD_MS) {
      this.sinceStatusMs -= DM_STATUS_PERIOD_MS;
      this.postStatus();
    }
    this.budgetUs = Math.min(this.budgetUs + dtMs * 1000, dtMs * 1000);
    this.activity = 'idle';
    while (this.budgetUs >= HV_MESSAGE_US) {
      const diff = this.targetPages - this.actualPages;
      if (diff === 0) return;
      this.budgetUs -= HV_MESSAGE_US;
      if (diff < 0) {
        this.activity = 'deflating';
        this.deflateMessage(Math.min(PAGES_PER_2MIB, -diff));
        continue;
      }
      const allowed = Math.max(0, this.os.availablePages() - this.floorPages);
      const want = Math.min(PAGES_PER_2MIB, diff, allowed);
      if (want === 0) {
        this.activity = 'floor-reached';
        return;
      }
      this.activity = 'inflating';
      if (this.inflateMessage(want, 'noretry') < want) return;
    }
  }
}
