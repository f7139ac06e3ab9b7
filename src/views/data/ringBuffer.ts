// A bounded ring buffer: the chart history keeps the last `capacity` samples and drops the
// oldest, so memory stays flat however long the simulation runs.
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  at(i: number): T | undefined {
    return i < 0 || i >= this.count ? undefined : this.items[(this.start + i) % this.capacity];
  }

  last(): T | undefined {
    return this.at(this.count - 1);
  }

  /** Drops the newest items while `pred` holds (going back in time truncates the future). */
  dropNewestWhile(pred: (item: T) => boolean): void {
    while (this.count > 0 && pred(this.at(this.count - 1) as T)) this.count--;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }

  toArray(): T[] {
    return Array.from({ length: this.count }, (_, i) => this.at(i) as T);
  }
}
