// The words of the page-walk diagram, as pure functions: each reference's short label, its
// worked arithmetic and what it found (for the nodes and the screen-reader list), and the
// outcome's headline. The explanations themselves come from src/sim/walk/outcomes.ts.
import { entryLocation, indexArithmetic } from '../../sim/walk/stepArithmetic.ts';
import type { Walk, WalkOutcome, WalkStep } from '../../sim/walk/walkTypes.ts';

/** "EPT PD [24]" / "guest PML4 [254]". */
export const stepTitle = (s: WalkStep): string => `${s.table} [${s.index}]`;

/** "bits 29-21 = 0x18 -> 24": the node's short form of the arithmetic. */
export function shortArithmetic(s: WalkStep): string {
  const bits = s.indexBits.replace(/^guest-(virtual|physical) bits /, '');
  return `bits ${bits} = 0x${s.index.toString(16)} -> ${s.index}`;
}

/** What a cache did instead of the memory reference, or null if it went to memory. */
export const servedText = (s: WalkStep): string | null => (s.servedBy === 'memory' ? null : `skipped: ${s.servedBy} hit`);

const SHORT_CACHE: Record<string, string> = { TLB: 'TLB', 'page walk cache': 'PWC', 'nested TLB': 'nested TLB' };

/** One line of the node: where the entry was read, or which cache answered it (short form). */
export const nodeFootnote = (s: WalkStep): string => (s.servedBy === 'memory' ? `hPA ${s.entryHostPhysicalAddress}` : `cache hit: ${SHORT_CACHE[s.servedBy]}`);

/** The full sentence of one reference, for the ordered list (and the node's tooltip). */
export function referenceSentence(s: WalkStep): string {
  const what = s.dimension === 'ept' ? `EPT walk for the ${s.nestedWalkFor === 'data' ? 'data page' : `${s.nestedWalkFor} table page`}` : 'guest entry';
  const served = servedText(s);
  return `Reference ${s.step} (${what}): ${s.table}, ${indexArithmetic(s)}; ${entryLocation(s)}. ${s.description}.${served ? ` No memory read: ${served}.` : ''}`;
}

const CAUSE_TEXT: Record<string, string> = {
  ballooned: 'ballooned: no EPT entry',
  'host-swapped': 'host-swapped',
  compressed: 'compressed by the host',
  'never-touched': 'never touched: a zeroed frame is allocated',
  'copy-on-write': 'write to a shared page: copy-on-write',
};

/** "Translated to host frame 0x82c (host-physical 0x82c123)" / "EPT violation: ballooned ...". */
export function outcomeHeadline(o: WalkOutcome): string {
  if (o.kind === 'translated') return `Host frame 0x${o.hostFrame.toString(16)}: host-physical ${o.hostPhysicalAddress}`;
  if (o.kind === 'guest-page-fault') {
    const why = o.cause === 'guest-swapped' ? 'the page is in guest swap' : o.cause === 'outside-mapping' ? 'nothing is mapped there' : 'never touched';
    return `Guest page fault (#PF): ${why}`;
  }
  return `EPT violation (VM exit): ${CAUSE_TEXT[o.cause]}`;
}

/** The diagram's one-sentence summary (its accessible name's description). */
export function walkSummary(w: Walk): string {
  const from = w.guestVirtualAddress ? `guest-virtual ${w.guestVirtualAddress}` : `guest-physical ${w.steps[0]?.indexFrom.address ?? ''}`;
  return `Walk of ${from} in VM ${w.vmIndex}: ${w.steps.length} entries, ${w.memoryReferences} memory references. ${outcomeHeadline(w.outcome)}.`;
}

/** Greedy word wrap for SVG text: lines of at most maxChars characters (a longer word alone). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
