// Statistical sampling of a VM's active memory (Waldspurger, OSDI 2002, §5.3; reference §1.6).
// At the start of each sample period the hypervisor picks n random guest-physical pages and
// clears the accessed bit of their EPT entries (ESX 2002 invalidated their cached mappings so
// the next access trapped; clearing EPT_ACCESSED is the hardware-assisted equivalent). A page
// that was not present and is touched becomes present with the bit set. At the end of the
// period t of the n pages were touched and f = t/n estimates the VM's active fraction. An
// access the host's LRU clock harvested in between still counts (EPT_YOUNG).
// Smoothing: a slow and a fast exponentially weighted moving average, plus the fast average
// updated with the counts of the period in progress; the estimate is their maximum, so it
// rises quickly when the working set grows and falls slowly when it shrinks. Until the first
// period completes the estimate is that period's count so far; its sample starts both averages.
// The hypervisor sees only EPT entries here: never the guest's page states.
import { EPT_ACCESSED, EPT_YOUNG, type Ept } from '../../host/Ept.ts';
import type { Rng } from '../../rng.ts';

/** Pages sampled per period: n = 100 (W02 §5.3). */
export const SAMPLE_PAGES = 100;
/** Gain of the slow average per period. W02 gives no gains; 0.1 makes the estimate of a shrinking
 * working set fall with a time constant of about ten periods (modelling choice, like W02 Fig. 6). */
export const SLOW_GAIN = 0.1;
/** Gain of the fast average per period (modelling choice: reacts within one or two periods). */
export const FAST_GAIN = 0.5;

export class IdleSampler {
  readonly periodMs: number;
  /** Guest-physical pages sampled in the current period (random, with replacement). */
  readonly sampled: Int32Array;
  /** Slow and fast averages of the active fraction, and the last period's raw sample f = t/n. */
  slow = 0;
  fast = 0;
  lastFraction = 0;
  periodsDone = 0;
  private readonly ept: Ept;
  private readonly rng: Rng;
  private elapsedMs = 0;

  constructor(ept: Ept, rng: Rng, periodMs: number, samplePages = SAMPLE_PAGES) {
    this.ept = ept;
    this.rng = rng;
    this.periodMs = periodMs;
    this.sampled = new Int32Array(samplePages);
    this.startPeriod();
  }

  /** Advances the sampling clock by dtMs of the VM's execution time. */
  step(dtMs: number): void {
    this.elapsedMs += dtMs;
    if (this.elapsedMs + 1e-9 < this.periodMs) return;
    this.elapsedMs -= this.periodMs;
    this.finishPeriod();
    this.startPeriod();
  }

  /** Sampled pages touched since the period started. */
  touchedSoFar(): number {
    const entries = this.ept.entries;
    let t = 0;
    for (const g of this.sampled) {
      const e = entries[g];
      if (e >= 0 && (e & (EPT_ACCESSED | EPT_YOUNG)) !== 0) t++;
    }
    return t;
  }

  /** The fast average moved by this period's partial count (W02: "incorporates counts from the
   * current sampling period"). */
  get fastInProgress(): number {
    const partial = this.touchedSoFar() / this.sampled.length;
    return this.periodsDone === 0 ? partial : this.fast + FAST_GAIN * (partial - this.fast);
  }

  /** Estimated active fraction of the VM's guest-physical pages: max of the three averages. */
  get activeFraction(): number {
    return Math.max(this.slow, this.fast, this.fastInProgress);
  }

  private startPeriod(): void {
    const ept = this.ept;
    for (let i = 0; i < this.sampled.length; i++) {
      const g = this.rng.nextInt(ept.pages);
      this.sampled[i] = g;
      ept.clearAccessed(g, false);
    }
  }

  private finishPeriod(): void {
    const f = this.touchedSoFar() / this.sampled.length;
    this.lastFraction = f;
    // The first period's sample starts both averages; later ones move them by their gains.
    this.slow = this.periodsDone === 0 ? f : this.slow + SLOW_GAIN * (f - this.slow);
    this.fast = this.periodsDone === 0 ? f : this.fast + FAST_GAIN * (f - this.fast);
    this.periodsDone++;
  }
}
