// What each walk toggle changes, as numbers for its label: the walk's references with the
// toggle off and on, everything else as it is now. Cache toggles change a repeated walk (the
// same page again, caches warm); page sizes and 5-level paging count the walk shown: the
// repeated one when any cache is on, else the cold one. Pure.
import { PAGE_SIZES, type PageSize } from '../../sim/walk/pageSizes.ts';
import { plannedReferences, type WalkSettings } from '../../sim/walk/walkPlan.ts';

export type CountsFor = (s: WalkSettings) => { cold: number; repeated: number };

export type CacheToggle = 'tlb' | 'pageWalkCache' | 'nestedTlb';
export const CACHE_TOGGLES: readonly { key: CacheToggle; label: string }[] = [
  { key: 'tlb', label: 'TLB' },
  { key: 'pageWalkCache', label: 'Page walk cache' },
  { key: 'nestedTlb', label: 'Nested TLB' },
];

export interface ToggleChange {
  off: number;
  on: number;
}

export function cacheToggleChange(s: WalkSettings, key: CacheToggle, countsFor: CountsFor = plannedReferences): ToggleChange {
  return { off: countsFor({ ...s, [key]: false }).repeated, on: countsFor({ ...s, [key]: true }).repeated };
}

/** Whether the walk shown for these settings is the repeated one (some cache is on). */
export const showsRepeatedWalk = (s: WalkSettings): boolean => s.tlb || s.pageWalkCache || s.nestedTlb;

/** References of the walk shown for these settings. */
export function shownCount(s: WalkSettings, countsFor: CountsFor = plannedReferences): number {
  const counts = countsFor(s);
  return showsRepeatedWalk(s) ? counts.repeated : counts.cold;
}

export function fiveLevelChange(s: WalkSettings, countsFor: CountsFor = plannedReferences): ToggleChange {
  return {
    off: shownCount({ ...s, guestLevels: 4, eptLevels: 4 }, countsFor),
    on: shownCount({ ...s, guestLevels: 5, eptLevels: 5 }, countsFor),
  };
}

/** References of the walk shown with each page size in one dimension. */
export function pageSizeCounts(
  s: WalkSettings,
  dimension: 'guestPageSize' | 'hostPageSize',
  countsFor: CountsFor = plannedReferences,
): { size: PageSize; references: number }[] {
  return PAGE_SIZES.map((size) => ({ size, references: shownCount({ ...s, [dimension]: size }, countsFor) }));
}
