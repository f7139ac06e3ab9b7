// How a walk ends, with a short plain-language explanation for students: the address is
// translated to a host frame, the guest takes a page fault (its own page table says "not
// present"), or the hypervisor takes an EPT violation (the EPT says "not present" or
// "read-only"). Sources: reference §5.1 (exit names) and §5.2 (what each EPT state means).
import { hex, tableName } from './addressBits.ts';
import type { EptViolationCause, GuestFaultCause, PageSize, WalkOutcome } from './walkTypes.ts';

/** Page sizes of a translated access: the guest's (null for an EPT-only walk) and the host's. */
export interface MappedBy {
  guestPageSize: PageSize | null;
  hostPageSize: PageSize;
}

export function translated(guestPhysicalAddress: number, hostFrame: number, hostPhysicalAddress: number, sizes: MappedBy): WalkOutcome {
  const guestLarge = sizes.guestPageSize !== null && sizes.guestPageSize !== '4 KiB';
  return {
    kind: 'translated',
    guestPhysicalAddress: hex(guestPhysicalAddress),
    hostPhysicalAddress: hex(hostPhysicalAddress),
    hostFrame,
    explanation:
      `Translated. The guest's page table gave guest-physical ${hex(guestPhysicalAddress)}` +
      `${guestLarge ? ` (inside a ${sizes.guestPageSize} guest large page)` : ''}; the EPT maps it to ` +
      `host-physical ${hex(hostPhysicalAddress)}${sizes.hostPageSize !== '4 KiB' ? ` inside a ${sizes.hostPageSize} host large page` : ''}. ` +
      'The CPU reads or writes the data there; neither the guest kernel nor the hypervisor runs.',
  };
}

const GUEST_FAULT_TEXT: Record<GuestFaultCause, (level: number, slot: number | null) => string> = {
  'never-touched': (level) =>
    level === 1
      ? 'Guest page fault (#PF). The page-table entry is empty: the process has never touched this page. ' +
        'The guest kernel gives it a free guest-physical page, fills the entry and restarts the instruction.'
      : `Guest page fault (#PF). The guest ${tableName(level)} entry is empty: nothing in this part of the ` +
        'address space has been touched yet, so the guest kernel has not built the lower tables. It builds ' +
        'them on this fault, then maps a page.',
  'guest-swapped': (_level, slot) =>
    `Guest page fault (#PF). The entry holds a swap entry: the guest kernel moved this page to its own swap device (slot ${slot}). ` +
    'The guest reads it back (a major fault, disk latency); to the hypervisor this is just disk I/O.',
  'outside-mapping': () =>
    'Guest page fault (#PF). Nothing is mapped at this address in the process, so the guest kernel finds ' +
    'no mapping to fill and sends the process a segmentation fault (SIGSEGV).',
};

export function guestPageFault(cause: GuestFaultCause, guestLevel: number, guestSwapSlot: number | null): WalkOutcome {
  return { kind: 'guest-page-fault', cause, guestLevel, guestSwapSlot, explanation: GUEST_FAULT_TEXT[cause](guestLevel, guestSwapSlot) };
}

const EPT_VIOLATION_TEXT: Record<EptViolationCause, (slot: number | null) => string> = {
  ballooned: () =>
    'The page is in the balloon: the guest gave it to the hypervisor, which removed its EPT entry and reused ' +
    'the frame, perhaps for another VM. The guest never touches it: its balloon driver holds the page so that ' +
    'no one in the guest uses it, and touching it would make the host find a frame again (undoing the balloon) ' +
    'and read back zeroes, not the old contents. If a buggy guest does, KVM maps a fresh zeroed frame, and Xen ' +
    'without populate-on-demand refuses.',
  'host-swapped': (slot) =>
    `The host swapped this page out to its own swap device (slot ${slot}) without the guest knowing. ` +
    'The hypervisor reads it back (a host major fault) and maps it again; the guest only sees slow memory.',
  compressed: () =>
    "The host compressed this page into the VM's compression cache. The hypervisor decompresses it into a " +
    'frame (microseconds, far cheaper than a swap-in) and maps it again.',
  'never-touched': () =>
    'The page has no host frame yet: the guest never touched it, or its frame was discarded (after a balloon ' +
    'deflate, for example). The host allocates a zeroed frame, maps it and resumes the guest.',
  'copy-on-write': () =>
    'A write to a page that page sharing (TPS/KSM) mapped read-only to a frame shared with identical pages. ' +
    'The hypervisor copies it into a private frame (breaking the share), maps that writable and resumes.',
};

export function eptViolation(
  cause: EptViolationCause,
  guestPhysicalAddress: number,
  accessTo: 'guest page table' | 'data',
  hostSwapSlot: number | null,
): WalkOutcome {
  const where = accessTo === 'data' ? '' : ' while the CPU was reading a guest page-table page';
  return {
    kind: 'ept-violation',
    cause,
    guestPhysicalAddress: hex(guestPhysicalAddress),
    accessTo,
    hostSwapSlot,
    explanation:
      `EPT violation (a VM exit to the hypervisor) at guest-physical ${hex(guestPhysicalAddress)}${where}. ` +
      EPT_VIOLATION_TEXT[cause](hostSwapSlot),
  };
}
