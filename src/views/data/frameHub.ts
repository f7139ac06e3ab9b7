// Fans the frame stream out to the views. Every frame's small parts (summary, events) go at
// once to data listeners (chart history, event log), so nothing is lost when drawing skips
// frames. Drawing runs once per animation frame with the latest frame only (latest wins).
// Skipped frames go back to the worker at once; the drawn frame is kept for redraws (resize,
// zoom, theme) until a newer one is drawn, then released. So at most two frames are held, and
// listeners must paint synchronously and never keep a frame's typed arrays.
import type { Frame } from '../../snapshot/types.ts';
import type { RunReport } from '../../sim/report.ts';
import type { SimSource } from './simTypes.ts';

export interface HubView {
  summary: RunReport | null;
  timeMs: number;
  version: number;
}
type Raf = (cb: () => void) => number;
type Caf = (id: number) => void;

export class FrameHub {
  private readonly dataListeners = new Set<(f: Frame) => void>();
  private readonly drawListeners = new Set<(f: Frame) => void>();
  private readonly viewListeners = new Set<() => void>();
  private pending: Frame | null = null;
  private current: Frame | null = null;
  private currentOwned = false;
  private rafId: number | null = null;
  private view: HubView = { summary: null, timeMs: 0, version: 0 };

  constructor(
    private readonly source: Pick<SimSource, 'subscribeFrame' | 'latestFrame' | 'releaseFrame'>,
    private readonly raf: Raf = (cb) => requestAnimationFrame(cb),
    private readonly caf: Caf = (id) => cancelAnimationFrame(id),
  ) {}

  /** Starts listening; returns the stop function. */
  start(): () => void {
    const first = this.source.latestFrame();
    if (first) {
      this.current = first;
      this.currentOwned = true;
      this.view = { summary: first.summary, timeMs: first.timeMs, version: 1 };
      this.redraw();
    }
    const unsubscribe = this.source.subscribeFrame((f) => this.accept(f));
    return () => {
      unsubscribe();
      if (this.rafId !== null) this.caf(this.rafId);
      this.rafId = null;
      if (this.pending) this.source.releaseFrame(this.pending);
      if (this.current && this.currentOwned) this.source.releaseFrame(this.current);
      this.pending = this.current = null;
    };
  }

  private accept(f: Frame): void {
    for (const cb of this.dataListeners) cb(f);
    if (this.pending) this.source.releaseFrame(this.pending);
    this.pending = f;
    this.view = { summary: f.summary, timeMs: f.timeMs, version: this.view.version + 1 };
    this.redraw();
  }

  /** Draws the latest frame and notifies React readers (called on the animation frame). */
  flush(): void {
    this.rafId = null;
    if (this.pending) {
      if (this.current && this.currentOwned) this.source.releaseFrame(this.current);
      this.current = this.pending;
      this.currentOwned = true;
      this.pending = null;
    }
    const f = this.current;
    if (f) for (const cb of this.drawListeners) cb(f);
    for (const cb of this.viewListeners) cb();
  }

  onData(cb: (f: Frame) => void): () => void {
    this.dataListeners.add(cb);
    return () => this.dataListeners.delete(cb);
  }

  /** Registers a drawer; it will be given the latest frame on the next animation frame. */
  onDraw(cb: (f: Frame) => void): () => void {
    this.drawListeners.add(cb);
    return () => this.drawListeners.delete(cb);
  }

  /** Asks every drawer to draw again (after a resize, zoom or theme change). */
  redraw(): void {
    if (this.rafId === null) this.rafId = this.raf(() => this.flush());
  }

  subscribeView = (cb: () => void): (() => void) => {
    this.viewListeners.add(cb);
    return () => this.viewListeners.delete(cb);
  };

  getView = (): HubView => this.view;
}
