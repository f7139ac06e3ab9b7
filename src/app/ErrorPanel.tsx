// The error panel: shown when the simulation worker threw or died. Says what happened, keeps the
// technical detail one click away, and restarts from the current link (the store holds the whole
// scenario, live changes, time and view, so nothing the user set is lost).
import { useEffect, useRef } from 'react';
import { useSimStore } from '../state/store.ts';
import { controller } from './runtime.ts';

export function ErrorPanel() {
  const error = useSimStore((s) => s.fatalError);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [error]);
  if (!error) return null;
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-title">
      <h2 id="error-title" ref={heading} tabIndex={-1}>
        The simulation stopped
      </h2>
      <p>{error.message}</p>
      <p>Your scenario, changes and view are kept. Restarting runs it again from the link on screen.</p>
      {error.detail && (
        <details>
          <summary>Technical detail</summary>
          <pre>{error.detail}</pre>
        </details>
      )}
      <button type="button" onClick={() => controller()?.restart()}>
        Restart from the current link
      </button>
    </section>
  );
}
