// Share-based allocation with the idle memory tax (Waldspurger, OSDI 2002, §5; reference §1.5).
// Min-funding revocation takes memory from the VM paying the lowest price per page,
//   rho = S / (P * (f + k * (1 - f))),  k = 1 / (1 - tau),
// so at equilibrium every unclamped VM has the same rho. With active pages A = f * P the
// denominator is the "taxed page count" k*P - (k-1)*A, and for a given price level x = 1/rho
//   P(x) = (S*x + (k-1)*A) / k        when S*x > A (the VM has idle pages), and
//   P(x) = S*x                        when S*x <= A (working set >= allocation: f = 1).
// Clamped to [min, max], the sum over VMs is piecewise linear and increasing in x; the solver
// finds the x whose sum equals the memory to hand out ("water-filling"). Without clamps this is
// the closed form P_i = (S_i/sum S) * (M - ((k-1)/k) * sum A) + ((k-1)/k) * A_i.

/** One VM as the allocator sees it; all sizes in 4 KiB pages. */
export interface ShareClient {
  shares: number;
  /** Estimated active pages (from idle sampling). */
  activePages: number;
  minPages: number;
  maxPages: number;
}

/** Idle page cost multiplier k = 1 / (1 - tau) (W02 §5.2); tau = 0.75 gives k = 4. */
export function idleCost(taxRate: number): number {
  if (taxRate < 0 || taxRate >= 1) throw new RangeError(`idle tax rate ${taxRate} must be in [0, 1)`);
  return 1 / (1 - taxRate);
}

/** The VM's allocation at price level x = 1/rho, before clamping. */
function unclampedPages(c: ShareClient, k: number, x: number): number {
  const proportional = c.shares * x;
  const active = Math.min(c.activePages, c.maxPages);
  return Math.min(proportional, (proportional + (k - 1) * active) / k);
}

/** Inverse of unclampedPages: the price level at which the VM's allocation reaches `pages`. */
function priceLevelFor(c: ShareClient, k: number, pages: number): number {
  const active = Math.min(c.activePages, c.maxPages);
  return pages <= active ? pages / c.shares : (k * pages - (k - 1) * active) / c.shares;
}

function clampedPages(c: ShareClient, k: number, x: number): number {
  const lo = Math.min(c.minPages, c.maxPages);
  return Math.min(c.maxPages, Math.max(lo, unclampedPages(c, k, x)));
}

/**
 * Target allocations (pages, fractional) that hand out `totalPages` among the clients by
 * min-funding revocation with idle tax rate `taxRate` (0 <= tau < 1), honouring each min and max.
 * When even the minimums do not fit, everyone gets the minimum; when all maximums fit, the maximum.
 */
export function allocateByShares(clients: readonly ShareClient[], totalPages: number, taxRate: number): number[] {
  const k = idleCost(taxRate);
  const total = (x: number): number => clients.reduce((s, c) => s + clampedPages(c, k, x), 0);
  const breakpoints: number[] = [0];
  for (const c of clients) {
    if (c.shares <= 0) continue;
    const active = Math.min(c.activePages, c.maxPages);
    breakpoints.push(active / c.shares, priceLevelFor(c, k, Math.min(c.minPages, c.maxPages)), priceLevelFor(c, k, c.maxPages));
  }
  breakpoints.sort((a, b) => a - b);
  let lo = breakpoints[0];
  let loSum = total(lo);
  if (loSum >= totalPages) return clients.map((c) => clampedPages(c, k, lo));
  for (const hi of breakpoints) {
    const hiSum = total(hi);
    if (hiSum >= totalPages) {
      // The sum is linear between two breakpoints: interpolate the exact price level.
      const x = hiSum === loSum ? hi : lo + ((totalPages - loSum) * (hi - lo)) / (hiSum - loSum);
      return clients.map((c) => clampedPages(c, k, x));
    }
    lo = hi;
    loSum = hiSum;
  }
  return clients.map((c) => clampedPages(c, k, lo));
}
