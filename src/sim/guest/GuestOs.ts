// The guest operating system's memory manager, modelled on Linux: page allocation with
// watermarks and direct reclaim, demand faults for anonymous memory (first touch, swap-in),
// the page cache, kswapd, and the OOM killer. Every access to a guest-physical page goes
// through the GuestPlatform (the EPT below), which charges the stalls the host causes.
// Stalls are accumulated in `stallUs` for the caller (the workload's time budget).
import { GUEST_MINOR_FAULT_US, SWAP_WRITE_FACTOR } from '../costs.ts';
import { SwapDevice } from '../SwapDevice.ts';
import { GuestMemory, LruList, linuxWatermarks } from './GuestMemory.ts';
import type { GuestPlatform } from './GuestPlatform.ts';
import { EPT_ACCESSED, EPT_READONLY } from '../host/Ept.ts';
import { emptyGuestStats, type GuestStats } from './guestStats.ts';
import { FLAG_DIRTY, FLAG_REFERENCED, FLAG_ZERO, PageKind } from './pageState.ts';
import { anonRmap, anonRmapPid, anonRmapVpage, Process, PTE_NONE, pteForSwapSlot, pteIsSwapped, pteSwapSlot } from './Process.ts';
import { pageContent } from './pageContent.ts';
import { reclaimPages } from './reclaim.ts';
import type { ReferenceTruth } from './workingSet.ts';
import { touchGuestPhysical, type GuestPhysicalTouch } from './touchGuestPhysical.ts';

/** Allocation modes: an ordinary user/kernel allocation (may reclaim, may OOM), a balloon
 * allocation with __GFP_NORETRY (one light reclaim attempt, never OOM), or a non-sleeping
 * allocation (no reclaim at all; VMware's first-pass allocations). */
export type AllocMode = 'user' | 'noretry' | 'nowait';

/** Pages reclaimed per direct-reclaim attempt (SWAP_CLUSTER_MAX in mm/vmscan.c). */
export const SWAP_CLUSTER_MAX = 32;
/** Kernel pages in constant use (4 MiB of hot text and data; assumption). */
export const KERNEL_HOT_PAGES = 1024;
/** Rate at which kernel activity reads them, pages/s: each is read every ~3 s. */
export const KERNEL_TOUCHES_PER_SEC = 320;

export interface OomListener {
  /** DEFLATE_ON_OOM: give pages back from the balloon; true if any were freed. */
  onOom(): boolean;
}

export class GuestOs {
  readonly mem: GuestMemory;
  readonly swap: SwapDevice;
  readonly diskLatencyUs: number;
  readonly stats: GuestStats = emptyGuestStats();
  readonly watermarks: { min: number; low: number; high: number };
  readonly processes: (Process | null)[] = [null];
  readonly kernelPages: number;
  /** Guest-physical page caching each page of the workload's files, or -1. */
  fileMap: Int32Array;
  /** Content class of the files and the application (workload kind), so the same files and
   * program match across VMs. */
  contentClass = 0;
  /** Leading virtual pages of the application that are code and read-only data. */
  identicalPages = 0;
  oomListener: OomListener | null = null;
  /** The workload's working set, told when reclaim clears a referenced bit or evicts a page. */
  truth: ReferenceTruth | null = null;
  /** Stall accumulated by the caller's accesses, µs. */
  stallUs = 0;
  /** Set when a fault could not be served (host out of frames, guest OOM). */
  blocked = false;
  private readonly platform: GuestPlatform;
  private kernelCursor = 0;
  private kernelCredit = 0;
  private readonly pageTableLevels: number;

  constructor(
    pages: number,
    kernelPages: number,
    swapPages: number,
    diskLatencyUs: number,
    pageTableLevels: number,
    platform: GuestPlatform,
  ) {
    this.mem = new GuestMemory(pages);
    this.swap = new SwapDevice(swapPages, diskLatencyUs);
    this.diskLatencyUs = diskLatencyUs;
    this.platform = platform;
    this.pageTableLevels = pageTableLevels;
    this.kernelPages = kernelPages;
    this.watermarks = linuxWatermarks(pages);
    this.fileMap = new Int32Array(0);
  }

  /** Boot: the kernel image and its data take the lowest pages, written once. */
  boot(): void {
    for (let k = 0; k < this.kernelPages; k++) {
      const g = this.mem.takeFree(PageKind.Kernel, 0, k);
      this.platform.access(g, true);
    }
    this.stallUs = 0;
  }

  /** Boots with only the first `pages` guest-physical pages online (the rest is a hot-add
   * region); the watermarks follow the online memory. */
  offlineAbove(pages: number): void {
    this.mem.offlineFrom(pages);
    Object.assign(this.watermarks, linuxWatermarks(this.mem.onlineEnd));
  }

  /** Memory hot-add: onlines up to n more pages. Returns pages onlined. */
  onlinePages(n: number): number {
    const done = this.mem.onlinePages(n);
    Object.assign(this.watermarks, linuxWatermarks(this.mem.onlineEnd));
    return done;
  }

  setFiles(pages: number): void {
    this.fileMap = new Int32Array(pages).fill(-1);
  }

  /** Starts a process with its page-table root (and the top levels) allocated. */
  spawn(pid: number, name: string, virtualPages: number): Process {
    const p = new Process(pid, name, virtualPages, this.pageTableLevels);
    this.processes[pid] = p;
    this.ensureTable(p, this.pageTableLevels, 0);
    return p;
  }

  /** Allocates one page; -1 when none could be had. */
  allocPage(kind: PageKind, flags: number, rmap: number, mode: AllocMode): number {
    const mem = this.mem;
    if (mem.free <= this.watermarks.min) {
      if (mode === 'nowait') return -1;
      this.stats.allocstall++;
      reclaimPages(this, SWAP_CLUSTER_MAX, true);
      if (mode === 'noretry' && mem.free <= this.watermarks.min) return -1;
      while (mem.free === 0) {
        if (reclaimPages(this, SWAP_CLUSTER_MAX, true) > 0) continue;
        if (mode !== 'user' || !this.outOfMemory()) return -1;
      }
    }
    return mem.takeFree(kind, flags, rmap);
  }

  /** Ensures the page-table page at `level` covering virtual page v exists; false if OOM. */
  private ensureTable(p: Process, level: number, v: number): boolean {
    const slot = p.tableSlot(level, v);
    const table = p.tables[level - 1];
    if (table[slot] >= 0) return true;
    const g = this.allocPage(PageKind.PageTable, 0, Process.tableRmap(p.pid, level, slot), 'user');
    if (g < 0 || !p.alive) {
      if (g >= 0) this.mem.giveFree(g);
      return false;
    }
    table[slot] = g;
    p.tablePages++;
    this.stallUs += this.platform.access(g, true);
    return true;
  }

  /** A process touches virtual page v. Returns false if the process could not continue. */
  touch(p: Process, v: number, write: boolean, identical: boolean): boolean {
    const mem = this.mem;
    const e = p.pte[v];
    if (e >= 0) {
      // The hardware walk reads the leaf page-table page (the upper levels come from the
      // paging-structure caches), then the data page, both through the EPT. (Leaf table slot:
      // v >>> 9, see Process.tableSlot.)
      this.stallUs += this.mmu(p.tables[0][v >>> 9], false) + this.mmu(e, write);
      const s = mem.state[e];
      const touched = (s | FLAG_REFERENCED) & (write ? ~FLAG_ZERO : 0xff);
      if (touched !== s) {
        mem.state[e] = touched;
        mem.changes.mark(e);
      }
      return true;
    }
    for (let level = 1; level < this.pageTableLevels; level++) if (!this.ensureTable(p, level, v)) return false;
    const swapped = pteIsSwapped(e);
    // A fresh anonymous page is zero until written; code and read-only data load their content.
    const flags = FLAG_REFERENCED | (swapped || write || identical ? 0 : FLAG_ZERO);
    const g = this.allocPage(PageKind.Anon, flags, anonRmap(p.pid, v), 'user');
    if (g < 0 || !p.alive) {
      if (g >= 0) mem.giveFree(g);
      this.blocked = true;
      return false;
    }
    if (swapped) {
      this.swap.release(pteSwapSlot(e));
      p.swapped--;
      this.stats.pswpin++;
      this.stats.pgmajfault++;
      this.stallUs += this.diskLatencyUs;
    } else {
      this.stats.pgminfault++;
      this.stallUs += GUEST_MINOR_FAULT_US;
    }
    p.pte[v] = g;
    p.resident++;
    mem.lruAdd(LruList.Anon, g);
    this.stallUs += this.platform.access(g, true);
    return true;
  }

  /** The EPT leaf entries below this guest, as the MMU reads them (the model's working-set
   * truth checks whether a reference would exit; the guest OS itself never reads them). */
  get eptEntries(): Int32Array {
    return this.platform.eptEntries;
  }

  /** The guest touches guest-physical page gpfn directly (a buggy guest using a ballooned
   * page; a scenario's scheduled touch): see touchGuestPhysical.ts. */
  touchGuestPhysical(gpfn: number, write: boolean): GuestPhysicalTouch {
    return touchGuestPhysical(this.mem, this.platform, gpfn, write);
  }

  /** An access as the MMU makes it: no exit when the EPT entry is present, already accessed, and
   * writable if this is a write (see GuestPlatform.eptEntries); otherwise the hypervisor's path. */
  private mmu(gpfn: number, write: boolean): number {
    const e = this.platform.eptEntries[gpfn];
    if (e >= 0 && (e & EPT_ACCESSED) !== 0 && (!write || (e & EPT_READONLY) === 0)) return 0;
    return this.platform.access(gpfn, write);
  }

  /** The kernel's own hot text and data (its first KERNEL_HOT_PAGES pages) are in constant
   * use: read them round-robin at KERNEL_TOUCHES_PER_SEC, so the host's view of their accessed
   * bits is the one a running kernel gives. */
  kernelActivity(dtMs: number): void {
    const hot = Math.min(this.kernelPages, KERNEL_HOT_PAGES);
    this.kernelCredit += (KERNEL_TOUCHES_PER_SEC * dtMs) / 1000;
    for (; this.kernelCredit >= 1; this.kernelCredit--) {
      this.platform.access(this.kernelCursor, false);
      this.kernelCursor = (this.kernelCursor + 1) % hot;
    }
  }

  /** Once a tick, the walks that miss the paging-structure caches read the upper-level
   * table pages (PML4/PDPT/PD): a few pages, so read them all. */
  touchUpperTables(p: Process): void {
    for (let level = 2; level <= this.pageTableLevels; level++) {
      const tables = p.tables[level - 1];
      for (let i = 0; i < tables.length; i++) if (tables[i] >= 0) this.stallUs += this.platform.access(tables[i], false);
    }
  }

  /** The workload reads or writes page `fp` of its files through the page cache. */
  touchFile(fp: number, write: boolean): boolean {
    const mem = this.mem;
    let g = this.fileMap[fp];
    if (g >= 0) {
      this.stallUs += this.mmu(g, write);
      if (write && (mem.state[g] & FLAG_DIRTY) === 0) mem.dirtyCache++;
      const s = mem.state[g];
      const touched = s | FLAG_REFERENCED | (write ? FLAG_DIRTY : 0);
      if (touched !== s) {
        mem.state[g] = touched;
        mem.changes.mark(g);
      }
      return true;
    }
    g = this.allocPage(PageKind.Cache, FLAG_REFERENCED | (write ? FLAG_DIRTY : 0), fp, 'user');
    if (g < 0) {
      this.blocked = true;
      return false;
    }
    if (write) mem.dirtyCache++;
    this.stats.pgmajfault++;
    this.stallUs += this.diskLatencyUs + this.platform.access(g, true);
    this.fileMap[fp] = g;
    mem.lruAdd(LruList.File, g);
    return true;
  }

  /** Evicts one LRU page (reclaim's victim). Returns false if it cannot be evicted now. */
  evict(g: number, direct: boolean): boolean {
    const mem = this.mem;
    const state = mem.state[g];
    if ((state & 7) === PageKind.Cache) {
      if (state & FLAG_DIRTY) {
        this.stats.writeback++;
        mem.dirtyCache--;
        this.platform.readForGuestSwapOut(g);
        if (direct) this.stallUs += this.diskLatencyUs * SWAP_WRITE_FACTOR;
      }
      this.fileMap[mem.rmap[g]] = -1;
    } else {
      const slot = this.swap.allocate();
      if (slot < 0) return false;
      const p = this.processes[anonRmapPid(mem.rmap[g])]!;
      const cost = this.platform.readForGuestSwapOut(g);
      if (direct) this.stallUs += cost + this.diskLatencyUs * SWAP_WRITE_FACTOR;
      p.pte[anonRmapVpage(mem.rmap[g])] = pteForSwapSlot(slot);
      p.resident--;
      p.swapped++;
      this.stats.pswpout++;
    }
    this.truth?.referenceReset(g);
    mem.lruRemove(g);
    mem.giveFree(g);
    this.stats.pgsteal++;
    return true;
  }

  /** kswapd: when free memory is below the low watermark, reclaim up to the high watermark. */
  kswapd(): void {
    const { low, high } = this.watermarks;
    if (this.mem.free < low) reclaimPages(this, high - this.mem.free, false);
  }

  /** The OOM path: the balloon's notifier first (DEFLATE_ON_OOM), else kill the largest process. */
  outOfMemory(): boolean {
    if (this.oomListener?.onOom()) return true;
    let victim: Process | null = null;
    for (const p of this.processes) {
      if (p && p.alive && (!victim || p.resident + p.swapped > victim.resident + victim.swapped)) victim = p;
    }
    if (!victim || victim.resident + victim.tablePages === 0) return false;
    this.kill(victim);
    this.stats.oomKill++;
    return true;
  }

  /** Tears a process down: its pages, swap slots and page tables go back. */
  kill(p: Process): void {
    const mem = this.mem;
    p.alive = false;
    for (let v = 0; v < p.pte.length; v++) {
      const e = p.pte[v];
      if (e >= 0) {
        mem.lruRemove(e);
        mem.giveFree(e);
      } else if (e !== PTE_NONE) this.swap.release(pteSwapSlot(e));
      p.pte[v] = PTE_NONE;
    }
    for (const table of p.tables) {
      for (let i = 0; i < table.length; i++) if (table[i] >= 0) mem.giveFree(table[i]);
      table.fill(-1);
    }
    p.resident = 0;
    p.swapped = 0;
    p.tablePages = 0;
  }

  /** What page g holds, as an exact identity (pageContent.ts): equal for pages with the same
   * bytes in any VM. This is the model of the page's bytes. */
  contentIdentity(g: number): number {
    return pageContent(this.mem.state[g], this.mem.rmap[g], Math.ceil(this.kernelPages / 2), this.contentClass, this.identicalPages);
  }

  /** MemTotal as the guest reports it, pages: ballooned pages leave totalram unless
   * DEFLATE_ON_OOM is negotiated (drivers/virtio/virtio_balloon.c, adjust_managed_page_count). */
  memTotalPages(deflateOnOom: boolean): number {
    const offline = this.mem.count(PageKind.Offline);
    return this.mem.pages - offline - this.kernelPages - (deflateOnOom ? 0 : this.mem.count(PageKind.Balloon));
  }

  /** MemAvailable estimate (si_mem_available, simplified): free above the low watermark plus
   * the clean page cache. */
  availablePages(): number {
    const cacheClean = this.mem.count(PageKind.Cache) - this.mem.dirtyCache;
    return Math.max(0, this.mem.free - this.watermarks.low + cacheClean);
  }

  get heapBytes(): number {
    return (
      this.mem.heapBytes + this.fileMap.byteLength + this.swap.heapBytes + this.processes.reduce((s, p) => s + (p ? p.heapBytes : 0), 0)
    );
  }
}
