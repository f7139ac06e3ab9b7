// "What just happened": the latest sentences from the simulation's events with a "why?"
// expander, a polite throttled live region, and the event log (newest first, filterable) behind
// a disclosure.
import { useState } from 'react';
import type { SimEventKind } from '../../sim/events.ts';
import { TermText } from '../glossary/TermText.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { useEventFeed } from './useEventFeed.ts';
import { WHY } from './eventWords.ts';

const KINDS: readonly SimEventKind[] = ['policy', 'balloon', 'guest', 'host', 'sharing'];
const LOG_ROWS = 60;

const time = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function ExplainPanel() {
  const feed = useEventFeed();
  const [kind, setKind] = useState<SimEventKind | 'all'>('all');
  const recent = feed.newest(LOG_ROWS);
  const latest = recent.slice(0, 2);
  const shown = kind === 'all' ? recent : recent.filter((e) => e.kind === kind);
  return (
    <section className="panel explain-panel" aria-labelledby="explain-heading">
      <h2 id="explain-heading">What just happened</h2>
      <LiveAnnouncer latest={latest[0]?.text ?? null} />
      {latest.length === 0 ? (
        <p className="hint">Press play: what the hypervisor, the balloons and the guests do will be told here.</p>
      ) : (
        <div className="latest-events">
          {latest.map((e) => (
            <p key={e.key} className={`latest latest-${e.kind}`}>
              <span className="event-time">{time(e.timeMs)}</span> <TermText text={e.text} />
            </p>
          ))}
          <details>
            <summary>Why?</summary>
            <p>
              <TermText text={WHY[latest[0].kind]} />
            </p>
          </details>
        </div>
      )}
      <details className="event-log">
        <summary>Event log</summary>
        <div className="event-filter" role="group" aria-label="Show events of kind">
          {(['all', ...KINDS] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {k}
            </button>
          ))}
        </div>
        <ol className="event-list" aria-label="Event log, newest first" tabIndex={0}>
          {shown.map((e) => (
            <li key={e.key}>
              <span className="event-time">{time(e.timeMs)}</span> <span className="event-kind">{e.kind}</span> {e.text}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
