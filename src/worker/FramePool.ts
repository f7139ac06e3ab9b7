// Transfer buffers of one map: a small pool of ArrayBuffers that frames carry to the UI by
// transfer and that the UI hands back after drawing. A buffer of the wrong size (the map's
// window changed) is dropped on return; the pool never holds more than POOL_SIZE buffers.

export const POOL_SIZE = 3;

export class FramePool {
  private free: ArrayBuffer[] = [];
  private bytes = 0;
  /** Buffers allocated so far (for tests and the benchmark: should stay <= POOL_SIZE + 1). */
  allocated = 0;

  /** A buffer of `bytes` bytes from the pool, or a new one. */
  take(bytes: number): ArrayBuffer {
    if (bytes !== this.bytes) {
      this.free = [];
      this.bytes = bytes;
    }
    const b = this.free.pop();
    if (b) return b;
    this.allocated++;
    return new ArrayBuffer(bytes);
  }

  /** Returns a buffer; true if this pool kept it. */
  give(buffer: ArrayBuffer): boolean {
    if (buffer.byteLength !== this.bytes || buffer.byteLength === 0 || this.free.length >= POOL_SIZE || this.free.includes(buffer))
      return false;
    this.free.push(buffer);
    return true;
  }
}
