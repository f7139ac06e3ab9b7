// The truth behind the touch stream. A workload's touches (accessesPerSec) are a sample of what
// the program does: they drive faults, copy-on-write breaks and costs. The truth is its working
// set: the virtual pages [lo, hi) of its process and, for a file-cache workload, the file pages
// [0, filePages) it re-reads, every one of them referenced at least once every re-reference time
// R of the program's own running time. R is derived from an assumed real rate at which a program
// reaches distinct pages of its working set (REAL_PAGE_REFERENCES_PER_SEC), never from the sample.
//
// Observers of use clear bits: the guest's LRU its referenced bits, ESX idle sampling and the
// host's LRU clock the EPT accessed bits; the guest evicts pages, the host swaps them. Each such
// reset of a working-set page is queued with the time it happened, and R later the program
// references the page for real (GuestOs.touch / touchFile): a page still in memory, host frame
// included, just has its bits set again; a page that is missing (evicted by the guest, swapped
// or compressed by the host) is faulted back, in order and as the workload's time budget allows,
// its stall charged there. A program that thrashes thus still references what it has in memory,
// as a real one does between its faults, while its faults queue up. Pages entering the window
// (a phase change, a ramp, the start of a run) are swept once the same way. So any observer that
// asks "referenced since T?" for a period longer than R sees every working-set page referenced,
// at any touch rate, and the work per tick follows what observers did (a queue entry per reset,
// a sweep per page entering the window), never memory size. R runs on the program's clock: it
// stands still while the VM is blocked or the program is dead or does nothing at all.
import type { GuestOs } from './GuestOs.ts';
import { PageRing } from './pageRing.ts';
import { anonRmapPid, anonRmapVpage, type Process } from './Process.ts';
import { PageKind } from './pageState.ts';

/** Distinct pages a running program references per second of its own time (1 GiB/s of 4 KiB
 * pages; a modelling assumption: memory-bound code sweeps a working set at gigabytes a second). */
export const REAL_PAGE_REFERENCES_PER_SEC = 262144;
/** Shortest re-reference time, ms (a tiny working set is still referenced no faster than this). */
export const MIN_REREFERENCE_MS = 1;

/** What the guest OS and the host's EPT tell the working set, and what page sharing asks it. */
export interface ReferenceTruth {
  /** An observation of gpfn's use was reset (referenced bit cleared, page evicted). */
  referenceReset(gpfn: number): void;
  /** Whether the program rewrites gpfn's content continually (KSM: volatile, not mergeable). */
  volatile(gpfn: number): boolean;
}

export class WorkingSet implements ReferenceTruth {
  /** The window of virtual pages [lo, hi) and the file pages [0, filePages). */
  lo = 0;
  hi = 0;
  filePages = 0;
  /** Whether the program writes its working set (writePercent > 0): its pages are volatile. */
  writes = false;
  /** The program's running time, ms. */
  clockMs = 0;
  /** References made from the fault queue: pages found missing when their reference fell due (for tests and teachers). */
  faultedBack = 0;
  private readonly os: GuestOs;
  private readonly pid: number;
  /** Resets waiting for the program's next reference (page words: anon virtual page v >= 0,
   * file page fp as -1 - fp; with the program time of the reset). */
  private readonly resets = new PageRing();
  /** Due references to pages that are missing, waiting for the time budget (in order). */
  private readonly faults = new PageRing();
  /** Virtual pages still to sweep after entering the window: [sweepFrom, sweepTo). */
  private sweepFrom = 0;
  private sweepTo = 0;

  constructor(os: GuestOs, pid: number) {
    this.os = os;
    this.pid = pid;
  }

  /** R: every working-set page is referenced at least once in this much program time. */
  get rereferenceMs(): number {
    return Math.max(MIN_REREFERENCE_MS, ((this.hi - this.lo + this.filePages) * 1000) / REAL_PAGE_REFERENCES_PER_SEC);
  }

  /** References waiting: resets not yet due, and due faults not yet served. */
  get pending(): number {
    return this.resets.size + this.faults.size;
  }

  get heapBytes(): number {
    return this.resets.heapBytes + this.faults.heapBytes;
  }

  /** Sets the window; pages that enter it are swept (the program starts referencing them). */
  follow(lo: number, hi: number, filePages: number): void {
    const enterFrom = lo < this.lo || lo >= this.hi ? lo : Math.max(lo, this.hi);
    if (enterFrom < hi) {
      this.sweepFrom = this.sweepFrom < this.sweepTo ? Math.min(this.sweepFrom, enterFrom) : enterFrom;
      this.sweepTo = Math.max(this.sweepTo, hi);
    }
    this.lo = lo;
    this.hi = hi;
    this.filePages = filePages;
  }

  /** True if virtual page v of the process is in the window. */
  inWindow(v: number): boolean {
    return v >= this.lo && v < this.hi;
  }

  referenceReset(gpfn: number): void {
    const word = this.wordOf(gpfn);
    if (word !== null) this.resets.push(word, this.clockMs);
  }

  volatile(gpfn: number): boolean {
    if (!this.writes) return false;
    const word = this.wordOf(gpfn);
    return word !== null && (word < 0 || word >= this.os.identicalPages);
  }

  /** The working-set page that gpfn holds, as a page word; null if it holds none. */
  private wordOf(gpfn: number): number | null {
    const mem = this.os.mem;
    const kind = mem.kind(gpfn);
    const rmap = mem.rmap[gpfn];
    if (kind === PageKind.Anon) {
      const v = anonRmapVpage(rmap);
      return anonRmapPid(rmap) === this.pid && this.inWindow(v) ? v : null;
    }
    if (kind === PageKind.Cache) return rmap < this.filePages ? -1 - rmap : null;
    return null;
  }

  /** The guest page a working-set page word maps now, or -1 (missing, or out of the window). */
  private residentPage(p: Process, word: number): number {
    if (word >= 0) return this.inWindow(word) && word < p.pte.length ? p.pte[word] : -1;
    const fp = -1 - word;
    return fp < this.filePages && fp < this.os.fileMap.length ? this.os.fileMap[fp] : -1;
  }

  /** Runs the program's real references that are due: the program time is advanced by runMs;
   * references to pages in memory are made at once (they cost no exit); references to missing
   * pages, then the sweep of pages that entered the window, while the time budget lasts.
   * `limit` bounds the virtual pages touchable now (the populated part of the footprint). */
  rereference(runMs: number, budgetUs: number, usedUs: () => number, limit: number): void {
    const os = this.os;
    const p = os.processes[this.pid];
    if (!p || !p.alive) return;
    this.clockMs += runMs;
    const r = this.rereferenceMs;
    const ept = os.eptEntries;
    while (this.resets.size > 0 && this.clockMs - this.resets.headTime() >= r) {
      const word = this.resets.shift();
      const g = this.residentPage(p, word);
      if (g >= 0 && ept[g] >= 0) this.touch(p, word, limit);
      else if (this.isWorkingSetWord(word, limit)) this.faults.push(word, this.clockMs);
    }
    while (this.faults.size > 0 && usedUs() < budgetUs && !os.blocked && p.alive) {
      const word = this.faults.shift();
      if (this.isWorkingSetWord(word, limit) && this.touch(p, word, limit)) this.faultedBack++;
    }
    const end = Math.min(this.sweepTo, limit);
    while (this.sweepFrom < end && usedUs() < budgetUs && !os.blocked && p.alive) {
      const v = this.sweepFrom++;
      if (this.inWindow(v)) this.touch(p, v, limit);
    }
  }

  private isWorkingSetWord(word: number, limit: number): boolean {
    return word >= 0 ? this.inWindow(word) && word < limit : -1 - word < this.filePages && -1 - word < this.os.fileMap.length;
  }

  /** One real reference (a read) by the program. Returns whether it was made. */
  private touch(p: Process, word: number, limit: number): boolean {
    if (!this.isWorkingSetWord(word, limit)) return false;
    return word >= 0 ? this.os.touch(p, word, false, word < this.os.identicalPages) : this.os.touchFile(-1 - word, false);
  }
}
