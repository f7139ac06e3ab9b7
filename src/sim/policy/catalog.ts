// The catalogue of hypervisor policies: each kind's label, description and parameter tables
// (policy-wide and per-VM). Only specs live here, so scenario validation needs no model code;
// the factories that build a running policy are in registry.ts.
import type { SpecTable } from '../scenario/paramSpec.ts';
import { POLICY_KINDS } from '../scenario/params.ts';
import type { PolicyKind } from '../scenario/types.ts';
import { HYPERV_VM_PARAMS, MOM_PARAMS, XEN_VM_PARAMS } from './kvmXenHypervParams.ts';
import { ESX_PARAMS, VSPHERE_PARAMS } from './esx/vmwareParams.ts';

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
    description:
      'Each balloon target is set by hand (like virsh setmem, QEMU balloon or xl mem-set); the host swaps only when it runs out of frames.',
    params: {},
    vmParams: {},
  },
  none: {
    kind: 'none',
    label: 'No balloon',
    description:
      'No balloon driver is used: when host frames run out the host swaps guest pages it cannot see into, which leads to double paging.',
    params: {},
    vmParams: {},
  },
  esx: {
    kind: 'esx',
    label: 'VMware ESX (2002)',
    description:
      "Waldspurger's ESX Server (OSDI 2002): targets from shares with the idle memory tax, active memory estimated by sampling, and free-memory states high/soft/hard/low (6/4/2/1% of host memory): balloon in Soft, swap in Hard, block in Low.",
    params: ESX_PARAMS,
    vmParams: {},
  },
  vsphere: {
    kind: 'vsphere',
    label: 'VMware vSphere 6',
    description:
      'vSphere 6: the ESX scheduler with the Mem.MinFreePct sliding scale and five states: High, Clear (break large pages, TPS), Soft (balloon), Hard (compress and swap, ballooning stops), Low (block). TPS salted to within each VM by default.',
    params: VSPHERE_PARAMS,
    vmParams: {},
  },
  'kvm-mom': {
    kind: 'kvm-mom',
    label: 'KVM with oVirt MOM',
    description:
      'oVirt MOM as vdsm runs it, every 15 s on the mean of the last 10 samples: under host pressure (free < 20%) each balloon shrinks the guest by 5% down to its used memory plus a free share that scales with host free memory; otherwise guests grow back at least 5% a run, up to that floor. MOM also starts KSM and makes it scan harder while the host is short.',
    params: MOM_PARAMS,
    vmParams: {},
  },
  xen: {
    kind: 'xen',
    label: 'Xen with squeezed',
    description:
      "XAPI squeezed sets every domain's target (as xl mem-set) so all sit at the same ratio of their dynamic range and the host keeps 72 MiB free; it checks every 10 s and balances in 1 s steps, leaving out a balloon driver stuck for more than 5 s.",
    params: {},
    vmParams: XEN_VM_PARAMS,
  },
  hyperv: {
    kind: 'hyperv',
    label: 'Hyper-V Dynamic Memory',
    description:
      'Hyper-V gives each VM its demand plus a buffer (pressure 83 at 20%), growing it by hot-add above its startup memory or by deflating, shrinking it by balloon; memory weight decides when the host is short.',
    params: {},
    vmParams: HYPERV_VM_PARAMS,
  },
};

/** Every policy kind of the scenario format, in the order the picker lists them. */
export const POLICY_KINDS_ALL: readonly PolicyKind[] = POLICY_KINDS;

export function policyEntry(kind: PolicyKind): PolicyCatalogEntry | undefined {
  return POLICY_CATALOG[kind];
}
