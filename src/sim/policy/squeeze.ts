// XAPI squeezed's balancing arithmetic (xapi-project/xen-api doc/content/squeezed, reference
// §3.3), as pure functions: every domain gets the same ratio r = (target - dynamic_min) /
// (dynamic_max - dynamic_min), chosen so the host keeps target_host_free_mem free; domains
// declared stuck are held at what they have. Sizes in any one unit (the policy uses pages).

/** Free host memory squeezed aims to keep (target_host_free_mem_kib). */
export const TARGET_HOST_FREE_MEM_KIB = 10204;
/** Tolerance around that target before squeezed acts again. */
export const FREE_MEM_TOLERANCE_KIB = 1024;
/** Periodic rebalance. */
export const SQUEEZED_BALANCE_PERIOD_MS = 30000;
/** A balloon driver that makes no progress for this long is assumed stuck. */
export const SQUEEZED_STUCK_MS = 2000;

export type SqueezeResult = 'ok' | 'DynamicMinsTooHigh' | 'DomainsRefusedToCooperate';

export interface SqueezeDomain {
  dynMin: number;
  dynMax: number;
  /** Allocation a stuck (or unmanaged) domain is held at; null for a cooperating domain. */
  fixed: number | null;
}

export interface Squeeze {
  ratio: number;
  /** Target allocation per domain (a fixed domain keeps its allocation). */
  targets: number[];
  result: SqueezeResult;
}

/** Splits `available` (memory for domains: host memory less overheads and the free target)
 * so that every cooperating domain has the same ratio. */
export function squeezeRatio(domains: readonly SqueezeDomain[], available: number): Squeeze {
  let fixedSum = 0;
  let minSum = 0;
  let rangeSum = 0;
  let allMins = 0;
  for (const d of domains) {
    allMins += d.fixed === null ? d.dynMin : Math.min(d.dynMin, d.fixed);
    if (d.fixed !== null) fixedSum += d.fixed;
    else {
      minSum += d.dynMin;
      rangeSum += d.dynMax - d.dynMin;
    }
  }
  const forActive = available - fixedSum;
  let result: SqueezeResult = 'ok';
  if (allMins > available) result = 'DynamicMinsTooHigh';
  else if (minSum > forActive) result = 'DomainsRefusedToCooperate';
  const raw = rangeSum > 0 ? (forActive - minSum) / rangeSum : 0;
  const ratio = Math.max(0, Math.min(1, raw));
  const targets = domains.map((d) => (d.fixed !== null ? d.fixed : d.dynMin + ratio * (d.dynMax - d.dynMin)));
  return { ratio, targets, result };
}
