// Rate limiting for the polite live region: at most one announcement every MIN_GAP_MS, and
// the announcement is the newest sentence waiting (older ones stay readable in the log), so a
// screen reader is never flooded. Pure: time is passed in.
export const MIN_GAP_MS = 2000;

export class AnnouncementThrottle {
  private lastAt = -Infinity;
  private waiting: string | null = null;

  constructor(private readonly gapMs = MIN_GAP_MS) {}

  /** Queues a sentence; returns it if it may be announced now. */
  offer(text: string, nowMs: number): string | null {
    this.waiting = text;
    return this.poll(nowMs);
  }

  /** The waiting sentence, if the gap has passed. */
  poll(nowMs: number): string | null {
    if (this.waiting === null || nowMs - this.lastAt < this.gapMs) return null;
    const t = this.waiting;
    this.waiting = null;
    this.lastAt = nowMs;
    return t;
  }

  /** Milliseconds until the waiting sentence may go, or null when nothing waits. */
  dueInMs(nowMs: number): number | null {
    return this.waiting === null ? null : Math.max(0, this.lastAt + this.gapMs - nowMs);
  }
}
