// What to walk and with which hypothetical hardware: the walk target (a guest-virtual address
// of a process, or a guest-physical address walked through the EPT alone), the ways a user
// picks one (a host frame stands for the guest page it backs; a region of a process is found in
// the model), and the walk's what-if settings (caches, page sizes, a write access). The what-if
// settings are questions asked of the model, not scenario changes; paging levels are the
// scenario's own. Plain data: links, the store, the worker and the views share these types.
import type { PageSize } from './pageSizes.ts';
import type { WalkSettings } from './walkPlan.ts';

export type WalkTarget =
  | { space: 'guest-virtual'; vm: number; pid: number; /** hex, "0x7f0000005123" */ gva: string }
  | { space: 'guest-physical'; vm: number; /** hex, "0x1a2000" */ gpa: string };

/** Places in a process (or its VM) a user can ask for without knowing an address. */
export const WALK_REGIONS = ['mapping-start', 'working-set', 'mapping-end', 'ballooned'] as const;
export type WalkRegion = (typeof WALK_REGIONS)[number];

export type WalkPick =
  | WalkTarget
  /** The guest-physical page a host frame backs (an EPT-only walk of it). */
  | { space: 'host-physical'; frame: number }
  | { space: 'region'; vm: number; pid: number; region: WalkRegion };

/** The what-if settings of a walk: translation caches, page sizes and the kind of access. */
export interface WalkWhatIf {
  tlb: boolean;
  pageWalkCache: boolean;
  nestedTlb: boolean;
  /** Largest page the guest maps with, and the hypervisor backs the VM with. */
  guestPageSize: PageSize;
  hostPageSize: PageSize;
  /** A write (a write to a shared page is a copy-on-write EPT violation). */
  write: boolean;
}

export const DEFAULT_WALK_WHAT_IF: WalkWhatIf = {
  tlb: false,
  pageWalkCache: false,
  nestedTlb: false,
  guestPageSize: '4 KiB',
  hostPageSize: '4 KiB',
  write: false,
};

/** The what-if part of the toggles' settings (the levels come from the scenario). */
export const whatIfOf = (s: WalkSettings, write: boolean): WalkWhatIf => ({
  tlb: s.tlb,
  pageWalkCache: s.pageWalkCache,
  nestedTlb: s.nestedTlb,
  guestPageSize: s.guestPageSize,
  hostPageSize: s.hostPageSize,
  write,
});

/** A stable key of walk settings, for looking counts up. */
export const settingsKey = (s: WalkSettings): string =>
  [s.guestLevels, s.eptLevels, s.guestPageSize, s.hostPageSize, +s.tlb, +s.pageWalkCache, +s.nestedTlb].join('|');

export function sameTarget(a: WalkTarget | null, b: WalkTarget | null): boolean {
  if (!a || !b) return a === b;
  if (a.space === 'guest-virtual') return b.space === 'guest-virtual' && a.vm === b.vm && a.pid === b.pid && a.gva === b.gva;
  return b.space === 'guest-physical' && a.vm === b.vm && a.gpa === b.gpa;
}

/** The most references any walk makes: 5-level paging in both dimensions, (5+1)(5+1)-1. */
export const MAX_WALK_REFERENCES = 35;
