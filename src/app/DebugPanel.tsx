// The debug panel: the model's state hash (stateHashHex, computed by the worker when paused),
// the tick, keyframes kept, frames received, the client kind and the link's length. Two runs
// showing the same time and hash are in the same state, bit for bit.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { frameCount } from '../state/frameBus.ts';
import { linkStateOf } from '../state/linkState.ts';
import { useSimStore } from '../state/store.ts';
import { encodeLink } from '../url/codec.ts';
import { PROTOCOL_VERSION } from '../worker/protocol.ts';
import { formatTime } from './formatTime.ts';
import { controller } from './runtime.ts';

export function DebugPanel() {
  const [hash, timeMs, ticks, keyframes, playing] = useSimStore(useShallow((s) => [s.hash, s.timeMs, s.ticks, s.keyframes, s.playing]));
  const [frames, setFrames] = useState(frameCount());
  useEffect(() => {
    const t = setInterval(() => setFrames(frameCount()), 500);
    return () => clearInterval(t);
  }, []);
  const linkLength = encodeLink(linkStateOf(useSimStore.getState())).length;
  return (
    <section className="debug-panel" aria-label="Debug">
      <h2>Debug</h2>
      <dl>
        <dt>State hash</dt>
        <dd data-testid="state-hash">{hash ?? (playing ? 'running…' : 'computing…')}</dd>
        <dt>Simulated time</dt>
        <dd data-testid="debug-time">
          {formatTime(timeMs)} (tick {ticks})
        </dd>
        <dt>Keyframes kept</dt>
        <dd>{keyframes}</dd>
        <dt>Frames received</dt>
        <dd data-testid="frame-count">{frames}</dd>
        <dt>Simulation runs</dt>
        <dd>
          {controller()?.client.kind === 'in-thread' ? 'in this thread' : 'in a Web Worker'} (protocol v{PROTOCOL_VERSION})
        </dd>
        <dt>Link length</dt>
        <dd>{linkLength} characters</dd>
      </dl>
    </section>
  );
}
