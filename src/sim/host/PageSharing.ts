// Content-based page sharing (ESX transparent page sharing, W02 §4; Linux KSM): a scanner
// hashes guest pages at a fixed rate and looks the hash up. A hash match is only a candidate:
// the full contents are compared (the exact identities of guest/pageContent.ts), and a page
// merges only into a frame holding exactly its bytes; a match whose contents differ is counted
// and rejected. A page matching a shared frame is remapped to it read-only and its own frame
// freed; a match with an earlier unshared page (a "hint", ESX's hint frames / KSM's unstable
// tree) is rehashed (a changed hash means a stale hint), compared, and both become one shared
// frame. A later write takes a copy-on-write fault (Hypervisor.breakCow). Pages whose content
// keeps changing (a written working set: KSM's volatile pages) are skipped. Mode 'zero' merges
// only zero pages; 'all' any identical content across and within VMs. With `salted` (vSphere's
// Mem.ShareForceSalting = 2) the table key includes the VM, so pages merge only within a VM.
import type { PageSharingMode } from '../scenario/types.ts';
import { hash32 } from '../rng.ts';
import { EPT_ACCESSED, EPT_READONLY, EPT_YOUNG, eptFrame } from './Ept.ts';
import { guestPageRef, refGpfn, refVm } from './guestPageRef.ts';
import type { Hypervisor, SharedFrameIndex } from './Hypervisor.ts';

/** Salted table keys are hash * SALT_SLOTS + vm (VM indices fit 5 bits, HostFrames). */
const SALT_SLOTS = 32;
/** The scanner's 31-bit hash of a page's content (0 for the zero page), over the identity's
 * two 32-bit words (identities are integers below 2^53): a lookup key only; distinct contents
 * can share it, which is why a match is compared in full. */
export const contentHash = (identity: number): number =>
  identity === 0 ? 0 : (hash32(Math.floor(identity / 2 ** 32), identity >>> 0) >>> 1) | 1;

export class PageSharing implements SharedFrameIndex {
  readonly mode: PageSharingMode;
  /** Scan rate, pages per simulated second (KSM pages_to_scan x 1000 / sleep_millisecs). */
  pagesPerSec: number;
  /** Whether the scanner runs (KSM `run`); a policy may start and stop it. */
  running = true;
  /** Per-VM salt: only pages of the same VM can share a frame. */
  salted = false;
  /** table key (hash, salted) -> shared frame. */
  private readonly table = new Map<number, number>();
  private readonly keyOfFrame = new Map<number, number>();
  /** Shared frame -> the exact content it holds, for the full compare. */
  private readonly contentOfFrame = new Map<number, number>();
  /** table key -> guestPageRef of a page seen earlier with that hash. */
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
    this.contentOfFrame.delete(frame);
  }

  /** The exact content a shared frame holds (undefined for a frame the table does not know). */
  frameContent(frame: number): number | undefined {
    return this.contentOfFrame.get(frame);
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
    const content = hv.vms[vm].content;
    const id = content.contentIdentity(gpfn);
    if (id < 0 || (this.mode === 'zero' && id !== 0)) return;
    if (content.volatile(gpfn)) {
      hv.stats.volatileScans++;
      return;
    }
    const slot = this.tableKey(id, vm);
    const shared = this.table.get(slot);
    if (shared !== undefined) {
      if (this.contentOfFrame.get(shared) === id) this.mergeInto(vm, gpfn, shared);
      else hv.stats.hashCollisionsRejected++;
      return;
    }
    const hint = this.hints.get(slot);
    this.hints.set(slot, guestPageRef(vm, gpfn));
    if (hint === undefined) return;
    const hVm = refVm(hint);
    const hGpfn = refGpfn(hint);
    if (hVm === vm && hGpfn === gpfn) return;
    const he = hv.vms[hVm].ept.entries[hGpfn];
    // The hinted page is rehashed: a hint is stale if the page has gone or its hash changed.
    if (he < 0 || (he & EPT_READONLY) !== 0) return;
    const hId = hv.vms[hVm].content.contentIdentity(hGpfn);
    if (hId < 0 || this.tableKey(hId, hVm) !== slot) return;
    // Same hash: compare the full contents.
    if (hId !== id) {
      hv.stats.hashCollisionsRejected++;
      return;
    }
    const hFrame = eptFrame(he);
    hv.frames.makeShared(hFrame);
    hv.vms[hVm].ept.writeProtect(hGpfn);
    hv.vms[hVm].ept.sharedMapped++;
    this.table.set(slot, hFrame);
    this.keyOfFrame.set(hFrame, slot);
    this.contentOfFrame.set(hFrame, id);
    this.hints.delete(slot);
    this.mergeInto(vm, gpfn, hFrame);
  }

  private tableKey(id: number, vm: number): number {
    const hash = contentHash(id);
    return this.salted ? hash * SALT_SLOTS + vm : hash;
  }

  private mergeInto(vm: number, gpfn: number, shared: number): void {
    const hv = this.hv;
    const ept = hv.vms[vm].ept;
    const own = eptFrame(ept.entries[gpfn]);
    hv.frames.addRef(shared);
    hv.frames.release(own);
    // Merging is not an access: the page keeps its accessed bits (idle sampling reads them).
    ept.set(gpfn, shared | (ept.entries[gpfn] & (EPT_ACCESSED | EPT_YOUNG)) | EPT_READONLY);
    ept.sharedMapped++;
    hv.stats.pagesMerged++;
  }
}
