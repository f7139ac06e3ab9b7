// Placement of the lines' end labels along one axis: each label wants to sit at its line's
// last value (y, px); labels closer than the minimum spacing are pushed apart, as little as
// possible (least squares), keeping their order (ties in input order) and staying within the
// bounds. Labels that collide with none are not moved. Pure.
//
// Method: sort by wanted position; then "label k sits at least k·gap below the first" turns
// into "y_k − k·gap never decreases", an isotonic regression solved exactly by pooling
// adjacent violators (each pool = a run of touching labels, centred on its wanted positions),
// and clamping the pools to the bounds. If the labels cannot all fit at the minimum spacing,
// they are spread evenly over the bounds instead.

interface Pool {
  /** Sum of the shifted wanted positions (y − k·gap) of its labels. */
  sum: number;
  count: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const mean = (p: Pool): number => p.sum / p.count;

/**
 * Label positions, in the order of `wantedPx`: at least `minSpacingPx` apart (or evenly over the
 * bounds when they do not fit), within `[loPx, hiPx]`, in the order of their wanted positions.
 */
export function dodgeLabels(wantedPx: readonly number[], minSpacingPx: number, [loPx, hiPx]: readonly [number, number]): number[] {
  const n = wantedPx.length;
  const wanted = wantedPx.map((y) => clamp(y, loPx, hiPx));
  const order = wanted.map((_, i) => i).sort((a, b) => wantedPx[a] - wantedPx[b] || a - b);
  const gap = n > 1 ? Math.min(minSpacingPx, (hiPx - loPx) / (n - 1)) : 0;
  const pools: Pool[] = [];
  order.forEach((i, k) => {
    let pool: Pool = { sum: wanted[i] - k * gap, count: 1 };
    while (pools.length > 0 && mean(pools[pools.length - 1]) > mean(pool)) {
      const before = pools.pop()!;
      pool = { sum: before.sum + pool.sum, count: before.count + pool.count };
    }
    pools.push(pool);
  });
  const placed = new Array<number>(n);
  let k = 0;
  for (const pool of pools) {
    const start = clamp(mean(pool), loPx, hiPx - (n - 1) * gap);
    for (let j = 0; j < pool.count; j++, k++) placed[order[k]] = start + k * gap;
  }
  return placed;
}
