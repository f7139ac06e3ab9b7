// A small least-recently-used map, the replacement policy of the walk caches (TLB, page walk
// cache, nested TLB). A Map keeps insertion order, so re-inserting on use makes its first key
// the least recently used one. Capacity 0 is a cache that is switched off.
export class LruCache<K, V> {
  readonly capacity: number;
  private readonly map = new Map<K, V>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The value for key, marking it most recently used; undefined on a miss. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Inserts or replaces key as most recently used, evicting the least recently used if full. */
  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
