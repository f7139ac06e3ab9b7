// Free page reporting (Linux mm/page_reporting.c, include/linux/page_reporting.h), as the
// virtio balloon runs it with VIRTIO_BALLOON_F_PAGE_REPORTING: the guest tells the host which
// free 2 MiB blocks it does not need, the host discards their backing (QEMU MADV_DONTNEED) and
// the guest keeps them on its free list; the next touch gets a fresh zeroed frame.
// States IDLE -> REQUESTED (PAGE_REPORTING_DELAY) -> ACTIVE -> IDLE or REQUESTED (reference §2.2,
// §6.2). The model's guest has one free list rather than a buddy allocator, so a "free block of
// the reporting order" is a 2 MiB-aligned run of 512 free guest pages, and a request is raised
// when at least one block's worth of pages has been freed since the last pass.
import type { GuestOs } from '../guest/GuestOs.ts';
import { FLAG_REPORTED, FLAG_ZERO, KIND_MASK, PageKind } from '../guest/pageState.ts';
import type { BalloonHost } from './BalloonDriver.ts';

/** PAGE_REPORTING_DELAY = 2*HZ (mm/page_reporting.c). */
export const PAGE_REPORTING_DELAY_MS = 2000;
/** PAGE_REPORTING_CAPACITY = 32 scatterlist entries per report (mm/page_reporting.h). */
export const PAGE_REPORTING_CAPACITY = 32;
/** Reporting order: pageblock_order, 9 on x86-64 (2 MiB blocks). */
export const PAGE_REPORTING_ORDER = 9;
/** Guest pages in one reported block. */
export const REPORTING_BLOCK_PAGES = 1 << PAGE_REPORTING_ORDER;

export type ReportingState = 'idle' | 'requested' | 'active';

export class FreePageReporting {
  state: ReportingState = 'idle';
  /** 2 MiB blocks reported so far, and reports (up to 32 blocks each) sent. */
  reportedBlocks = 0;
  reports = 0;
  passes = 0;
  private readonly os: GuestOs;
  private readonly host: BalloonHost;
  private readonly pfns = new Int32Array(REPORTING_BLOCK_PAGES);
  private clockMs = 0;
  private dueMs = 0;
  /** Lowest guest free count since the last pass (a rise above it means pages were freed). */
  private freeLowSincePass = 0;
  /** Block where the next pass starts (the kernel rotates its free list the same way). */
  private cursorBlock = 0;

  constructor(os: GuestOs, host: BalloonHost) {
    this.os = os;
    this.host = host;
    this.freeLowSincePass = os.mem.free;
  }

  step(dtMs: number): void {
    this.clockMs += dtMs;
    const free = this.os.mem.free;
    this.freeLowSincePass = Math.min(this.freeLowSincePass, free);
    if (this.state === 'idle') {
      // page_reporting_notify_free: a block of the reporting order was freed.
      if (free >= this.freeLowSincePass + REPORTING_BLOCK_PAGES) this.request();
      return;
    }
    if (this.clockMs >= this.dueMs) this.pass();
  }

  private request(): void {
    this.state = 'requested';
    this.dueMs = this.clockMs + PAGE_REPORTING_DELAY_MS;
  }

  /** page_reporting_process: one pass over the reporting order's free blocks. */
  private pass(): void {
    this.state = 'active';
    this.passes++;
    const mem = this.os.mem;
    let more = false;
    // page_reporting_process_zone: skip unless free >= low watermark + (CAPACITY << order).
    if (mem.free >= this.os.watermarks.low + (PAGE_REPORTING_CAPACITY << PAGE_REPORTING_ORDER)) {
      const blocks = Math.floor(mem.onlineEnd / REPORTING_BLOCK_PAGES);
      let nrFree = 0;
      for (let b = 0; b < blocks; b++) if (this.blockFree(b) !== 0) nrFree++;
      // budget = DIV_ROUND_UP(nr_free, PAGE_REPORTING_CAPACITY * 16) reports per pass.
      let blocksLeft = Math.ceil(nrFree / (PAGE_REPORTING_CAPACITY * 16)) * PAGE_REPORTING_CAPACITY;
      let sent = 0;
      for (let i = 0; i < blocks; i++) {
        const b = (this.cursorBlock + i) % blocks;
        if (this.blockFree(b) !== 2) continue;
        if (blocksLeft === 0) {
          // Budget spent with blocks still unreported: ask again after the delay.
          this.cursorBlock = b;
          more = true;
          break;
        }
        this.report(b);
        blocksLeft--;
        sent++;
      }
      this.reports += Math.ceil(sent / PAGE_REPORTING_CAPACITY);
    }
    this.freeLowSincePass = mem.free;
    if (more) this.request();
    else this.state = 'idle';
  }

  /** 0 if block b is not wholly free, 1 if free and already reported, 2 if free and not yet reported. */
  private blockFree(b: number): number {
    const state = this.os.mem.state;
    let reported = true;
    for (let g = b * REPORTING_BLOCK_PAGES, end = g + REPORTING_BLOCK_PAGES; g < end; g++) {
      const s = state[g];
      if ((s & KIND_MASK) !== PageKind.Free) return 0;
      if ((s & FLAG_REPORTED) === 0) reported = false;
    }
    return reported ? 1 : 2;
  }

  private report(b: number): void {
    const state = this.os.mem.state;
    const first = b * REPORTING_BLOCK_PAGES;
    for (let i = 0; i < REPORTING_BLOCK_PAGES; i++) {
      this.pfns[i] = first + i;
      state[first + i] |= FLAG_REPORTED | FLAG_ZERO;
    }
    this.os.mem.changes.markRange(first, first + REPORTING_BLOCK_PAGES);
    this.host.reported(this.pfns, REPORTING_BLOCK_PAGES);
    this.reportedBlocks++;
  }
}
