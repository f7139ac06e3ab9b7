// The host's physical memory: one entry per 4 KiB frame in typed arrays (5 bytes a frame).
// owner[f] says who holds frame f: a guest page (vm, guest-physical page), a VM's compression
// cache, the hypervisor itself (EPT table pages), or nobody (free). Free frames form a singly
// linked list threaded through owner[] itself, so the free pool costs no extra memory.
// Shared (copy-on-write) frames carry a flag and a reference count of the guest pages mapping
// them; their owner field keeps the page that first held the content, for display only.

import { ChangeStamps } from '../ChangeStamps.ts';

/** owner[] value of a frame holding hypervisor data (EPT table pages). */
export const OWNER_HYPERVISOR = -2;
const FREE_BASE = -4; // free frame: owner = FREE_BASE - next, next = -1 ends the list
const VM_SHIFT = 24;
const GPFN_MASK = (1 << VM_SHIFT) - 1;
const COMPRESSION_FLAG = 1 << 29;
/** owner[] flag of a shared (copy-on-write) frame. */
export const SHARED_FLAG = 1 << 30;
/** Largest number of frames: frame numbers fit the 24 bits of an EPT entry. */
export const MAX_HOST_FRAMES = 1 << VM_SHIFT;

export class HostFrames {
  readonly frameCount: number;
  /** Frames whose owner changed, for incremental rendering (not model state). */
  readonly changes: ChangeStamps;
  /** Who holds each frame (see the encoding above). */
  readonly owner: Int32Array;
  /** Mappings of each shared frame (unused for private frames); 255 spills into refOverflow. */
  readonly refs: Uint8Array;
  private readonly refOverflow = new Map<number, number>();
  private freeHead = -1;
  private freeCountValue = 0;
  private hypervisorCount = 0;
  private sharedFrameCount = 0;
  private savedFrames = 0;

  constructor(frameCount: number) {
    if (frameCount > MAX_HOST_FRAMES) throw new RangeError(`host has ${frameCount} frames; at most ${MAX_HOST_FRAMES}`);
    this.frameCount = frameCount;
    this.owner = new Int32Array(frameCount);
    this.refs = new Uint8Array(frameCount);
    this.changes = new ChangeStamps(frameCount);
    for (let f = frameCount - 1; f >= 0; f--) this.pushFree(f);
  }

  get freeFrames(): number {
    return this.freeCountValue;
  }
  get hypervisorFrames(): number {
    return this.hypervisorCount;
  }
  /** Read-only shared (copy-on-write) frames. */
  get sharedFrames(): number {
    return this.sharedFrameCount;
  }
  /** Frames saved by sharing: mappings of shared frames beyond the first (KSM pages_sharing). */
  get sharingSavedFrames(): number {
    return this.savedFrames;
  }

  private pushFree(f: number): void {
    this.owner[f] = FREE_BASE - this.freeHead;
    this.changes.mark(f);
    this.freeHead = f;
    this.freeCountValue++;
  }

  isFree(f: number): boolean {
    return this.owner[f] <= FREE_BASE + 1;
  }

  /** Takes a free frame (the lowest-numbered recently freed first); -1 when none is free. */
  allocate(owner: number): number {
    const f = this.freeHead;
    if (f < 0) return -1;
    this.freeHead = FREE_BASE - this.owner[f];
    this.freeCountValue--;
    this.owner[f] = owner;
    this.changes.mark(f);
    if (owner === OWNER_HYPERVISOR) this.hypervisorCount++;
    return f;
  }

  /** Returns a frame with no remaining mapping to the free pool. */
  release(f: number): void {
    if (this.owner[f] === OWNER_HYPERVISOR) this.hypervisorCount--;
    this.pushFree(f);
  }

  static guestOwner(vm: number, gpfn: number): number {
    return (vm << VM_SHIFT) | gpfn;
  }
  static compressionOwner(vm: number, slot: number): number {
    return COMPRESSION_FLAG | (vm << VM_SHIFT) | slot;
  }
  static isGuestOwner(owner: number): boolean {
    return owner >= 0 && (owner & (COMPRESSION_FLAG | SHARED_FLAG)) === 0;
  }
  static isCompressionOwner(owner: number): boolean {
    return owner >= 0 && (owner & COMPRESSION_FLAG) !== 0;
  }
  static ownerVm(owner: number): number {
    return (owner >>> VM_SHIFT) & 0x1f;
  }
  static ownerGpfn(owner: number): number {
    return owner & GPFN_MASK;
  }

  static isSharedOwner(owner: number): boolean {
    return owner >= 0 && (owner & SHARED_FLAG) !== 0;
  }

  isShared(f: number): boolean {
    return HostFrames.isSharedOwner(this.owner[f]);
  }

  /** Number of guest pages mapping frame f (1 for a private frame). */
  refCount(f: number): number {
    if (!this.isShared(f)) return 1;
    const r = this.refs[f];
    return r === 255 ? 255 + (this.refOverflow.get(f) ?? 0) : r;
  }

  /** Turns a private frame into a read-only shared (copy-on-write) frame with one mapping. */
  makeShared(f: number): void {
    this.owner[f] |= SHARED_FLAG;
    this.changes.mark(f);
    this.refs[f] = 1;
    this.sharedFrameCount++;
  }

  /** Adds a mapping to shared frame f (a page merged into it). */
  addRef(f: number): void {
    const r = this.refs[f];
    if (r < 255) this.refs[f] = r + 1;
    else this.refOverflow.set(f, (this.refOverflow.get(f) ?? 0) + 1);
    this.savedFrames++;
  }

  /** Drops a mapping from shared frame f; at zero the frame is released. Returns mappings left. */
  dropRef(f: number): number {
    const over = this.refOverflow.get(f) ?? 0;
    if (this.refs[f] === 255 && over > 0) {
      if (over === 1) this.refOverflow.delete(f);
      else this.refOverflow.set(f, over - 1);
    } else this.refs[f]--;
    const left = this.refCount(f);
    if (left > 0) this.savedFrames--;
    else {
      this.sharedFrameCount--;
      this.release(f);
    }
    return left;
  }

  /** Walks the free list (for invariant checks): the number of frames on it. */
  countFreeList(): number {
    let n = 0;
    for (let f = this.freeHead; f >= 0 && n <= this.frameCount; f = FREE_BASE - this.owner[f]) n++;
    return n;
  }

  /** Bytes of typed-array memory this structure holds. */
  get heapBytes(): number {
    return this.owner.byteLength + this.refs.byteLength + this.changes.heapBytes;
  }
}
