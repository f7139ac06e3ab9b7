// A swap device (the guest's swap partition, or the host's swap file): a fixed number of 4 KiB
// slots handed out lowest-first, with freed slots reused. Memory is proportional to slots
// ever used, not to capacity.

export class SwapDevice {
  readonly capacity: number;
  /** Read latency of one page, µs. */
  readonly latencyUs: number;
  private highWater = 0;
  private readonly freed: number[] = [];

  constructor(capacityPages: number, latencyUs: number) {
    this.capacity = capacityPages;
    this.latencyUs = latencyUs;
  }

  get used(): number {
    return this.highWater - this.freed.length;
  }
  get full(): boolean {
    return this.used >= this.capacity;
  }

  /** A free slot, or -1 when the device is full. */
  allocate(): number {
    if (this.freed.length > 0) return this.freed.pop()!;
    if (this.highWater >= this.capacity) return -1;
    return this.highWater++;
  }

  release(slot: number): void {
    this.freed.push(slot);
  }

  get heapBytes(): number {
    return this.freed.length * 8;
  }
}
