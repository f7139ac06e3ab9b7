// Deep copy of a simulation's object graph, for keyframes (step back, scrubbing) and for
// comparing runs. Shared references stay shared in the copy, class instances keep their
// prototypes, typed arrays are copied. The model keeps no closures in its state, so a function
// found in the graph is a bug and throws.

export function deepClone<T>(root: T): T {
  const memo = new Map<object, unknown>();
  const clone = (v: unknown): unknown => {
    if (typeof v === 'function') throw new TypeError(`cannot clone a function (${v.name || 'anonymous'}) in simulation state`);
    if (typeof v !== 'object' || v === null) return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (ArrayBuffer.isView(v)) {
      const copy = (v as unknown as { slice(): unknown }).slice();
      memo.set(v, copy);
      return copy;
    }
    if (Array.isArray(v)) {
      const copy: unknown[] = [];
      memo.set(v, copy);
      for (const x of v) copy.push(clone(x));
      return copy;
    }
    if (v instanceof Map) {
      const copy = new Map();
      memo.set(v, copy);
      for (const [k, x] of v) copy.set(clone(k), clone(x));
      return copy;
    }
    if (v instanceof RegExp) return v;
    const copy = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    memo.set(v, copy);
    for (const key of Object.keys(v)) copy[key] = clone((v as Record<string, unknown>)[key]);
    return copy;
  };
  return clone(root) as T;
}
