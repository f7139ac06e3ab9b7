// vSphere 5+ Mem.MinFreePct sliding scale (Denneman, frankdenneman.nl 2011-07-26; reference §1.8):
// minFree = 6% of the first 4 GB + 4% of 4-12 GB + 2% of 12-28 GB + 1% of the rest. The free
// memory states are fractions of minFree (yellow-bricks.com 2011-03-17; Epping's vSphere 6 table):
// high 400%, clear 100%, soft 64%, hard 32%, low 16%.
import { PAGES_PER_MIB } from '../../units.ts';

const GIB_PAGES = 1024 * PAGES_PER_MIB;

/** [upper end of the band in GiB, fraction kept free in the band]. */
const MIN_FREE_BANDS: readonly (readonly [number, number])[] = [
  [4, 0.06],
  [12, 0.04],
  [28, 0.02],
  [Infinity, 0.01],
];

/** minFree, in pages, for a host with `hostPages` pages of memory. */
export function minFreePages(hostPages: number): number {
  let lower = 0;
  let pages = 0;
  for (const [upperGib, fraction] of MIN_FREE_BANDS) {
    const upper = upperGib * GIB_PAGES;
    if (hostPages > lower) pages += (Math.min(hostPages, upper) - lower) * fraction;
    lower = upper;
  }
  return pages;
}

/** State thresholds as fractions of minFree, most relaxed first (vSphere 6). */
export const VSPHERE_STATE_FRACTIONS = { high: 4, clear: 1, soft: 0.64, hard: 0.32, low: 0.16 } as const;
