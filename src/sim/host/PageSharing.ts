// Content-based page sharing (ESX transparent page sharing, W02 §4; Linux KSM): a scanner
// hashes guest pages at a fixed rate; a page whose content matches a shared frame is remapped
// to it read-only and its own frame freed; a match with an earlier unshared page (a "hint",
// ESX's hint frames / KSM's unstable tree) is re-checked and both become one shared frame.
// A later write takes a copy-on-write fault (Hypervisor.breakCow). Mode 'zero' merges only
// zero pages; 'all' any identical content across and within VMs. With `salted` (vSphere's
// Mem.ShareForceSalting = 2) the table key includes the VM, so pages merge only within a VM.
import type { PageSharingMode } from '../scenario/types.ts';
import { EPT_ACCESSED, EPT_READONLY, eptFrame } from './Ept.ts';
import type { Hypervisor, SharedFrameIndex } from './Hypervisor.ts';

/** Salted table keys are contentKey * SALT_SLOTS + vm (VM indices fit 5 bits, HostFrames). */
const SALT_SLOTS = 32;

export class PageSharing implements SharedFrameIndex {
  readonly mode: PageSharingMode;
  /** Scan rate, pages per simulated second (KSM pages_to_scan x 1000 / sleep_millisecs). */
  pagesPerSec: number;
  /** Whether the scanner runs (KSM `run`); a policy may start and stop it. */
  running = true;
  /** Per-VM salt: only pages of the same VM can share a frame. */
  salted = false;
  /** content key -> shared frame. */
  private readonly table = new Map<number, number>();
  private readonly keyOfFrame = new Map<number, number>();
  /** content key -> (vm << 24) | gpfn of a page seen earlier with that content. */
  private readonly hints = new Map<number, number>();
  private readonly hv: Hypervisor;
  private cursorVm = 0;
  private cursorGpfn = 0;
  private credit = 0;
  /** Whole passes over all guest memory so far (KSM full_scans). */
  fullScans = 0;

  constructor(hv: Hypervisor, mode: PageSharingMode, pagesPerSec: number) {
    this.hv = hv;
    this.mode = mode;
    this.pagesPerSec = pagesPerSec;
    hv.sharedFrameIndex = this;
  }

  forgetFrame(frame: number): void {
    const key = this.keyOfFrame.get(frame);
    if (key !== undefined) this.table.delete(key);
    this.keyOfFrame.delete(frame);
  }

  get tableSize(): number {
    return this.table.size + this.hints.size;
  }

  /** Scans the pages this tick's budget allows. */
  step(dtMs: number, rateFactor = 1): void {
    if (this.mode === 'off' || !this.running || this.hv.vms.length === 0) return;
    this.credit += (this.pagesPerSec * rateFactor * dtMs) / 1000;
    let budget = Math.floor(this.credit);
    this.credit -= budget;
    while (budget-- > 0) {
      const vms = this.hv.vms;
      if (this.cursorGpfn >= vms[this.cursorVm].ept.pages) {
        this.cursorGpfn = 0;
        this.cursorVm = (this.cursorVm + 1) % vms.length;
        if (this.cursorVm === 0) this.fullScans++;
      }
      this.scanPage(this.cursorVm, this.cursorGpfn++);
    }
  }

  private scanPage(vm: number, gpfn: number): void {
    const hv = this.hv;
    const ept = hv.vms[vm].ept;
    const e = ept.entries[gpfn];
    if (e < 0) return;
    if ((e & EPT_READONLY) !== 0) return;
    const key = hv.vms[vm].content.contentKey(gpfn);
    if (key < 0 || (this.mode === 'zero' && key !== 0)) return;
    const slot = this.salted ? key * SALT_SLOTS + vm : key;
    const shared = this.table.get(slot);
    if (shared !== undefined) {
      this.mergeInto(vm, gpfn, shared);
      return;
    }
    const hint = this.hints.get(slot);
    this.hints.set(slot, (vm << 24) | gpfn);
    if (hint === undefined) return;
    const hVm = hint >>> 24;
    const hGpfn = hint & 0xffffff;
    if (hVm === vm && hGpfn === gpfn) return;
    const he = hv.vms[hVm].ept.entries[hGpfn];
    // A hint is stale if the page has gone or its content changed since it was hashed.
    if (he < 0 || (he & EPT_READONLY) !== 0 || hv.vms[hVm].content.contentKey(hGpfn) !== key) return;
    const hFrame = eptFrame(he);
    hv.frames.makeShared(hFrame);
    hv.vms[hVm].ept.writeProtect(hGpfn);
    hv.vms[hVm].ept.sharedMapped++;
    this.table.set(slot, hFrame);
    this.keyOfFrame.set(hFrame, slot);
    this.hints.delete(slot);
    this.mergeInto(vm, gpfn, hFrame);
  }

  private mergeInto(vm: number, gpfn: number, shared: number): void {
    const hv = this.hv;
    const ept = hv.vms[vm].ept;
    const own = eptFrame(ept.entries[gpfn]);
    hv.frames.addRef(shared);
    hv.frames.release(own);
    // Merging is not an access: the page keeps its accessed bit (idle sampling reads it).
    ept.set(gpfn, shared | (ept.entries[gpfn] & EPT_ACCESSED) | EPT_READONLY);
    ept.sharedMapped++;
    hv.stats.pagesMerged++;
  }
}
