// Where the glossary's terms appear in running text: the phrases that name each term, and a
// pure splitter that cuts a sentence into plain text and marked terms (the first occurrence of
// each term only, so a sentence is not a row of tab stops). Used for the event sentences, the
// "why?" explanations and the labels of generated controls.
import type { TermId } from './terms.ts';

/** The words that name a term in text, longest phrase first where two could overlap. */
const PHRASES: readonly (readonly [TermId, RegExp])[] = [
  ['doublePaging', /\bdouble paging\b/i],
  ['semanticGap', /\bsemantic gap\b/i],
  ['pageSharing', /\b(?:page sharing|sharing scanner|KSM|TPS)\b/i],
  ['shares', /\bshares\b/i],
  ['entitlement', /\bentitle(?:ment|d)\b/i],
  ['guestSwap', /\b(?:its own swap(?: disk)?|guest swap)\b/i],
  ['hostSwap', /\bhost (?:swap(?:ping|ped|s)?)\b/i],
  ['ept', /\bEPT\b/],
  ['hostFrame', /\bhost frames?\b/i],
  ['pageCache', /\bpage cache\b/i],
  ['balloon', /\bballoons?\b/i],
  ['inflate', /\binflat(?:e|ed|es|ing)\b/i],
  ['deflate', /\bdeflat(?:e|ed|es|ing)\b/i],
];

export interface TextPart {
  text: string;
  term?: TermId;
}

/** Cuts `text` into parts, marking the first match of each term (of `only`, if given). */
export function splitTerms(text: string, only?: readonly TermId[]): TextPart[] {
  const found: { start: number; end: number; term: TermId }[] = [];
  for (const [term, re] of PHRASES) {
    if (only && !only.includes(term)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && f.start < end)) continue;
    found.push({ start, end, term });
  }
  found.sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) parts.push({ text: text.slice(at, f.start) });
    parts.push({ text: text.slice(f.start, f.end), term: f.term });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
