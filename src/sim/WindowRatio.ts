// A ratio of two sums over a sliding window of recent ticks (e.g. work done / work demanded
// over the last 10 simulated seconds). Fixed memory: one slot per tick in the window.

export class WindowRatio {
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private next = 0;
  private sumNum = 0;
  private sumDen = 0;

  constructor(slots: number) {
    this.num = new Float64Array(Math.max(1, slots));
    this.den = new Float64Array(Math.max(1, slots));
  }

  push(numerator: number, denominator: number): void {
    const i = this.next;
    this.sumNum += numerator - this.num[i];
    this.sumDen += denominator - this.den[i];
    this.num[i] = numerator;
    this.den[i] = denominator;
    this.next = (i + 1) % this.num.length;
  }

  /** The windowed ratio (never negative), or `empty` when nothing was demanded in the window. */
  value(empty = 1): number {
    return this.sumDen > 1e-9 ? Math.max(0, this.sumNum / this.sumDen) : empty;
  }
}
