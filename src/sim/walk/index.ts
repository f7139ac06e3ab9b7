// The page-walk module's public API: two-dimensional and EPT-only walks, the caches a caller
// may keep per simulation, the walk's result types and the reference-count formula.
export { translate, translateGuestPhysical, type TranslateOptions } from './translate.ts';
export { WalkCaches, PAGE_WALK_CACHE_ENTRIES, NESTED_TLB_ENTRIES, type WalkCacheSizes } from './WalkCaches.ts';
export { twoDimensionalReferenceCount } from './addressBits.ts';
export type * from './walkTypes.ts';
