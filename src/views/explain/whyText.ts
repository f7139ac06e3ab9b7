// The "why?" behind each kind of event, in a sentence or two for students. Pure data.
import type { SimEventKind } from '../../sim/events.ts';

export const WHY: Readonly<Record<SimEventKind, string>> = {
  policy: 'The hypervisor cannot see which guest pages matter (the semantic gap), so its policy watches host free memory and sets each balloon\'s target; the guest then decides which pages to give up.',
  balloon: 'The balloon driver inside the guest allocates pages like any program and reports them to the hypervisor, which drops their EPT entries and returns the host frames to its free pool. Deflating reverses this.',
  guest: 'Under pressure (often from its own balloon) the guest reclaims: free pages first, then clean page cache, then idle anonymous pages to its swap. It knows which pages are idle; the host does not.',
  host: 'When ballooning is absent, slow or capped, the host takes frames itself: it compresses or swaps guest pages it picks blindly. If the guest later swaps the same page out, it first has to be read back in: double paging.',
  sharing: 'The sharing scanner hashes guest pages; identical ones are merged into one read-only, copy-on-write host frame. A write breaks the sharing with a copy.',
};
