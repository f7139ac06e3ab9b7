// Pacing: how many ticks to compute for the wall time that passed. Simulated ms per wall ms =
// speed, the model advances only in whole ticks of scenario.tickMs, and pacing decides only
// when ticks and frames happen, never what a tick computes. When the model cannot keep up, the
// debt is dropped (the run slows down) rather than piling up.

/** Longest wall gap counted at once, ms (a stalled tab must not cause a burst of catching up). */
export const MAX_WALL_GAP_MS = 250;

export class Pacer {
  speed = 1;
  private debtMs = 0;
  private lastWallMs: number | null = null;
  /** Debt lent by `pullForward`, paid back when the pulled tick has run, ms. */
  private borrowedMs = 0;

  /** Starts counting from `wallMs` (on play). */
  start(wallMs: number): void {
    this.lastWallMs = wallMs;
    this.debtMs = 0;
    this.borrowedMs = 0;
  }

  /** Whole ticks due at `wallMs` since the last call. */
  due(wallMs: number, tickMs: number): number {
    const gap = this.lastWallMs === null ? 0 : Math.min(MAX_WALL_GAP_MS, Math.max(0, wallMs - this.lastWallMs));
    this.lastWallMs = wallMs;
    this.debtMs += gap * this.speed;
    return Math.floor(this.debtMs / tickMs);
  }

  /**
   * Makes the next tick due at once (a live input arrived while playing: show its effect without
   * waiting for the tick's wall-clock slot). The tick is borrowed, not added: the debt goes
   * negative when it is paid, so the tick after it keeps its own slot and the run stays in step
   * with wall time. Changes only when ticks run, never what they compute.
   */
  pullForward(tickMs: number): void {
    if (this.debtMs >= tickMs) return;
    this.borrowedMs += tickMs - this.debtMs;
    this.debtMs = tickMs;
  }

  /** Records the ticks actually computed; debt beyond one tick that could not be paid is dropped. */
  paid(ticks: number, tickMs: number): void {
    this.debtMs = Math.min(this.debtMs - ticks * tickMs, tickMs);
    if (ticks > 0 && this.borrowedMs > 0) {
      this.debtMs -= this.borrowedMs;
      this.borrowedMs = 0;
    }
  }
}
