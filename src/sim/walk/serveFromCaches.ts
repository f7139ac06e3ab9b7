// Marks which steps of a complete (cold) walk one VM's caches would have answered, then fills
// the caches with what the walk read from memory, as the hardware does:
//  - TLB hit: the whole walk is skipped (the combined translation is already known);
//  - nested TLB hit: the EPT walk of one guest-physical page (a guest page-table page, or the
//    data page) is skipped: its guest-physical -> host-physical translation is known;
//  - page walk cache hit: one upper-level entry (guest or EPT) is read from the cache.
// A cached entry that no longer matches the tables is treated as gone: the guest would have
// flushed it (INVLPG) when it changed its page table, and EPT changes flush everything through
// the epoch check in WalkCaches. A write to a read-only (shared) page misses in the TLB because
// its walk ends in an EPT violation, as the hardware's permission check would.
import { PAGE_SIZE_BYTES } from '../units.ts';
import { hex } from './addressBits.ts';
import type { ColdWalk } from './coldWalk.ts';
import type { NestedWalk } from './nestedWalk.ts';
import type { VmWalkCaches } from './WalkCaches.ts';
import type { CacheHit, WalkStep } from './walkTypes.ts';

/** The page or frame an upper-level entry points to, or -1 if the step is not one. */
function upperLevelTarget(step: WalkStep): number {
  if (step.found.kind === 'next-guest-table') return step.found.guestPhysicalPage;
  if (step.found.kind === 'next-ept-table') return step.found.hostFrame;
  return -1;
}

function serveTlb(cold: ColdWalk, caches: VmWalkCaches, tlbKey: string): CacheHit | null {
  const cached = caches.tlb.get(tlbKey);
  if (!cached) return null;
  const data = cold.outcome.kind === 'translated' ? cold.dataWalk : null;
  if (!data || data.guestPhysicalPage !== cached.guestPhysicalPage || data.hostFrame !== cached.hostFrame) {
    caches.tlb.delete(tlbKey);
    return null;
  }
  for (const step of cold.steps) step.servedBy = 'TLB';
  return {
    cache: 'TLB',
    steps: cold.steps.map((s) => s.step),
    description:
      `TLB hit: this guest-virtual page is known to be in host frame at host-physical ` +
      `${hex(cached.hostFrame * PAGE_SIZE_BYTES)}, so all ${cold.steps.length} references of the walk were skipped.`,
  };
}

/** The nested walks a nested TLB may answer: every guest table page's, and the data page's
 * unless the access is a write to a read-only (shared) frame, which the permission check stops. */
function nestedWalksOf(cold: ColdWalk, write: boolean): NestedWalk[] {
  const data = cold.dataWalk && !(write && cold.dataWalk.shared) ? [cold.dataWalk] : [];
  return [...cold.tableWalks, ...data];
}

function serveNestedTlb(cold: ColdWalk, caches: VmWalkCaches, write: boolean, hits: CacheHit[]): void {
  for (const nested of nestedWalksOf(cold, write)) {
    if (nested.hostFrame < 0 || caches.nestedTlb.get(nested.guestPhysicalPage) !== nested.hostFrame) continue;
    const steps = cold.steps.slice(nested.firstStep, nested.firstStep + nested.stepCount);
    for (const step of steps) step.servedBy = 'nested TLB';
    const what = steps[0].nestedWalkFor === 'data' ? 'data page' : `${steps[0].nestedWalkFor} table page`;
    hits.push({
      cache: 'nested TLB',
      steps: steps.map((s) => s.step),
      description:
        `nested TLB hit: the ${what} at guest-physical ` +
        `${hex(nested.guestPhysicalPage * PAGE_SIZE_BYTES)} is at host-physical ${hex(nested.hostFrame * PAGE_SIZE_BYTES)}, ` +
        `so its ${steps.length} EPT references were skipped.`,
    });
  }
}

function servePageWalkCache(cold: ColdWalk, caches: VmWalkCaches, hits: CacheHit[]): void {
  for (const step of cold.steps) {
    const target = upperLevelTarget(step);
    if (step.servedBy !== 'memory' || target < 0 || caches.pageWalkCache.get(step.entryHostPhysicalAddress) !== target) continue;
    step.servedBy = 'page walk cache';
    hits.push({
      cache: 'page walk cache',
      steps: [step.step],
      description: `page walk cache hit: the ${step.table} entry ${step.index} was read from the cache.`,
    });
  }
}

function fill(cold: ColdWalk, caches: VmWalkCaches, tlbKey: string, write: boolean): void {
  if (cold.outcome.kind === 'translated' && cold.dataWalk) {
    caches.tlb.set(tlbKey, { guestPhysicalPage: cold.dataWalk.guestPhysicalPage, hostFrame: cold.dataWalk.hostFrame });
  }
  for (const nested of nestedWalksOf(cold, write)) {
    const read = cold.steps[nested.firstStep].servedBy !== 'nested TLB';
    if (read && nested.hostFrame >= 0) caches.nestedTlb.set(nested.guestPhysicalPage, nested.hostFrame);
  }
  for (const step of cold.steps) {
    const target = upperLevelTarget(step);
    if (step.servedBy === 'memory' && target >= 0) caches.pageWalkCache.set(step.entryHostPhysicalAddress, target);
  }
}

/** Serves what it can of `cold` from the caches (changing steps' servedBy), fills the caches,
 * and returns the hits in step order. tlbKey names the process and guest-virtual page. */
export function serveFromCaches(cold: ColdWalk, caches: VmWalkCaches, tlbKey: string, write: boolean): CacheHit[] {
  const tlbHit = serveTlb(cold, caches, tlbKey);
  if (tlbHit) return [tlbHit];
  const hits: CacheHit[] = [];
  serveNestedTlb(cold, caches, write, hits);
  servePageWalkCache(cold, caches, hits);
  fill(cold, caches, tlbKey, write);
  return hits.sort((a, b) => a.steps[0] - b.steps[0]);
}
