// The frame bus: high-frequency frame data, kept outside React state.
//
//   subscribeFrame(cb): unsubscribe   cb(frame) for every frame from the worker, as it arrives
//   latestFrame(): Frame | null       the newest frame not yet released (null before the first)
//   releaseFrame(frame)               hand a frame's buffers back to the worker (idempotent);
//                                     after this its typed arrays are detached (length 0)
//   setMapWindow(mapId, window)       what a map view wants rendered: pages and cells
//                                     ('host' or 'guest:<vm>'); null stops rendering that map
//
// Frames arrive at most one per animation frame: after delivering one, the bus asks the worker
// for the next on the following animation frame. Listeners draw synchronously and keep no
// typed arrays; whoever holds a frame releases it when done (skipped or superseded frames).
import type { Frame, MapWindow, MapId } from '../snapshot/types.ts';
import { sendCommand } from './commandSink.ts';

type Listener = (frame: Frame) => void;

const listeners = new Set<Listener>();
const windows = new Map<MapId, MapWindow | null>();
const released = new WeakSet<Frame>();
let latest: Frame | null = null;
let framesReceived = 0;
let nextAsked = false;

const onNextAnimationFrame = (f: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => f());
  else setTimeout(f, 16);
};

export function subscribeFrame(cb: Listener): () => void {
  listeners.add(cb);
  return () => void listeners.delete(cb);
}

export function latestFrame(): Frame | null {
  return latest && !released.has(latest) ? latest : null;
}

/** Buffers of a frame (each map's cells and second layer share one buffer). */
export function frameBuffers(frame: Frame): ArrayBuffer[] {
  const parts = [frame.host, ...frame.guests].filter((p) => p !== null);
  return [...new Set(parts.map((p) => p.cells.buffer as ArrayBuffer))].filter((b) => b.byteLength > 0);
}

export function releaseFrame(frame: Frame): void {
  if (released.has(frame)) return;
  released.add(frame);
  const buffers = frameBuffers(frame);
  if (buffers.length > 0) sendCommand({ type: 'release', buffers }, buffers);
}

export function setMapWindow(mapId: MapId, window: MapWindow | null): void {
  const old = windows.get(mapId);
  if (
    old === window ||
    (old && window && old.firstPage === window.firstPage && old.pageCount === window.pageCount && old.cells === window.cells)
  )
    return;
  windows.set(mapId, window);
  sendCommand({ type: 'setWindows', windows: { [mapId]: window } });
}

/** Every map window set so far (re-sent to a restarted worker). */
export function mapWindows(): Partial<Record<MapId, MapWindow | null>> {
  return Object.fromEntries(windows);
}

/** Frames delivered since the page opened (the debug panel shows it). */
export const frameCount = (): number => framesReceived;

/** Called by the controller for each frame event. */
export function deliverFrame(frame: Frame): void {
  latest = frame;
  framesReceived++;
  for (const cb of [...listeners]) cb(frame);
  if (!nextAsked) {
    nextAsked = true;
    onNextAnimationFrame(() => {
      nextAsked = false;
      sendCommand({ type: 'next' });
    });
  }
}

/** Forgets the latest frame (a new worker: its buffers belong to the old one). */
export function resetFrames(): void {
  latest = null;
  nextAsked = false;
}
