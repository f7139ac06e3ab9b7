// The host's physical memory: one entry per 4 KiB frame in typed arrays (6 bytes a frame).
// owner[f] says who holds frame f: a guest page (a guestPageRef: vm, guest-physical page), a
// slot of a VM's compression cache (a guestPageRef naming the slot), the hypervisor itself (EPT
// table pages), or nobody (free). Free frames form a singly linked list threaded through
// owner[] itself, so the free pool costs no extra memory. flags[f] says whether a frame held
// for a VM is a compression-cache frame or a shared (copy-on-write) frame; shared frames carry
// a reference count of the guest pages mapping them, and their owner keeps the page that first
// held the content, for display only.

import { ChangeStamps } from '../ChangeStamps.ts';
import { guestPageRef, refGpfn, refVm } from './guestPageRef.ts';

/** owner[] value of a frame holding hypervisor data (EPT table pages). */
export const OWNER_HYPERVISOR = -2;
const FREE_BASE = -4; // free frame: owner = FREE_BASE - next, next = -1 ends the list
const COMPRESSION_FLAG = 1;
const SHARED_FLAG = 2;
/** Largest number of frames (1 TiB of 4 KiB frames): frame numbers fit the 28 bits of an EPT
 * entry (Ept.ts). */
export const MAX_HOST_FRAMES = 1 << 28;

export class HostFrames {
  readonly frameCount: number;
  /** Frames whose owner changed, for incremental rendering (not model state). */
  readonly changes: ChangeStamps;
  /** Who holds each frame (see the encoding above). */
  readonly owner: Int32Array;
  /** COMPRESSION_FLAG or SHARED_FLAG of a frame held for a VM; 0 otherwise. */
  readonly flags: Uint8Array;
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
    this.flags = new Uint8Array(frameCount);
    this.refs = new Uint8Array(frameCount);
    this.changes = new ChangeStamps(frameCount);
    // Every frame free, in frame order: the list pushFree would build from the top frame down,
    // written straight (a model's first frame waits on this loop over millions of frames).
    const owner = this.owner;
    for (let f = 0; f < frameCount - 1; f++) owner[f] = FREE_BASE - (f + 1);
    if (frameCount > 0) {
      owner[frameCount - 1] = FREE_BASE + 1;
      this.freeHead = 0;
    }
    this.freeCountValue = frameCount;
    this.changes.markRange(0, frameCount);
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
    this.flags[f] = 0;
    this.changes.mark(f);
    this.freeHead = f;
    this.freeCountValue++;
  }

  isFree(f: number): boolean {
    return this.owner[f] <= FREE_BASE + 1;
  }

  /** Takes a free frame (the lowest-numbered recently freed first) for `owner` (a guestPageRef
   * or OWNER_HYPERVISOR); -1 when none is free. */
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

  /** Takes a free frame for slot `slot` of VM vm's compression cache; -1 when none is free. */
  allocateCompression(vm: number, slot: number): number {
    const f = this.allocate(guestPageRef(vm, slot));
    if (f >= 0) this.flags[f] = COMPRESSION_FLAG;
    return f;
  }

  /** Returns a frame with no remaining mapping to the free pool. */
  release(f: number): void {
    if (this.owner[f] === OWNER_HYPERVISOR) this.hypervisorCount--;
    this.pushFree(f);
  }

  /** Frame f holds one guest page privately (not shared, not compression cache). */
  isGuestPrivate(f: number): boolean {
    return this.owner[f] >= 0 && this.flags[f] === 0;
  }
  /** Frame f holds a VM's compression cache. */
  isCompression(f: number): boolean {
    return this.flags[f] === COMPRESSION_FLAG;
  }
  /** Frame f is a read-only shared (copy-on-write) frame. */
  isShared(f: number): boolean {
    return this.flags[f] === SHARED_FLAG;
  }
  /** VM a frame is held for (the first holder of a shared frame); only when owner[f] >= 0. */
  vmOf(f: number): number {
    return refVm(this.owner[f]);
  }
  /** Guest-physical page (or compression slot) a frame is held for; only when owner[f] >= 0. */
  gpfnOf(f: number): number {
    return refGpfn(this.owner[f]);
  }

  /** Number of guest pages mapping frame f (1 for a private frame). */
  refCount(f: number): number {
    if (!this.isShared(f)) return 1;
    const r = this.refs[f];
    return r === 255 ? 255 + (this.refOverflow.get(f) ?? 0) : r;
  }

  /** Turns a private frame into a read-only shared (copy-on-write) frame with one mapping. */
  makeShared(f: number): void {
    this.flags[f] = SHARED_FLAG;
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
    return this.owner.byteLength + this.flags.byteLength + this.refs.byteLength + this.changes.heapBytes;
  }
}
