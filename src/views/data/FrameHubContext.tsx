// React access to the FrameHub: `useDraw` registers an imperative drawer (canvas maps),
// `useFrameData` sees every frame's summary and events, and `useHubView` re-renders a
// component with the latest summary at most once per animation frame.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Frame } from '../../snapshot/types.ts';
import type { FrameHub, HubView } from './frameHub.ts';

export const FrameHubContext = createContext<FrameHub | null>(null);

export function useHub(): FrameHub {
  const hub = useContext(FrameHubContext);
  if (!hub) throw new Error('useHub: render inside <PlayArea>');
  return hub;
}

/** Latest callback kept in a ref, so listeners are registered once. */
function useLatest<T>(value: T): { current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

export function useDraw(draw: (f: Frame) => void): void {
  const hub = useHub();
  const ref = useLatest(draw);
  useEffect(() => {
    const off = hub.onDraw((f) => ref.current(f));
    hub.redraw();
    return off;
  }, [hub, ref]);
}

export function useFrameData(onFrame: (f: Frame) => void): void {
  const hub = useHub();
  const ref = useLatest(onFrame);
  useEffect(() => hub.onData((f) => ref.current(f)), [hub, ref]);
}

export function useHubView(): HubView {
  const hub = useHub();
  return useSyncExternalStore(hub.subscribeView, hub.getView, hub.getView);
}
