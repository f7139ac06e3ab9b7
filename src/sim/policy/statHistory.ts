// A monitor's sample history: the last N samples of one statistic, the latest (MOM's
// Entity.Stat) and their mean, as oVirt MOM's Entity.StatAvg computes it (oVirt/mom
// mom/Entity.py) over `sample-history-length` samples (vdsm mom.conf.in).

export class StatHistory {
  private readonly samples: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(length: number) {
    this.samples = new Float64Array(Math.max(1, length));
  }

  push(value: number): void {
    this.samples[this.next] = value;
    this.next = (this.next + 1) % this.samples.length;
    this.filled = Math.min(this.samples.length, this.filled + 1);
  }

  get count(): number {
    return this.filled;
  }

  /** The most recent sample; 0 before the first. */
  latest(): number {
    return this.filled === 0 ? 0 : this.samples[(this.next + this.samples.length - 1) % this.samples.length];
  }

  /** Mean of the samples held (up to the history length); 0 before the first sample. */
  avg(): number {
    if (this.filled === 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.filled; i++) sum += this.samples[i];
    return sum / this.filled;
  }
}
