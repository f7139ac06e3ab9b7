// The result of a two-dimensional (or EPT-only) page walk: plain data, safe to JSON-serialise,
// post to a worker or show in a view. Addresses are hex strings (exact for 57-bit guest-virtual
// addresses); page and frame numbers are numbers.
import type { PageSize } from './pageSizes.ts';

export type { PageSize };

export type WalkDimension = 'guest' | 'ept';
export type CacheName = 'TLB' | 'page walk cache' | 'nested TLB';
/** Who delivered a step's entry: a memory reference, or a cache that made it unnecessary. */
export type ServedBy = 'memory' | CacheName;

/** Why an entry is not present. Guest entries: never touched, or on the guest's swap device.
 * EPT leaf entries: the hypervisor's backing state of the guest-physical page. */
export type EptNotPresentReason = 'never-touched' | 'ballooned' | 'host-swapped' | 'compressed';
export type NotPresentReason = EptNotPresentReason | 'guest-swapped';

/** What one entry read found. */
export type FoundEntry =
  | { kind: 'next-guest-table'; guestPhysicalPage: number }
  /** The guest's final entry: a 4 KiB page (PTE), or a guest large page (PD: 2 MiB, PDPT: 1 GiB). */
  | { kind: 'guest-page'; guestPhysicalPage: number; pageSize: PageSize }
  | { kind: 'next-ept-table'; hostFrame: number }
  /** The final EPT entry: a 4 KiB page, or a host large page (EPT PD: 2 MiB, EPT PDPT: 1 GiB). */
  | { kind: 'host-frame'; hostFrame: number; largePage: boolean; pageSize: PageSize; shared: boolean; accessed: boolean }
  | { kind: 'not-present'; reason: NotPresentReason };

/** One entry of the architectural walk, in hardware order. */
export interface WalkStep {
  /** Position in this walk, from 1. */
  step: number;
  servedBy: ServedBy;
  dimension: WalkDimension;
  /** "guest PML4", "EPT PDPT", ... */
  table: string;
  /** 1 = leaf table (PT) ... 5 = PML5. */
  level: number;
  /** The 9-bit index into the table, 0..511. */
  index: number;
  /** Which bits of which address the index came from. */
  indexBits: string;
  indexFrom: { space: 'guest virtual' | 'guest physical'; address: string };
  /** EPT steps: whose guest-physical address this nested walk translates ("guest PML4" table
   * page, or "data"); null for guest steps. */
  nestedWalkFor: string | null;
  /** Guest steps: guest-physical address of the entry; null for EPT steps. */
  entryGuestPhysicalAddress: string | null;
  /** Host-physical address of the entry (where the memory reference goes). */
  entryHostPhysicalAddress: string;
  /** Guest steps: guest-physical page of the table (a page of kind PageTable); else null. */
  tableGuestPage: number | null;
  /** Host frame of the table page read (for EPT steps a hypervisor-owned frame). */
  tableHostFrame: number;
  found: FoundEntry;
  /** One line for students, e.g. "entry 254 -> guest PDPT at guest-physical page 0x1f3". */
  description: string;
}

export type GuestFaultCause = 'never-touched' | 'guest-swapped' | 'outside-mapping';
export type EptViolationCause = EptNotPresentReason | 'copy-on-write';

export type WalkOutcome =
  | {
      kind: 'translated';
      guestPhysicalAddress: string;
      hostPhysicalAddress: string;
      hostFrame: number;
      explanation: string;
    }
  | {
      kind: 'guest-page-fault';
      cause: GuestFaultCause;
      /** Level of the guest table whose entry was not present (1 = the PTE). */
      guestLevel: number;
      /** Slot on the guest's swap device (cause 'guest-swapped'), else null. */
      guestSwapSlot: number | null;
      explanation: string;
    }
  | {
      kind: 'ept-violation';
      cause: EptViolationCause;
      /** The guest-physical address whose nested walk failed. */
      guestPhysicalAddress: string;
      /** Whether the hardware was reading a guest page-table page or the data itself. */
      accessTo: 'guest page table' | 'data';
      /** Slot on the host's swap device (cause 'host-swapped'), else null. */
      hostSwapSlot: number | null;
      explanation: string;
    };

/** A cache that answered part (or all) of the walk. */
export interface CacheHit {
  cache: CacheName;
  /** The step numbers it made unnecessary. */
  steps: number[];
  description: string;
}

export interface Walk {
  kind: 'two-dimensional' | 'ept-only';
  vmIndex: number;
  /** Process id (two-dimensional walks), else null. */
  pid: number | null;
  guestVirtualAddress: string | null;
  write: boolean;
  /** Guest paging levels n (null for an EPT-only walk) and nested levels m. */
  guestLevels: number | null;
  eptLevels: number;
  /** The page sizes that mapped the data: the guest's (null for an EPT-only walk) and the host's.
   * Guest large pages end the guest dimension early, host large pages every nested walk. */
  guestPageSize: PageSize | null;
  hostPageSize: PageSize | null;
  steps: WalkStep[];
  /** Steps that went to memory (the rest were served by caches). */
  memoryReferences: number;
  cacheHits: CacheHit[];
  /** Set when this VM's caches were emptied before the walk because its EPT changed. */
  invalidation: string | null;
  outcome: WalkOutcome;
}
