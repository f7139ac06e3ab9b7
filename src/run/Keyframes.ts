// Keyframes for step back and the timeline scrubber: deep copies of the simulation taken every
// `intervalTicks` ticks, within a memory budget. When the budget is full, every other keyframe
// (after the first) is dropped and the interval doubles, so any run keeps a bounded number of
// evenly spread keyframes. Going back to tick t = restore the latest keyframe at or before t (or
// build tick 0 afresh when none is) and replay (the model is deterministic, so the replay reproduces the same states). A dropped
// keyframe's arrays are reused by the next copy (see deepClone), so taking a keyframe of a large
// model stalls the run for a memory copy, not for fresh memory.
import { deepClone } from '../sim/clone.ts';
import type { Simulation } from '../sim/Simulation.ts';

/** Memory the keyframes may hold, bytes (typed-array bytes of the model). */
export const KEYFRAME_BUDGET_BYTES = 384 * 1024 * 1024;
/** Simulated time between keyframes at the start, ms. */
export const KEYFRAME_INTERVAL_MS = 5000;

interface Keyframe {
  tick: number;
  sim: Simulation;
}

export class Keyframes {
  private frames: Keyframe[] = [];
  /** A dropped keyframe's copy, whose arrays the next keyframe overwrites. */
  private spare: Simulation | undefined;
  intervalTicks: number;
  private readonly budgetBytes: number;

  constructor(tickMs: number, budgetBytes = KEYFRAME_BUDGET_BYTES) {
    this.intervalTicks = Math.max(1, Math.round(KEYFRAME_INTERVAL_MS / tickMs));
    this.budgetBytes = budgetBytes;
  }

  get count(): number {
    return this.frames.length;
  }

  /** Takes a keyframe if `sim` is on the interval grid and none is kept for its tick. Tick 0
   * is never copied: the run builds it again from its scenario (SimCore.seekTick), so opening a
   * run does not pay for a copy of the whole model before its first frame. */
  offer(sim: Simulation): void {
    if (sim.ticks === 0 || sim.ticks % this.intervalTicks !== 0) return;
    const last = this.frames[this.frames.length - 1];
    if (last && last.tick >= sim.ticks) return;
    // Thin first when this keyframe would overflow the budget, and skip it if thinning takes
    // its tick off the grid (copying it only to drop it is the costliest way to do nothing).
    while (this.frames.length >= 2 && (this.frames.length + 1) * sim.heapBytes > this.budgetBytes) {
      this.thin();
      if (sim.ticks % this.intervalTicks !== 0) return;
    }
    this.frames.push({ tick: sim.ticks, sim: deepClone(sim, this.spare) });
    this.spare = undefined;
  }

  /** A fresh copy of the latest keyframe at or before `tick`, or null if none. */
  restore(tick: number): Simulation | null {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].tick <= tick) return deepClone(this.frames[i].sim);
    return null;
  }

  /** Forgets keyframes at or after `tick` (their history changed). */
  dropFrom(tick: number): void {
    this.keep((k) => k.tick < tick);
  }

  private thin(): void {
    this.intervalTicks *= 2;
    this.keep((k, i) => i === 0 || k.tick % this.intervalTicks === 0);
  }

  /** Keeps the keyframes that pass `test`; the last one dropped becomes the spare. */
  private keep(test: (k: Keyframe, i: number) => boolean): void {
    const kept: Keyframe[] = [];
    this.frames.forEach((k, i) => (test(k, i) ? kept.push(k) : (this.spare = k.sim)));
    this.frames = kept;
  }
}
