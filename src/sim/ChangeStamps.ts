// Which parts of a per-page array have changed since a reader last looked: display bookkeeping
// for incremental map rendering, not model state (the state hash skips it; the model never
// reads it). A write stamps its block of 16 pages, and the block's group of 1024 pages, with the
// current epoch; a reader asks for the blocks stamped at or after the epoch it was given last
// time, and the epoch advances, so any number of readers can each see every change once.
// Writes that change nothing a map shows (EPT accessed bits) are not stamped.

const FINE_SHIFT = 4;
const COARSE_SHIFT = 10;
const FINE_PER_COARSE = 1 << (COARSE_SHIFT - FINE_SHIFT);

export class ChangeStamps {
  private readonly fine: Uint32Array;
  private readonly coarse: Uint32Array;
  private epoch = 1;

  constructor(pages: number) {
    this.fine = new Uint32Array((pages >>> FINE_SHIFT) + 1);
    this.coarse = new Uint32Array((pages >>> COARSE_SHIFT) + 1);
  }

  /** Records a change of page i. */
  mark(i: number): void {
    const e = this.epoch;
    this.fine[i >>> FINE_SHIFT] = e;
    this.coarse[i >>> COARSE_SHIFT] = e;
  }

  /** Records a change of pages [from, to). */
  markRange(from: number, to: number): void {
    if (to <= from) return;
    this.fine.fill(this.epoch, from >>> FINE_SHIFT, ((to - 1) >>> FINE_SHIFT) + 1);
    this.coarse.fill(this.epoch, from >>> COARSE_SHIFT, ((to - 1) >>> COARSE_SHIFT) + 1);
  }

  /** The epoch a reader that has just seen everything passes next time (advances the epoch). */
  advance(): number {
    return ++this.epoch;
  }

  /** Calls visit(from, to) for each run of pages within [lo, hi) that may have changed since
   * `since` (whole 16-page blocks, clipped to [lo, hi), adjacent blocks merged). Cost: the
   * 1024-page groups in the range plus the blocks of the groups that changed. */
  forEachChange(since: number, lo: number, hi: number, visit: (from: number, to: number) => void): void {
    if (hi <= lo) return;
    const { fine, coarse } = this;
    const lastBlock = (hi - 1) >>> FINE_SHIFT;
    let runStart = -1;
    let runEnd = -1;
    for (let c = lo >>> COARSE_SHIFT, cEnd = (hi - 1) >>> COARSE_SHIFT; c <= cEnd; c++) {
      if (coarse[c] < since) continue;
      const first = Math.max(c * FINE_PER_COARSE, lo >>> FINE_SHIFT);
      const last = Math.min((c + 1) * FINE_PER_COARSE - 1, lastBlock);
      for (let b = first; b <= last; b++) {
        if (fine[b] < since) continue;
        if (b !== runEnd) {
          if (runStart >= 0) visit(Math.max(lo, runStart << FINE_SHIFT), Math.min(hi, runEnd << FINE_SHIFT));
          runStart = b;
        }
        runEnd = b + 1;
      }
    }
    if (runStart >= 0) visit(Math.max(lo, runStart << FINE_SHIFT), Math.min(hi, runEnd << FINE_SHIFT));
  }

  get heapBytes(): number {
    return this.fine.byteLength + this.coarse.byteLength;
  }
}
