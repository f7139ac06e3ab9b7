// Hyper-V Dynamic Memory's balancing arithmetic as pure functions (reference §4): the target
// a VM's buffer asks for, its pressure, and how host memory is split by memory weight when it
// cannot cover every target. Microsoft does not publish the balancer; the weighted
// water-filling is this model's reading of "weight decides who gets memory when the host is short".

/** Memory buffer, % (Set-VMMemory -Buffer: 5-2000, default 20). */
export const HV_BUFFER_MIN_PERCENT = 5;
export const HV_BUFFER_MAX_PERCENT = 2000;
export const HV_BUFFER_DEFAULT_PERCENT = 20;
/** Memory weight (Set-VMMemory -Priority: 0-100, default 50). */
export const HV_WEIGHT_DEFAULT = 50;
/** The balancer acts on each 1 s status post (hv_balloon.c posts status every second). */
export const HV_BALANCE_PERIOD_MS = 1000;

/** What the buffer asks for: demand x (1 + buffer / 100). */
export function hypervTargetPages(demandPages: number, bufferPercent: number): number {
  return demandPages * (1 + bufferPercent / 100);
}

/** Pressure = demand / assigned x 100 (the "Current Pressure" counter). */
export function hypervPressure(demandPages: number, assignedPages: number): number {
  return assignedPages > 0 ? (100 * demandPages) / assignedPages : 0;
}

export interface HvClaim {
  minPages: number;
  maxPages: number;
  /** The buffered target. */
  wantPages: number;
  weight: number;
}

/** Each VM's allocation: its target clamped to [min, max] when the budget covers them all;
 * otherwise every VM keeps its minimum and the rest is shared in proportion to weight, no VM
 * getting more than its target. */
export function allocateByWeight(claims: readonly HvClaim[], budgetPages: number): number[] {
  const desired = claims.map((c) => Math.max(c.minPages, Math.min(c.maxPages, c.wantPages)));
  if (desired.reduce((s, d) => s + d, 0) <= budgetPages) return desired;
  const alloc = claims.map((c) => Math.min(c.minPages, c.maxPages));
  let rest = budgetPages - alloc.reduce((s, a) => s + a, 0);
  let open = claims.map((_, i) => i).filter((i) => desired[i] > alloc[i]);
  while (rest > 1e-9 && open.length > 0) {
    const weightSum = open.reduce((s, i) => s + Math.max(1, claims[i].weight), 0);
    const capped = open.filter((i) => alloc[i] + (rest * Math.max(1, claims[i].weight)) / weightSum >= desired[i]);
    if (capped.length === 0) {
      for (const i of open) alloc[i] += (rest * Math.max(1, claims[i].weight)) / weightSum;
      rest = 0;
      break;
    }
    for (const i of capped) {
      rest -= desired[i] - alloc[i];
      alloc[i] = desired[i];
    }
    open = open.filter((i) => !capped.includes(i));
  }
  return alloc;
}
