// XAPI squeezed's balancing algorithm as pure functions, read from xapi-project/xen-api
// ocaml/squeezed/lib/squeeze.ml (Proportional policy and Squeezer.one_iteration) with the
// constants of ocaml/squeezed/src/squeeze_xen.ml and squeezed.ml (reference §3.3). All sizes in
// KiB, integers as squeezed's int64. Every active domain gets the same ratio
// gamma = (target - dynamic_min) / (dynamic_max - dynamic_min), chosen so that the host would keep
// target_host_free_mem free; domains whose balloon driver is stuck are left out.
import type { StucknessMonitor } from './squeezeStuckness.ts';

/** target_host_free_mem_kib = low_mem_emergency_pool (64 MiB, CA-423173) + extra_mem_to_keep (8 MiB). */
export const TARGET_HOST_FREE_MEM_KIB = 73728;
/** free_memory_tolerance_kib: the balance succeeds once free - target < this. */
export const FREE_MEMORY_TOLERANCE_KIB = 512;
/** balance_check_interval: the balance thread sleeps this long, then checks whether memory is unbalanced. */
export const BALANCE_CHECK_INTERVAL_MS = 10000;
/** io.wait 1.: the pause between iterations of a balance. */
export const ITERATION_WAIT_MS = 1000;
/** inaccuracy_kib (make_host): a domain has hit its target when |actual - target| <= this. */
export const INACCURACY_KIB = 4;

export interface SqueezeDomain {
  id: number;
  /** feature-balloon advertised: the domain runs a balloon driver. */
  canBalloon: boolean;
  dynMinKib: number;
  dynMaxKib: number;
  /** memory/target as squeezed last wrote it. */
  targetKib: number;
  /** memory_actual: the domain's allocation (tot_pages). */
  actualKib: number;
}

export interface TargetChange {
  id: number;
  targetKib: number;
}

export type SqueezeAction =
  | { kind: 'adjust'; targets: TargetChange[] }
  | { kind: 'success' }
  /** Failed: the stuck domains that can balloon (empty: Cannot_free_this_much_memory). */
  | { kind: 'failed'; stuckIds: number[] };

export const hasHitTarget = (actualKib: number, targetKib: number): boolean => Math.abs(actualKib - targetKib) <= INACCURACY_KIB;

/** min_freeable: what setting target = dynamic_min frees at least, inaccuracy allowed for. */
const minFreeable = (d: SqueezeDomain): number => Math.max(0, d.actualKib - d.dynMinKib - 2 * INACCURACY_KIB);
const range = (d: SqueezeDomain): number => Math.max(0, d.dynMaxKib - d.dynMinKib);

/** Proportional.constrain 0 1: a NaN (no range, no surplus) counts as 0. */
function constrainRatio(value: number): number {
  if (value < 0) return 0;
  if (value > 1) return 1;
  return Number.isNaN(value) ? 0 : value;
}

/** Proportional.compute_target_adjustments: gamma and each domain's dynamic_min + int(gamma x range). */
export function proportionalTargets(
  domains: readonly SqueezeDomain[],
  freeMemKib: number,
  hostTargetKib: number,
): { gamma: number; targets: TargetChange[] } {
  let maximumFreeMemKib = freeMemKib;
  let totalRange = 0;
  for (const d of domains) {
    maximumFreeMemKib += minFreeable(d);
    totalRange += range(d);
  }
  const surplusKib = Math.max(0, maximumFreeMemKib - hostTargetKib);
  const gamma = constrainRatio(surplusKib / totalRange);
  return { gamma, targets: domains.map((d) => ({ id: d.id, targetKib: d.dynMinKib + Math.trunc(gamma * range(d)) })) };
}

export interface Iteration {
  action: SqueezeAction;
  gamma: number;
  /** Domains newly found stuck (their maxmem and target are clipped to what they have). */
  declaredInactive: number[];
}

/** Squeezer.one_iteration: which domains are active, their proportional targets, the
 * two-phase rule (while any domain must free memory, only freeing targets are set), and the
 * verdict once every active domain has hit its target and nothing changes. `nonActive` is the
 * state between iterations of one balance (updated in place). */
export function oneIteration(
  stuckness: StucknessMonitor,
  nonActive: Set<number>,
  domains: readonly SqueezeDomain[],
  freeMemKib: number,
  hostTargetKib: number,
  nowMs: number,
  success: (freeMemKib: number) => boolean,
): Iteration {
  stuckness.update(domains, nowMs);
  const active = domains.filter((d) => d.canBalloon && stuckness.isActive(d.id));
  const inactive = domains.filter((d) => !active.includes(d));
  const declaredInactive = inactive.filter((d) => !nonActive.has(d.id)).map((d) => d.id);
  nonActive.clear();
  for (const d of inactive) nonActive.add(d.id);

  const { gamma, targets } = proportionalTargets(active, freeMemKib, hostTargetKib);
  const byId = new Map(active.map((d) => [d.id, d]));
  const freeing = targets.filter((t) => {
    const d = byId.get(t.id)!;
    return !hasHitTarget(d.actualKib, t.targetKib) && t.targetKib < d.actualKib;
  });
  const selected = freeing.length === 0 ? targets : freeing;
  const allTargetsReached = active.every((d) => hasHitTarget(d.actualKib, d.targetKib));
  const noTargetChanges = selected.every((t) => byId.get(t.id)!.targetKib === t.targetKib);
  let action: SqueezeAction;
  if (!allTargetsReached || !noTargetChanges) action = { kind: 'adjust', targets: selected };
  else if (success(freeMemKib)) action = { kind: 'success' };
  else action = { kind: 'failed', stuckIds: inactive.filter((d) => d.canBalloon).map((d) => d.id) };
  return { action, gamma, declaredInactive };
}

/** is_balanced, the success condition of a balance: free - target_host_free_mem < tolerance. */
export const isBalanced = (freeMemKib: number): boolean => freeMemKib - TARGET_HOST_FREE_MEM_KIB < FREE_MEMORY_TOLERANCE_KIB;

/** The target a newly stuck domain is held at: min(target, actual) clipped into its dynamic range (CA-41832). */
export const inactiveTargetKib = (d: SqueezeDomain): number =>
  Math.min(d.dynMaxKib, Math.max(d.dynMinKib, Math.min(d.targetKib, d.actualKib)));
