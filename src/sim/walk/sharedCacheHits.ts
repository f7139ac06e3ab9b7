// Steady-state hit rates of one small translation cache (page walk cache, nested TLB) shared by
// several classes of keys, for the translation-cost model. Each class is referenced once per
// walk and spreads uniformly over `distinctKeys` keys, so a key of a small class is reused far
// more often than one of a large class. The approximation: the cache keeps the most reused keys
// first (smallest classes first), and a class that gets k of its D keys hits with k / D. LRU
// comes close to this when the small classes are referenced on every walk.

export interface KeyClass {
  /** Distinct keys the class's references spread over (>= 1). */
  distinctKeys: number;
}

/** Hit rate of each class, in the given order, for a cache of `entries` entries. */
export function sharedCacheHitRates(classes: readonly KeyClass[], entries: number): number[] {
  const order = classes.map((_c, i) => i).sort((a, b) => classes[a].distinctKeys - classes[b].distinctKeys || a - b);
  const hits = new Array<number>(classes.length).fill(0);
  let free = entries;
  for (const i of order) {
    const keys = Math.max(1, classes[i].distinctKeys);
    const kept = Math.min(keys, free);
    hits[i] = kept / keys;
    free -= kept;
  }
  return hits;
}
