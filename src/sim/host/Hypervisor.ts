// The hypervisor's memory manager: host frames, each VM's EPT, the host swap device and
// compression caches. It serves every guest access that misses in the EPT (EPT violation:
// first touch, host swap-in, decompression, copy-on-write of a shared frame), takes frames
// back when a balloon inflates, and swaps guest pages out when it is short of frames. It sees
// only what a real hypervisor sees: its frames, EPT entries and their accessed bits, and what
// balloon drivers tell it; page contents only as bytes to hash or compress.
import { COW_FAULT_US, DECOMPRESS_US, EPT_VIOLATION_US } from '../costs.ts';
import { hash32, type Rng } from '../rng.ts';
import { SwapDevice } from '../SwapDevice.ts';
import type { HostSwapSelection } from '../scenario/types.ts';
import { CompressionCache } from './CompressionCache.ts';
import {
  EPT_ACCESSED,
  EPT_READONLY,
  EPT_BALLOONED,
  EPT_COMPRESSED,
  EPT_UNTOUCHED,
  Ept,
  eptForSwapSlot,
  eptFrame,
  eptIsSwapped,
  eptSwapSlot,
} from './Ept.ts';
import { HostFrames } from './HostFrames.ts';
import { guestPageRef, refGpfn, refVm } from './guestPageRef.ts';
import { emptyHostStats, type HostStats } from './hostStats.ts';
import { linuxWatermarks } from '../guest/GuestMemory.ts';

/** What the hypervisor may learn of a VM's page contents, as a scanner reading the page's bytes
 * would: an exact identity of them (0 = zero page, -1 = unique; guest/pageContent.ts), and
 * whether they keep changing between scans (KSM's volatile pages). */
export interface ContentSource {
  contentIdentity(gpfn: number): number;
  volatile(gpfn: number): boolean;
}

/** Told when a shared frame loses its last mapping (the sharing table forgets it). */
export interface SharedFrameIndex {
  forgetFrame(frame: number): void;
}

export interface HostVm {
  ept: Ept;
  compression: CompressionCache | null;
  content: ContentSource;
}

/** Host swap-out batch when a fault finds no free frame (direct host reclaim). */
const HOST_RECLAIM_BATCH = 32;

export class Hypervisor {
  readonly frames: HostFrames;
  readonly swap: SwapDevice;
  readonly vms: HostVm[] = [];
  readonly stats: HostStats = emptyHostStats();
  readonly watermarks: { min: number; low: number; high: number };
  readonly compressionEnabled: boolean;
  swapSelection: HostSwapSelection;
  sharedFrameIndex: SharedFrameIndex | null = null;
  private readonly rng: Rng;
  private lruVm = 0;
  private lruGpfn = 0;

  constructor(frameCount: number, swapPages: number, swapLatencyUs: number, selection: HostSwapSelection, compression: boolean, rng: Rng) {
    this.frames = new HostFrames(frameCount);
    this.swap = new SwapDevice(swapPages, swapLatencyUs);
    this.swapSelection = selection;
    this.compressionEnabled = compression;
    this.watermarks = linuxWatermarks(frameCount);
    this.rng = rng;
  }

  addVm(vm: HostVm): number {
    this.vms.push(vm);
    return this.vms.length - 1;
  }

  /** A frame for (vm, gpfn), swapping another page out first if none is free; -1 if impossible. */
  private allocFrame(vm: number, gpfn: number): { frame: number; stallUs: number } {
    let f = this.frames.allocate(guestPageRef(vm, gpfn));
    let stallUs = 0;
    if (f < 0) {
      const out = this.reclaim(HOST_RECLAIM_BATCH, -1);
      stallUs += out > 0 ? this.swap.latencyUs : 0;
      f = this.frames.allocate(guestPageRef(vm, gpfn));
    }
    if (f < 0) this.stats.hostOutOfMemory++;
    return { frame: f, stallUs };
  }

  /** A guest access to (vm, gpfn): returns the stall in µs (Infinity if no frame could be had). */
  access(vm: number, gpfn: number, write: boolean): number {
    const ept = this.vms[vm].ept;
    const e = ept.entries[gpfn];
    if (e >= 0) {
      if (write && (e & EPT_READONLY) !== 0) return this.breakCow(vm, gpfn, eptFrame(e));
      if ((e & EPT_ACCESSED) === 0) ept.entries[gpfn] = e | EPT_ACCESSED;
      return 0;
    }
    this.stats.eptViolations++;
    const got = this.allocFrame(vm, gpfn);
    if (got.frame < 0) return Infinity;
    let stall = EPT_VIOLATION_US + got.stallUs;
    if (e === EPT_BALLOONED) this.stats.balloonedTouches++;
    else if (e === EPT_COMPRESSED) {
      this.vms[vm].compression!.remove(this.frames);
      this.stats.decompressions++;
      stall += DECOMPRESS_US;
    } else if (eptIsSwapped(e)) {
      this.swap.release(eptSwapSlot(e));
      this.stats.hostSwapIns++;
      stall += this.swap.latencyUs;
    }
    ept.set(gpfn, got.frame | EPT_ACCESSED);
    return stall;
  }

  /** The guest reads a page to put it on its own swap device. */
  readForGuestSwapOut(vm: number, gpfn: number): number {
    const e = this.vms[vm].ept.entries[gpfn];
    if (eptIsSwapped(e) || e === EPT_COMPRESSED) this.stats.doublePaging++;
    return this.access(vm, gpfn, false);
  }

  private breakCow(vm: number, gpfn: number, shared: number): number {
    const got = this.allocFrame(vm, gpfn);
    if (got.frame < 0) return Infinity;
    this.stats.cowFaults++;
    const ept = this.vms[vm].ept;
    ept.set(gpfn, got.frame | EPT_ACCESSED);
    ept.sharedMapped--;
    this.dropShared(shared);
    return COW_FAULT_US + got.stallUs;
  }

  dropShared(frame: number): void {
    if (this.frames.refCount(frame) === 1) this.sharedFrameIndex?.forgetFrame(frame);
    this.frames.dropRef(frame);
  }

  /** Removes whatever backs (vm, gpfn) and sets its entry (balloon inflate: EPT_BALLOONED). */
  unback(vm: number, gpfn: number, entry: number): void {
    const hv = this.vms[vm];
    const e = hv.ept.entries[gpfn];
    if (e >= 0) {
      const f = eptFrame(e);
      if (this.frames.isShared(f)) {
        hv.ept.sharedMapped--;
        this.dropShared(f);
      } else this.frames.release(f);
    } else if (eptIsSwapped(e)) this.swap.release(eptSwapSlot(e));
    else if (e === EPT_COMPRESSED) hv.compression!.remove(this.frames);
    hv.ept.set(gpfn, entry);
  }

  /** Balloon inflate message: the guest gave these pages; their frames return to the pool. */
  balloonInflated(vm: number, gpfns: ArrayLike<number>, count: number): void {
    for (let i = 0; i < count; i++) this.unback(vm, gpfns[i], EPT_BALLOONED);
  }

  /** Balloon deflate message: these pages are the guest's again, backed on next touch (a page
   * a buggy guest touched while ballooned keeps the frame it got then). */
  balloonDeflated(vm: number, gpfns: ArrayLike<number>, count: number): void {
    const ept = this.vms[vm].ept;
    for (let i = 0; i < count; i++) if (ept.entries[gpfns[i]] === EPT_BALLOONED) ept.set(gpfns[i], EPT_UNTOUCHED);
  }

  /** Free page reporting: the guest reported these free pages, so the host discards whatever
   * backs them (QEMU madvise(MADV_DONTNEED)); the next touch gets a fresh zeroed frame. */
  freePagesReported(vm: number, gpfns: ArrayLike<number>, count: number): void {
    for (let i = 0; i < count; i++) this.unback(vm, gpfns[i], EPT_UNTOUCHED);
    this.stats.reportedPagesDiscarded += count;
  }

  /** Whether a page's bytes compress to 2 KB or less: zero pages and code/text always; other
   * data for a fixed half of pages chosen by a hash of the page (a modelling assumption). */
  private compressible(vm: number, gpfn: number): boolean {
    const key = this.vms[vm].content.contentIdentity(gpfn);
    return key >= 0 || (hash32(vm, gpfn, 0xc0) & 1) === 0;
  }

  /** Swaps (or compresses) one privately backed page out. False if it cannot be taken. */
  swapOutPage(vm: number, gpfn: number): boolean {
    const hv = this.vms[vm];
    const e = hv.ept.entries[gpfn];
    if (e < 0 || (e & EPT_READONLY) !== 0) return false;
    const cache = hv.compression;
    if (cache && !cache.full && this.compressible(vm, gpfn)) {
      // The page's own frame is released first, so the cache always finds a frame if it needs one.
      this.frames.release(eptFrame(e));
      cache.add(this.frames);
      hv.ept.set(gpfn, EPT_COMPRESSED);
      hv.ept.resetListener?.referenceReset(gpfn);
      this.stats.compressions++;
      return true;
    }
    const slot = this.swap.allocate();
    if (slot < 0) return false;
    this.frames.release(eptFrame(e));
    hv.ept.set(gpfn, eptForSwapSlot(slot));
    hv.ept.resetListener?.referenceReset(gpfn);
    this.stats.hostSwapOuts++;
    return true;
  }

  /** Swaps out up to n pages, from one VM (vm >= 0) or any. Returns pages taken. */
  reclaim(n: number, vm: number): number {
    let done = 0;
    const limit = n * 64 + 64;
    for (let tries = 0; done < n && tries < limit; tries++) {
      const victim = this.swapSelection === 'random' ? this.pickRandom(vm) : this.pickLru(vm);
      if (victim < 0) break;
      if (this.swapOutPage(refVm(victim), refGpfn(victim))) done++;
    }
    return done;
  }

  /** ESX: a uniformly random page of the VM (W02 §3.3); with vm = -1, of a VM chosen in
   * proportion to its backed pages. Returns a guestPageRef, or -1. */
  private pickRandom(vm: number): number {
    if (vm < 0) {
      let total = 0;
      for (const v of this.vms) total += v.ept.present - v.ept.sharedMapped;
      if (total <= 0) return -1;
      let r = this.rng.nextInt(total);
      vm = 0;
      while (vm < this.vms.length - 1 && r >= this.vms[vm].ept.present - this.vms[vm].ept.sharedMapped) {
        r -= this.vms[vm].ept.present - this.vms[vm].ept.sharedMapped;
        vm++;
      }
    }
    const ept = this.vms[vm].ept;
    if (ept.present - ept.sharedMapped <= 0) return -1;
    for (let tries = 0; tries < 256; tries++) {
      const g = this.rng.nextInt(ept.pages);
      const e = ept.entries[g];
      if (e >= 0 && (e & EPT_READONLY) === 0) return guestPageRef(vm, g);
    }
    return -1;
  }

  /** KVM host LRU approximation: a clock over the EPT accessed bits (cleared as it passes,
   * keeping the access visible to idle sampling: Ept.clearAccessed with young). */
  private pickLru(vm: number): number {
    const total = this.vms.reduce((s, v) => s + v.ept.pages, 0);
    for (let scanned = 0; scanned < 2 * total + 2; scanned++) {
      if (vm >= 0) this.lruVm = vm;
      const ept = this.vms[this.lruVm].ept;
      if (this.lruGpfn >= ept.pages) {
        this.lruGpfn = 0;
        if (vm < 0) this.lruVm = (this.lruVm + 1) % this.vms.length;
        continue;
      }
      const g = this.lruGpfn++;
      const e = ept.entries[g];
      if (e < 0 || (e & EPT_READONLY) !== 0) continue;
      if (e & EPT_ACCESSED) ept.clearAccessed(g, true);
      else return guestPageRef(this.lruVm, g);
    }
    return -1;
  }

  /** Background host reclaim (Linux kswapd on the host, ESX swap daemon): keeps free frames
   * above the low watermark by swapping up to the high watermark. */
  backgroundReclaim(): void {
    const { low, high } = this.watermarks;
    if (this.frames.freeFrames < low) this.reclaim(high - this.frames.freeFrames, -1);
  }

  /** Frames a VM's pages map plus its compression cache; a shared frame counts once for every
   * page that maps it, so the sum over VMs exceeds the frames used by the sharing savings. */
  vmFrames(vm: number): number {
    const hv = this.vms[vm];
    return hv.ept.present + (hv.compression?.frames.length ?? 0);
  }
}
