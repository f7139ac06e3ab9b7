// A glossary term on the screen: the word, dotted-underlined and focusable, with its definition
// (terms.ts) as a tooltip shown on hover and on keyboard focus, hidden with Escape. The tooltip
// is role="tooltip" and describes the word through aria-describedby, so screen readers read it.
import { useId, useState, type ReactNode } from 'react';
import { TERMS, type TermId } from './terms.ts';

export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const tipId = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="term-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        className="term"
        tabIndex={0}
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {children}
      </span>
      <span id={tipId} role="tooltip" className="term-tip" hidden={!open}>
        {TERMS[id]}
      </span>
    </span>
  );
}
