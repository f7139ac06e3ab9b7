// React access to the FrameHub: `useDraw` registers an imperative drawer (canvas maps),
// `useFrameData` sees every frame's summary and events, `useHubView` re-renders a component
// with the latest summary at most once per animation frame, and `useThrottledView` at most
// once per `ms` (numbers and balloons need no more; CSS transitions smooth the balloons).
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Frame } from '../../snapshot/types.ts';
import type { FrameHub, HubView } from './frameHub.ts';

/** How often the VM cards and the hypervisor panel refresh their numbers, ms. */
export const SUMMARY_EVERY_MS = 100;

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

export function useThrottledView(ms: number): HubView {
  const hub = useHub();
  const [view, setView] = useState(hub.getView);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = hub.subscribeView(() => {
      if (timer === null)
        timer = setTimeout(() => {
          timer = null;
          setView(hub.getView());
        }, ms);
    });
    setView(hub.getView());
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [hub, ms]);
  return view;
}
