// The page-walk module's public API: two-dimensional and EPT-only walks, the caches a caller
// may keep per simulation, the walk's result types, the reference-count formula, the planned
// walk of the reference (for toggles and tests) and the translation-cost model.
export { translate, translateGuestPhysical, type TranslateOptions } from './translate.ts';
export { WalkCaches, PAGE_WALK_CACHE_ENTRIES, NESTED_TLB_ENTRIES, type WalkCacheSizes } from './WalkCaches.ts';
export { twoDimensionalReferenceCount } from './addressBits.ts';
export { PAGE_SIZES, leafLevelOf, pageSizeBytes } from './pageSizes.ts';
export {
  plannedWalk,
  plannedReferences,
  coldReferenceCount,
  DEFAULT_WALK_SETTINGS,
  type WalkSettings,
  type PlannedStep,
} from './walkPlan.ts';
export {
  translationCost,
  speedup,
  MEMORY_REFERENCE_NS,
  ACCESSES_PER_PAGE_VISIT,
  type TranslationCost,
  type TranslationCostInput,
} from './translationCost.ts';
export type * from './walkTypes.ts';
export { exploreWalk, gapOf, type WalkExploration, type WalkCount, type WalkGap, type WalkProcess } from './exploreWalk.ts';
export { resolvePick } from './resolvePick.ts';
export * from './walkTarget.ts';
