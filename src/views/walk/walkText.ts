// The words of the page-walk views, as pure functions and constants: each reference's short
// label, its worked arithmetic and what it found (for the nodes and the screen-reader list), the
// outcome's headline, and the picker's labels, hints and address-field messages. The outcomes'
// explanations themselves come from src/sim/walk/outcomes.ts.
import { entryLocation, indexArithmetic } from '../../sim/walk/stepArithmetic.ts';
import type { Walk, WalkOutcome, WalkStep } from '../../sim/walk/walkTypes.ts';
import type { WalkTarget } from '../../sim/walk/walkTarget.ts';

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
export const nodeFootnote = (s: WalkStep): string =>
  s.servedBy === 'memory' ? `hPA ${s.entryHostPhysicalAddress}` : `cache hit: ${SHORT_CACHE[s.servedBy]}`;

/** The full sentence of one reference, for the ordered list (and the node's tooltip). */
export function referenceSentence(s: WalkStep): string {
  const what =
    s.dimension === 'ept'
      ? `EPT walk for the ${s.nestedWalkFor === 'data' ? 'data page' : `${s.nestedWalkFor} table page`}`
      : 'guest entry';
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
    const why =
      o.cause === 'guest-swapped'
        ? 'the page is in guest swap'
        : o.cause === 'outside-mapping'
          ? 'nothing is mapped there'
          : 'never touched';
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

/** The user half of an address space with `levels`-level paging: 0 to this address. */
export const lastUserAddress = (levels: number): bigint => (1n << BigInt(12 + 9 * levels - 1)) - 1n;

/** The address field's message for text that is not an address it can walk. */
export function addressError(text: string, levels: number): string {
  const range = `Allowed: 0x0 to 0x${lastUserAddress(levels).toString(16)} (the user half of ${levels}-level paging), for example 0x7f0000005123.`;
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
  return /^\s*(0x)?[0-9a-f_]+\s*$/i.test(text)
    ? `Guest virtual address: ${shown} is outside the process's address space. ${range}`
    : `Guest virtual address: ${shown} is not a hex address. ${range}`;
}

/** The region buttons: what each walks. */
export const REGION_LABELS = {
  'mapping-start': 'Start of its mapping',
  'working-set': 'Middle of its working set',
  'mapping-end': 'End of its mapping',
  ballooned: 'A ballooned page',
} as const;

export const PICK_HINT =
  'Pick what to walk: click a page in a guest-physical or host map (or move the cursor there with the arrow keys and press Enter), type a guest virtual address, or pick a region of the process.';
export const LEVELS_HINT =
  '5-level paging is a setting of the scenario, not a what-if: changing it restarts the run at 0 s. The other toggles ask the model what the same walk would cost.';
export const EPT_ONLY_HINT =
  "This walk reads the EPT alone, so the guest's page sizes and the walk caches do not change it (the model caches walks of guest-virtual addresses only); a host large page would shorten it where nothing splits it.";
export const WRITE_LABEL = 'Walk a write (a write to a page shared by page sharing is a copy-on-write EPT violation)';

/** "Walking a host frame: frame 0x1f3 backs web's guest-physical 0x4d000" and similar. */
export function targetSentence(t: WalkTarget, vmName: string): string {
  return t.space === 'guest-virtual'
    ? `Walking guest-virtual ${t.gva} of process ${t.pid} in ${vmName}: the guest's page table, each of its table pages translated through the EPT.`
    : `Walking guest-physical ${t.gpa} of ${vmName} through the EPT alone: what the hardware does for the guest's own physical access, and what the hypervisor keeps for that page.`;
}
