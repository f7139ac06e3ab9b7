// Per-VM memory compression cache (ESX 4.1+, `Mem.MemZipEnable`): a page chosen for host swap
// is compressed instead when it fits in 2 KB, two pages to a host frame, while the cache stays
// within `Mem.MemZipMaxPct` = 10% of the VM's memory (reference §1.8). The cache's frames are
// host frames owned by the VM's cache.
import type { HostFrames } from './HostFrames.ts';

/** Largest share of a VM's memory its compression cache may hold (Mem.MemZipMaxPct). */
export const COMPRESSION_MAX_FRACTION = 0.1;
/** Compressed pages per host frame (pages must compress to 2 KB or less). */
export const PAGES_PER_CACHE_FRAME = 2;

export class CompressionCache {
  readonly vm: number;
  readonly maxPages: number;
  pages = 0;
  readonly frames: number[] = [];

  constructor(vm: number, vmPages: number) {
    this.vm = vm;
    this.maxPages = Math.floor(vmPages * COMPRESSION_MAX_FRACTION);
  }

  get full(): boolean {
    return this.pages >= this.maxPages;
  }

  /** Stores one compressed page; false when no frame could be had for the cache. */
  add(host: HostFrames): boolean {
    if (Math.ceil((this.pages + 1) / PAGES_PER_CACHE_FRAME) > this.frames.length) {
      const f = host.allocateCompression(this.vm, this.frames.length);
      if (f < 0) return false;
      this.frames.push(f);
    }
    this.pages++;
    return true;
  }

  /** Removes one compressed page, compacting the cache so it holds no empty frame. */
  remove(host: HostFrames): void {
    this.pages--;
    if (this.frames.length > Math.ceil(this.pages / PAGES_PER_CACHE_FRAME)) host.release(this.frames.pop()!);
  }
}
