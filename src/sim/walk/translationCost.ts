// The expected time a memory access spends on address translation, for a workload and a
// machine (paging levels, page sizes, TLB, page walk cache, nested TLB). Pure; the units are
// in the names. The model, term by term (docs/two-dimensional-walk.md, "What translation costs"):
//  - the program visits pages of its working set (and, now and then, of its footprint) at
//    random, making ACCESSES_PER_PAGE_VISIT accesses per visit; only the first can miss the TLB,
//    which misses when the visited page is outside its reach (entries x the smaller of the guest
//    and host page sizes: the combined translation is cached at the smaller size);
//  - a TLB miss walks (n+1)(m+1)-1 entries (walkPlan.ts); every entry not answered by a walk
//    cache is one memory reference of MEMORY_REFERENCE_NS;
//  - the page walk cache answers upper-level entries and the nested TLB whole nested walks, with
//    the hit rates of sharedCacheHits.ts for the keys the working set spreads over.
// With the simulator's defaults (64-entry TLB, 32-entry page walk cache, 16-entry nested TLB) and
// a memory-intensive workload (a working set of hundreds of MiB or more), the page walk cache
// speeds accesses up by 15-38% and the nested TLB by 3-7% more, as Bhargava et al. (ASPLOS 2008)
// measured (reference §5.1); the tests check that.
import { COLD_TOUCH_FRACTION } from '../guest/touchMix.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { leafLevelOf, PAGE_SIZES, pageSizeBytes } from './pageSizes.ts';
import { sharedCacheHitRates, type KeyClass } from './sharedCacheHits.ts';
import { NESTED_TLB_ENTRIES, PAGE_WALK_CACHE_ENTRIES } from './WalkCaches.ts';
import { plannedWalk, type WalkSettings } from './walkPlan.ts';

/** One memory reference that misses the on-chip caches: "DRAM access ~100 ns" (reference §6.3;
 * an assumption in its range). The data access of a memory-intensive workload costs the same. */
export const MEMORY_REFERENCE_NS = 100;
/** Accesses a program makes to a page per visit (assumption: it uses every 64-byte line of a
 * 4 KiB page it visits, as a streaming, memory-intensive program does). */
export const ACCESSES_PER_PAGE_VISIT = 64;

export interface TranslationCostInput {
  /** Memory the workload touches continuously, and all it has touched (WorkloadConfig). */
  workingSetMiB: number;
  footprintMiB: number;
  /** Combined TLB entries (HostConfig.tlbEntries; 0 = no TLB). */
  tlbEntries: number;
  /** Levels, page sizes and walk caches (its `tlb` flag is ignored: tlbEntries decides). */
  machine: WalkSettings;
  /** Defaults to ACCESSES_PER_PAGE_VISIT. */
  accessesPerPageVisit?: number;
}

export interface TranslationCost {
  tlbMissesPerAccess: number;
  /** Memory references of one walk on average, after the walk caches. */
  referencesPerWalk: number;
  translationNsPerAccess: number;
  dataNsPerAccess: number;
  /** (data + translation) / data: how much translation stretches an access (>= 1). */
  slowdown: number;
}

const MIB_BYTES = 1 << 20;
/** Bytes of address space one entry at `level` covers (4 KiB at level 1, 2 MiB at 2, ...). */
const coverageBytes = (level: number): number => PAGE_SIZE_BYTES * 512 ** (level - 1);
const GUEST_TABLE_LEVEL: Record<string, number> = { 'guest PT': 1, 'guest PD': 2, 'guest PDPT': 3, 'guest PML4': 4, 'guest PML5': 5 };
const keysOver = (spanBytes: number, unitBytes: number): number => Math.max(1, Math.ceil(spanBytes / unitBytes));

function tlbMissRate(input: TranslationCostInput): number {
  const { machine, tlbEntries } = input;
  // With no TLB at all every access walks.
  if (tlbEntries <= 0) return 1;
  const entryBytes = pageSizeBytes(PAGE_SIZES[Math.min(leafLevelOf(machine.guestPageSize), leafLevelOf(machine.hostPageSize)) - 1]);
  const reachBytes = tlbEntries * entryBytes;
  const missOver = (spanMiB: number) => (spanMiB <= 0 ? 0 : Math.max(0, 1 - reachBytes / (spanMiB * MIB_BYTES)));
  const perVisit = (1 - COLD_TOUCH_FRACTION) * missOver(input.workingSetMiB) + COLD_TOUCH_FRACTION * missOver(input.footprintMiB);
  return perVisit / (input.accessesPerPageVisit ?? ACCESSES_PER_PAGE_VISIT);
}

/** Guest-physical pages a nested walk translates: the guest's table pages at that level that
 * the working set spans, or its data pages ('data'). */
function translatedPages(nestedWalkFor: string, workingSetBytes: number): number {
  if (nestedWalkFor === 'data') return keysOver(workingSetBytes, PAGE_SIZE_BYTES);
  // A guest table at level L maps 512^L pages: as much address space as one entry a level up.
  return keysOver(workingSetBytes, coverageBytes(GUEST_TABLE_LEVEL[nestedWalkFor] + 1));
}

/** Expected memory references of one walk after the page walk cache and nested TLB. */
function referencesPerWalk(input: TranslationCostInput): number {
  const { machine } = input;
  const workingSetBytes = Math.max(input.workingSetMiB, 1 / 256) * MIB_BYTES;
  const guestPhysicalBytes = Math.max(input.footprintMiB, input.workingSetMiB, 1 / 256) * MIB_BYTES;
  const steps = plannedWalk(machine, false);
  const nestedFor = [...new Set(steps.filter((s) => s.nestedWalkFor).map((s) => s.nestedWalkFor!))];
  const ntlbClasses: KeyClass[] = nestedFor.map((x) => ({ distinctKeys: translatedPages(x, workingSetBytes) }));
  const ntlbHits = machine.nestedTlb ? sharedCacheHitRates(ntlbClasses, NESTED_TLB_ENTRIES) : ntlbClasses.map(() => 0);
  const ntlbHitOf = (x: string) => ntlbHits[nestedFor.indexOf(x)];
  const guestLeaf = leafLevelOf(machine.guestPageSize);
  const hostLeaf = leafLevelOf(machine.hostPageSize);
  const upper = steps.filter((s) => s.level > (s.dimension === 'guest' ? guestLeaf : hostLeaf));
  const pwcClasses: KeyClass[] = upper.map((s) => ({
    distinctKeys:
      s.dimension === 'guest'
        ? keysOver(workingSetBytes, coverageBytes(s.level))
        : Math.min(translatedPages(s.nestedWalkFor!, workingSetBytes), keysOver(guestPhysicalBytes, coverageBytes(s.level))),
  }));
  const pwcHits = machine.pageWalkCache ? sharedCacheHitRates(pwcClasses, PAGE_WALK_CACHE_ENTRIES) : pwcClasses.map(() => 0);
  return steps.reduce((sum, s) => {
    const notNested = s.nestedWalkFor ? 1 - ntlbHitOf(s.nestedWalkFor) : 1;
    const u = upper.indexOf(s);
    return sum + notNested * (u >= 0 ? 1 - pwcHits[u] : 1);
  }, 0);
}

/** The expected translation time per memory access of a workload on a machine. */
export function translationCost(input: TranslationCostInput): TranslationCost {
  const tlbMissesPerAccess = tlbMissRate(input);
  const refs = referencesPerWalk(input);
  const translationNsPerAccess = tlbMissesPerAccess * refs * MEMORY_REFERENCE_NS;
  const dataNsPerAccess = MEMORY_REFERENCE_NS;
  return {
    tlbMissesPerAccess,
    referencesPerWalk: refs,
    translationNsPerAccess,
    dataNsPerAccess,
    slowdown: (dataNsPerAccess + translationNsPerAccess) / dataNsPerAccess,
  };
}

/** How much faster accesses get with `better` than with `base`: time(base) / time(better) - 1. */
export const speedup = (base: TranslationCost, better: TranslationCost): number => base.slowdown / better.slowdown - 1;
