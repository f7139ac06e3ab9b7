// What address translation costs a VM's workload in the model: the machine a scenario describes
// (its host's TLB, EPT levels, large pages and walk caches, the guest's paging levels) priced by
// translationCost.ts, relative to a reference machine: the parameters' defaults (64-entry TLB,
// 4-level paging in both dimensions, 4 KiB pages, no walk caches). The workload's time budget
// (guest/Workload.ts) stretches each access by this factor, so performance is measured against
// the same program on the reference machine: exactly 1 there, below 1 on a machine that
// translates worse (5-level paging, no TLB), above 1 on one that translates better (walk
// caches, large pages). Pure.
import { HOST_PARAMS, VM_PARAMS } from '../scenario/params.ts';
import type { HostConfig } from '../scenario/types.ts';
import { translationCost } from './translationCost.ts';
import type { WalkSettings } from './walkPlan.ts';

/** The translation hardware and paging a VM runs on. */
export interface TranslationMachine {
  tlbEntries: number;
  walk: WalkSettings;
}

/** The machine of a VM with guestLevels paging levels on a host configured as `host`. The guest
 * maps with 4 KiB pages (the model's guests have no large pages); the host backs the VM with
 * 2 MiB pages when host.largePages is on. */
export function machineOf(
  host: Pick<HostConfig, 'tlbEntries' | 'eptLevels' | 'largePages' | 'pageWalkCache' | 'nestedTlb'>,
  guestLevels: number,
): TranslationMachine {
  return {
    tlbEntries: host.tlbEntries,
    walk: {
      guestLevels,
      eptLevels: host.eptLevels,
      guestPageSize: '4 KiB',
      hostPageSize: host.largePages ? '2 MiB' : '4 KiB',
      tlb: host.tlbEntries > 0,
      pageWalkCache: host.pageWalkCache,
      nestedTlb: host.nestedTlb,
    },
  };
}

export const REFERENCE_MACHINE: TranslationMachine = machineOf(
  {
    tlbEntries: HOST_PARAMS.tlbEntries.default,
    eptLevels: HOST_PARAMS.eptLevels.default,
    largePages: HOST_PARAMS.largePages.default,
    pageWalkCache: HOST_PARAMS.pageWalkCache.default,
    nestedTlb: HOST_PARAMS.nestedTlb.default,
  },
  VM_PARAMS.pageTableLevels.default,
);

const sameMachine = (a: TranslationMachine, b: TranslationMachine): boolean =>
  a.tlbEntries === b.tlbEntries && (Object.keys(a.walk) as (keyof WalkSettings)[]).every((k) => a.walk[k] === b.walk[k]);

/** How much longer an access takes on `machine` than on the reference machine, for a workload
 * touching workingSetMiB continuously within footprintMiB: exactly 1 on the reference machine. */
export function relativeSlowdown(machine: TranslationMachine, workingSetMiB: number, footprintMiB: number): number {
  if (sameMachine(machine, REFERENCE_MACHINE)) return 1;
  const cost = (m: TranslationMachine) =>
    translationCost({ workingSetMiB, footprintMiB, tlbEntries: m.tlbEntries, machine: m.walk }).slowdown;
  return cost(machine) / cost(REFERENCE_MACHINE);
}
