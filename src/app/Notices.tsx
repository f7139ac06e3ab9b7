// The notices area: non-blocking messages (corrected links, restarts, refused values), each with
// its list of details and a dismiss button. Text only: nothing from a link is rendered as markup.
import { useSimStore } from '../state/store.ts';

export function Notices() {
  const notices = useSimStore((s) => s.notices);
  const dismiss = useSimStore((s) => s.dismissNotice);
  return (
    <section className="notices" aria-label="Notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-kind={n.kind}>
          <p>{n.text}</p>
          {n.details.length > 0 && (
            <ul>
              {n.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.text}`}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
