// The frame hub: every frame reaches data listeners, drawing gets only the latest frame per
// animation frame, skipped frames go back at once, and the drawn frame is kept for redraws
// until a newer one is drawn.
import { describe, expect, it } from 'vitest';
import { FrameHub } from '../../src/views/data/frameHub.ts';
import type { Frame } from '../../src/snapshot/types.ts';

const frame = (t: number): Frame => ({
  timeMs: t,
  ticks: t,
  host: null,
  guests: [],
  summary: { simSeconds: t / 1000 } as Frame['summary'],
  events: [],
});

function setup() {
  let cb: ((f: Frame) => void) | null = null;
  const released: number[] = [];
  const rafs: (() => void)[] = [];
  const hub = new FrameHub(
    { subscribeFrame: (c) => ((cb = c), () => (cb = null)), latestFrame: () => null, releaseFrame: (f) => released.push(f.timeMs) },
    (f) => rafs.push(f) as number,
    () => {},
  );
  const stop = hub.start();
  return { hub, send: (t: number) => cb?.(frame(t)), released, runRaf: () => rafs.splice(0).forEach((f) => f()), stop };
}

describe('FrameHub', () => {
  it('gives data listeners every frame and drawers the latest', () => {
    const h = setup();
    const data: number[] = [];
    const drawn: number[] = [];
    h.hub.onData((f) => data.push(f.timeMs));
    h.hub.onDraw((f) => drawn.push(f.timeMs));
    h.send(1);
    h.send(2);
    h.send(3);
    h.runRaf();
    expect(data).toEqual([1, 2, 3]);
    expect(drawn).toEqual([3]);
    expect(h.released).toEqual([1, 2]);
  });

  it('keeps the drawn frame for redraws, releasing it when a newer one is drawn', () => {
    const h = setup();
    const drawn: number[] = [];
    h.hub.onDraw((f) => drawn.push(f.timeMs));
    h.send(1);
    h.runRaf();
    h.hub.redraw();
    h.runRaf();
    expect(drawn).toEqual([1, 1]);
    expect(h.released).toEqual([]);
    h.send(2);
    h.runRaf();
    expect(h.released).toEqual([1]);
    h.stop();
    expect(h.released).toEqual([1, 2]);
  });

  it('publishes the latest summary for React readers', () => {
    const h = setup();
    h.send(1500);
    expect(h.hub.getView().timeMs).toBe(1500);
    expect(h.hub.getView().summary?.simSeconds).toBe(1.5);
  });
});
