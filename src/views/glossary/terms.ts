// The glossary: every domain term the screen uses, with a one- or two-sentence definition for
// students. The one place for these strings; <Term id=...> shows them as tooltips.

export const TERMS = {
  hypervisor: "The software that runs virtual machines and hands out the host's memory to them (ESX, KVM, Xen, Hyper-V).",
  host: 'The physical machine. Its memory is divided into host frames that the hypervisor gives to VMs.',
  hostFrame: "One 4 KiB page of the host's physical memory. A guest page needs a host frame behind it to be used without a fault.",
  guestPhysical:
    'The memory a guest OS believes is its own RAM, numbered from 0. The hypervisor maps each guest-physical page to a host frame, or to nothing.',
  ept: 'Extended Page Tables: the hardware table that maps guest-physical pages to host frames. A missing entry causes an EPT violation, a trap into the hypervisor.',
  balloon:
    'A driver inside the guest that the hypervisor can ask to take memory. Pages the balloon holds are unused by the guest, so the hypervisor can reclaim their host frames.',
  inflate:
    'The balloon grows: the guest driver allocates pages and hands them to the hypervisor, which frees their host frames. The guest must reclaim memory to make room.',
  deflate:
    'The balloon shrinks: the driver gives pages back to the guest OS, which can use them again once the hypervisor backs them with host frames.',
  pressure:
    "How much memory the VMs' programs want, relative to the scenario's normal demand. Raising it makes the guests touch more memory, so the host runs short.",
  freeMemory:
    "Host frames no VM is using. When free memory falls below the policy's thresholds the hypervisor starts reclaiming: first with balloons, then by swapping.",
  policy:
    "The hypervisor's rule for sharing memory: when to reclaim, and how much each VM gets (ESX shares and idle tax, KVM MOM, Xen squeezed, Hyper-V Dynamic Memory).",
  state:
    "ESX's free-memory state: High (enough free memory), Soft (reclaim with balloons), Hard (swap and compress), Low (block VMs above their target).",
  entitlement:
    "The memory the policy thinks a VM deserves, from its shares, its active memory and the idle tax. The balloon target is the VM's size minus its entitlement.",
  shares: "A VM's weight when memory is scarce: a VM with twice the shares is entitled to twice the memory, unless it leaves it idle.",
  activeEstimate:
    "The hypervisor's guess of how much memory a VM really uses, from sampling a few random pages. It cannot see inside the guest.",
  workingSet: 'The pages a program touches again and again. If they do not all fit in memory, the program waits on the disk.',
  footprint: 'All the memory a program has touched at least once (its heap and stack).',
  fileWorkingSet: "The part of a file reader's files it reads again and again; the guest keeps it in its page cache if it can.",
  heap: 'Memory a program allocates for its own data (anonymous memory); it can only go to swap, not back to a file.',
  pageCache: 'File data the guest OS keeps in memory. Dropping it is cheap unless the file is read again.',
  swap: "Storage where memory pages go when RAM runs short. Reading a page back from swap stalls the program for the storage's latency.",
  guestSwap: "The guest OS's own swap: the guest chooses which of its pages to write out, knowing which are in use.",
  hostSwap: "The host swapping guest pages behind the guest's back: the hypervisor cannot see which pages matter, so it often picks badly.",
  doublePaging:
    'The guest swaps out a page the host already swapped: the host must first read it back, only for the guest to write it out again.',
  pageSharing:
    'Transparent page sharing (TPS in ESX, KSM in KVM): identical pages of different VMs are merged into one copy-on-write host frame.',
  backed: 'Guest pages that have a host frame behind them (a present EPT entry).',
  performance:
    'The work a program got done over the last 10 s, as a share of what it does unimpeded on the reference machine (4 KiB pages, no walk caches): 100% = unimpeded. Stalls take it down; faster address translation (walk caches, large pages) can take it above 100%.',
  translation:
    'Every memory access is translated twice, guest virtual to guest physical to host physical; a TLB miss walks both page tables. Shown as the time an access takes relative to the reference machine (4 KiB pages, no walk caches): below 1x is faster.',
  semanticGap: 'The hypervisor sees only pages and frames, not what the guest uses them for: which pages are free, cache or in use.',
} as const;

export type TermId = keyof typeof TERMS;
