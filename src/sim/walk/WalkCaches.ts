// The translation caches that shorten two-dimensional walks, one set per VM (tagged by VPID /
// ASID in hardware): a TLB of combined guest-virtual -> host-physical translations, a page walk
// cache of upper-level guest and EPT entries (AMD's PWC, Intel's paging-structure caches), and
// a nested TLB of guest-physical -> host-physical translations (guest page-table pages and data)
// (Bhargava et al., ASPLOS 2008). The caller creates one WalkCaches per simulation; it is not
// part of the simulation state. When a VM's EPT epoch moves (a present mapping was removed or
// changed), the hypervisor would issue INVEPT, so all of that VM's caches are emptied.
import type { HostConfig } from '../scenario/types.ts';
import { LruCache } from './LruCache.ts';

/** Page walk cache entries per VM when HostConfig.pageWalkCache is on (a modelling assumption:
 * real PWCs hold a few dozen entries). */
export const PAGE_WALK_CACHE_ENTRIES = 32;
/** Nested TLB entries per VM when HostConfig.nestedTlb is on (a modelling assumption). */
export const NESTED_TLB_ENTRIES = 16;

/** The host settings that size the caches. */
export type WalkCacheSizes = Pick<HostConfig, 'tlbEntries' | 'pageWalkCache' | 'nestedTlb'>;

/** A combined translation of one guest-virtual page. */
export interface TlbEntry {
  guestPhysicalPage: number;
  hostFrame: number;
}

export class VmWalkCaches {
  /** Key: `${pid}:${guest-virtual page number}` (PCID-tagged). */
  readonly tlb: LruCache<string, TlbEntry>;
  /** Key: host-physical address of an upper-level entry; value: the page or frame it points to. */
  readonly pageWalkCache: LruCache<string, number>;
  /** Key: guest-physical page (a guest page-table page or a data page); value: its host frame. */
  readonly nestedTlb: LruCache<number, number>;
  /** The VM's EPT epoch when these caches were last valid. */
  eptEpoch: number;

  constructor(host: WalkCacheSizes, eptEpoch: number) {
    this.tlb = new LruCache(host.tlbEntries);
    this.pageWalkCache = new LruCache(host.pageWalkCache ? PAGE_WALK_CACHE_ENTRIES : 0);
    this.nestedTlb = new LruCache(host.nestedTlb ? NESTED_TLB_ENTRIES : 0);
    this.eptEpoch = eptEpoch;
  }

  flush(): void {
    this.tlb.clear();
    this.pageWalkCache.clear();
    this.nestedTlb.clear();
  }
}

export class WalkCaches {
  private readonly host: WalkCacheSizes;
  private readonly perVm = new Map<number, VmWalkCaches>();

  /** Sizes come from the scenario's host: tlbEntries (0 = no TLB), pageWalkCache, nestedTlb. */
  constructor(host: WalkCacheSizes) {
    this.host = host;
  }

  /** The VM's caches, emptied first if its EPT changed since they were last used; `invalidation`
   * then says so for the walk's record. */
  forVm(vmIndex: number, eptEpoch: number): { caches: VmWalkCaches; invalidation: string | null } {
    let caches = this.perVm.get(vmIndex);
    if (!caches) {
      caches = new VmWalkCaches(this.host, eptEpoch);
      this.perVm.set(vmIndex, caches);
      return { caches, invalidation: null };
    }
    if (caches.eptEpoch === eptEpoch) return { caches, invalidation: null };
    const invalidation =
      `The VM's EPT changed since the last walk (a mapping was removed or changed: epoch ` +
      `${caches.eptEpoch} -> ${eptEpoch}), so the hypervisor's INVEPT emptied its TLB, page walk cache and nested TLB.`;
    caches.flush();
    caches.eptEpoch = eptEpoch;
    return { caches, invalidation };
  }
}
