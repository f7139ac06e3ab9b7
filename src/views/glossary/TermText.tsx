// Running text with its glossary terms marked: each term's first phrase becomes a <Term> with
// its tooltip (termPhrases.ts decides what counts), the rest stays plain text.
import { Fragment } from 'react';
import { splitTerms } from './termPhrases.ts';
import type { TermId } from './terms.ts';
import { Term } from './Term.tsx';

export function TermText({ text, only }: { text: string; only?: readonly TermId[] }) {
  return (
    <>
      {splitTerms(text, only).map((part, i) =>
        part.term ? (
          <Term key={i} id={part.term}>
            {part.text}
          </Term>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
