// The catalogue of hypervisor policies: each kind's label, description and parameter tables
// (policy-wide and per-VM). Only specs live here, so scenario validation needs no model code;
// the factories that build a running policy are in registry.ts.
import type { SpecTable } from '../scenario/paramSpec.ts';
import type { PolicyKind } from '../scenario/types.ts';

export interface PolicyCatalogEntry {
  kind: PolicyKind;
  label: string;
  description: string;
  /** Policy-wide parameters, given as keys of the scenario's `policy` object. */
  params: SpecTable;
  /** Per-VM parameters, given as keys of each VM object. */
  vmParams: SpecTable;
}

export const POLICY_CATALOG: Readonly<Partial<Record<PolicyKind, PolicyCatalogEntry>>> = {
  manual: {
    kind: 'manual',
    label: 'Manual',
    description: 'Each balloon target is set by hand (like virsh setmem, QEMU balloon or xl mem-set); the host swaps only when it runs out of frames.',
    params: {},
    vmParams: {},
  },
  none: {
    kind: 'none',
    label: 'No balloon',
    description: 'No balloon driver is used: when host frames run out the host swaps guest pages it cannot see into, which leads to double paging.',
    params: {},
    vmParams: {},
  },
};

export const POLICY_KINDS_ALL: readonly PolicyKind[] = ['manual', 'none', 'esx', 'vsphere', 'kvm-mom', 'xen', 'hyperv'];

export function policyEntry(kind: PolicyKind): PolicyCatalogEntry | undefined {
  return POLICY_CATALOG[kind];
}
