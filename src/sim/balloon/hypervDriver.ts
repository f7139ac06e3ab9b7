// The Hyper-V Dynamic Memory balloon (drivers/hv/hv_balloon.c): the host asks for balloon-up
// or balloon-down; the guest allocates in 2 MiB chunks (512 pages) and refuses to go below its
// balloon floor: a request is cut to MemAvailable minus the floor ("Balloon floor reached").
// The floor is piecewise linear in totalram (compute_balloon_floor).
import { PAGES_PER_2MIB, PAGES_PER_MIB } from '../units.ts';
import { BalloonDriver } from './BalloonDriver.ts';

/** One balloon message carrying a 2 MiB chunk (modelling assumption). */
export const HV_MESSAGE_US = 150;

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

  get floorPages(): number {
    const totalPages = this.os.memTotalPages(this.deflateOnOom);
    return Math.floor(hypervBalloonFloorMiB(totalPages / PAGES_PER_MIB) * PAGES_PER_MIB);
  }

  protected run(dtMs: number): void {
    this.budgetUs = Math.min(this.budgetUs + dtMs * 1000, dtMs * 1000);
    this.activity = 'idle';
    while (this.budgetUs >= HV_MESSAGE_US) {
      const diff = this.targetPages - this.actualPages;
      if (diff === 0) return;
      this.budgetUs -= HV_MESSAGE_US;
      if (diff < 0) {
        this.activity = 'balloon down';
        this.deflateMessage(Math.min(PAGES_PER_2MIB, -diff));
        continue;
      }
      const allowed = Math.max(0, this.os.availablePages() - this.floorPages);
      const want = Math.min(PAGES_PER_2MIB, diff, allowed);
      if (want === 0) {
        this.activity = 'balloon floor reached';
        return;
      }
      this.activity = 'balloon up';
      if (this.inflateMessage(want, 'noretry') < want) return;
    }
  }
}
