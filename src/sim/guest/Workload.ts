// What a guest runs: one application process whose page touches drive the guest's memory.
// Each tick the workload has dtMs of CPU time; a touch costs 1/accessesPerSec s of work on the
// reference machine, stretched by what address translation costs on this VM's machine
// (walk/machineTranslation.ts: TLB reach, walk references, walk caches, page sizes), plus
// whatever stall the memory system adds (faults, swap-ins, EPT violations), so a VM whose pages
// are slow to reach does less work: performance = touches done / touches the program makes on
// the reference machine unimpeded (1 there; above 1 on a machine that translates faster).
// The footprint is first populated (the program loads and initialises its data), then touches
// fall in the kind's working-set window, with a small share anywhere in the footprint. The
// touches are a sample; the working set itself (workingSet.ts) is the truth every observer of
// use sees: its pages are referenced again within the re-reference time whatever the touch rate.
// The first identicalPercent of the footprint is code and read-only data: same content in
// every VM running this kind, and never written. Its size is the program's, fixed when the
// workload starts; the footprint and the file data are live: each tick the workload follows
// its config, growing or cutting the mapping and the files at their ends (liveResize.ts).
import type { Rng } from '../rng.ts';
import type { WorkloadConfig } from '../scenario/types.ts';
import { WORKLOAD_KINDS } from '../scenario/params.ts';
import { mibToPages, pagesToMib } from '../units.ts';
import { relativeSlowdown, type TranslationMachine } from '../walk/machineTranslation.ts';
import type { GuestOs } from './GuestOs.ts';
import { resizeFiles, resizeMapping } from './liveResize.ts';
import { COLD_TOUCH_FRACTION, FILE_TOUCH_FRACTION } from './touchMix.ts';
import type { Process } from './Process.ts';
import { WorkingSet } from './workingSet.ts';

/** How fast a program populates its footprint at start (pages/s; 512 MiB/s, assumption). */
export const POPULATE_PAGES_PER_SEC = mibToPages(512);
const COLD_THRESHOLD = Math.round(COLD_TOUCH_FRACTION * 1024);
const FILE_THRESHOLD = Math.round(FILE_TOUCH_FRACTION * 1024);
/** Delay before a service manager restarts a process the OOM killer killed. */
export const RESTART_DELAY_MS = 5000;
export const APP_PID = 1;

export class Workload {
  readonly config: WorkloadConfig;
  /** The footprint as the process maps it now (follows config.footprintMiB each tick). */
  footprintPages: number;
  readonly identicalPages: number;
  readonly contentClass: number;
  /** writePercent as a threshold on 10 random bits. */
  private readonly writeThreshold: number;
  process: Process;
  /** The truth behind the touches: the working set and its real references. */
  readonly workingSet: WorkingSet;
  /** Work done in the last tick as a share of the reference machine's (1 = unimpeded there). */
  performance = 1;
  /** How much translation stretches an access on this VM's machine, relative to the reference
   * machine, for the working set as it is now (recomputed when its size in MiB changes). */
  translationSlowdown = 1;
  /** Touches demanded and done in the last tick (0 demanded while the process is dead counts
   * as a full tick of lost work). */
  lastDemanded = 0;
  lastDone = 0;
  /** Pages populated so far (hog: grown so far). */
  populated = 0;
  restarts = 0;
  private readonly os: GuestOs;
  private readonly rng: Rng;
  private readonly machine: TranslationMachine;
  private slowdownForMiB: [number, number] = [-1, -1];
  private clockMs = 0;
  private deadUntilMs = 0;
  private touchCredit = 0;
  private populateCredit = 0;

  constructor(config: WorkloadConfig, os: GuestOs, rng: Rng, machine: TranslationMachine) {
    this.config = config;
    this.os = os;
    this.rng = rng;
    this.machine = machine;
    this.footprintPages = mibToPages(config.footprintMiB);
    this.writeThreshold = Math.round((config.writePercent / 100) * 1024);
    this.identicalPages = Math.floor((this.footprintPages * config.identicalPercent) / 100);
    this.contentClass = 100 + WORKLOAD_KINDS.indexOf(config.kind);
    os.contentClass = this.contentClass;
    os.identicalPages = this.identicalPages;
    if (config.kind === 'filecache') os.setFiles(mibToPages(config.fileMiB));
    this.process = os.spawn(APP_PID, config.kind, Math.max(1, this.footprintPages));
    this.workingSet = new WorkingSet(os, APP_PID);
    os.truth = this.workingSet;
  }

  /** File pages the working set re-reads (file-cache workloads). */
  private fileWindow(): number {
    return this.config.kind === 'filecache' ? Math.min(this.os.fileMap.length, mibToPages(this.config.activeMiB)) : 0;
  }

  /** The working-set window [lo, hi) of virtual pages at the current time. */
  window(): [number, number] {
    const c = this.config;
    const active = Math.min(mibToPages(c.activeMiB), this.footprintPages);
    const t = this.clockMs / 1000;
    switch (c.kind) {
      case 'ramp': {
        const f = Math.min(1, t / c.periodSeconds);
        return [0, Math.round(active + (this.footprintPages - active) * f)];
      }
      case 'phased':
        return Math.floor(t / c.periodSeconds) % 2 === 0 ? [0, active] : [this.footprintPages - active, this.footprintPages];
      case 'hog':
        return [0, this.populated];
      default:
        return [0, active];
    }
  }

  step(dtMs: number): void {
    this.clockMs += dtMs;
    this.followSize();
    const os = this.os;
    const c = this.config;
    if (!this.process.alive) {
      if (this.deadUntilMs === 0) this.deadUntilMs = this.clockMs + RESTART_DELAY_MS;
      this.performance = 0;
      this.lastDemanded = Math.max(1, (c.accessesPerSec * dtMs) / 1000);
      this.lastDone = 0;
      if (this.clockMs < this.deadUntilMs) return;
      this.process = os.spawn(APP_PID, c.kind, Math.max(1, this.footprintPages));
      this.populated = 0;
      this.deadUntilMs = 0;
      this.restarts++;
    }
    os.stallUs = 0;
    os.blocked = false;
    const budgetUs = dtMs * 1000;
    const [wsLo, wsHi] = this.window();
    const slowdown = this.slowdownFor(wsHi - wsLo + this.fileWindow());
    const workUs = c.accessesPerSec > 0 ? (1e6 / c.accessesPerSec) * slowdown : 0;
    // The time a tick's work costs is summed in one place: the stalls of every access
    // (faults, swap-ins, EPT violations, copy-on-write breaks, accumulated by the guest OS in
    // stallUs) plus the work of the sampled touches done so far.
    let done = 0;
    const usedUs = (): number => os.stallUs + done * workUs;
    // Populate (or grow) the footprint first.
    const rate = c.kind === 'hog' ? mibToPages(c.growMiBPerSec) : POPULATE_PAGES_PER_SEC;
    this.populateCredit += (rate * dtMs) / 1000;
    while (this.populated < this.footprintPages && this.populateCredit >= 1 && usedUs() < budgetUs) {
      const v = this.populated;
      // Initialisation writes some pages; the rest are read first and stay zero pages until written.
      const write = v >= this.identicalPages && this.rng.nextFloat() * 100 < c.writePercent;
      if (!os.touch(this.process, v, write, v < this.identicalPages)) break;
      this.populated++;
      this.populateCredit--;
    }
    if (this.populated >= this.footprintPages) this.populateCredit = 0;
    os.touchUpperTables(this.process);
    const [lo, hi] = this.window();
    const limit = Math.min(this.populated, this.footprintPages);
    // The working set's real references that are due (workingSet.ts; a program with no
    // accesses at all references nothing), then the sampled touches, as many as the remaining
    // time allows.
    const ws = this.workingSet;
    ws.writes = c.writePercent > 0;
    ws.follow(lo, hi, this.fileWindow());
    if (c.accessesPerSec > 0) ws.rereference(dtMs, budgetUs, usedUs, limit);
    // The touches this machine can make in the tick, and the reference machine's demand.
    this.touchCredit += (c.accessesPerSec * dtMs) / 1000 / slowdown;
    const possible = Math.floor(this.touchCredit);
    this.touchCredit -= possible;
    const demanded = possible * slowdown;
    while (done < possible && usedUs() < budgetUs && !os.blocked && this.process.alive) {
      this.touchOnce(lo, hi);
      done++;
    }
    this.performance = demanded > 0 ? done / demanded : os.blocked || !this.process.alive ? 0 : 1;
    this.lastDemanded = demanded;
    this.lastDone = done;
  }

  /** The translation slowdown for a working set of windowPages (and the footprint), computed
   * again only when either changes by a whole MiB. */
  private slowdownFor(windowPages: number): number {
    const wsMiB = Math.round(pagesToMib(windowPages));
    const footprintMiB = Math.round(pagesToMib(this.footprintPages));
    const [w, f] = this.slowdownForMiB;
    if (wsMiB !== w || footprintMiB !== f) {
      this.slowdownForMiB = [wsMiB, footprintMiB];
      this.translationSlowdown = relativeSlowdown(this.machine, wsMiB, footprintMiB);
    }
    return this.translationSlowdown;
  }

  /** Applies a live change of footprintMiB or fileMiB: the mapping and the files are cut or
   * extended at their end; a grown footprint is populated again from where it stands. */
  private followSize(): void {
    const c = this.config;
    const pages = mibToPages(c.footprintMiB);
    if (pages !== this.footprintPages) {
      this.footprintPages = pages;
      this.populated = Math.min(this.populated, pages);
      // A dead process has nothing mapped; its restart maps the new size.
      if (this.process.alive) resizeMapping(this.os, this.process, Math.max(1, pages));
    }
    if (c.kind === 'filecache' && mibToPages(c.fileMiB) !== this.os.fileMap.length) resizeFiles(this.os, mibToPages(c.fileMiB));
  }

  private touchOnce(lo: number, hi: number): void {
    const rng = this.rng;
    const os = this.os;
    // One 32-bit draw decides the kind of touch: bits 0-9 write or read, bits 10-19 file or heap,
    // bits 20-29 hot window or anywhere (1/1024 resolution); a second draw picks the page.
    const r = rng.nextUint32();
    const write = (r & 1023) < this.writeThreshold;
    const cold = ((r >>> 20) & 1023) < COLD_THRESHOLD;
    if (this.config.kind === 'filecache' && os.fileMap.length > 0 && ((r >>> 10) & 1023) < FILE_THRESHOLD) {
      const fileActive = this.fileWindow();
      os.touchFile(rng.nextInt(cold || fileActive === 0 ? os.fileMap.length : fileActive), write);
      return;
    }
    const limit = Math.min(this.populated, this.footprintPages);
    if (limit === 0) return;
    let v = hi > lo && !cold ? lo + rng.nextInt(hi - lo) : rng.nextInt(limit);
    if (v >= limit) v = rng.nextInt(limit);
    os.touch(this.process, v, write && v >= this.identicalPages, v < this.identicalPages);
  }
}
