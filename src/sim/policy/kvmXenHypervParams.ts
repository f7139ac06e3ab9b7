// Parameter tables of the KVM/MOM, Xen/squeezed and Hyper-V policies (catalog.ts entries):
// policy-wide keys of the scenario's `policy` object and per-VM keys of each VM object.
// They drive validation, links and sliders; defaults cite their source.
import { flag, num, type SpecTable } from '../scenario/paramSpec.ts';
import { MAX_VM_MIB } from '../scenario/params.ts';
import { HV_BUFFER_DEFAULT_PERCENT, HV_BUFFER_MAX_PERCENT, HV_BUFFER_MIN_PERCENT, HV_WEIGHT_DEFAULT } from './hypervBalancer.ts';

export const MOM_PARAMS = {
  balloonEnabled: flag(
    'MOM ballooning',
    true,
    'vdsm balloonEnabled: let mom.d/02-balloon.policy shrink guests under host pressure. Off, MOM still grows ballooned guests and keeps each at its guaranteed minimum (vdsm ships it off; the engine enables it per cluster).',
  ),
  ksmControl: flag(
    'MOM controls KSM',
    true,
    'Run the KSM rule of 03-ksm.policy: start KSM when the host is committed or short, and raise pages_to_scan by 300 (or lower it by 50) each run within 64-1250.',
  ),
} as const satisfies SpecTable;

export const XEN_VM_PARAMS = {
  dynamicMinMiB: num(
    'Dynamic minimum',
    'MiB',
    0,
    MAX_VM_MIB,
    256,
    'Xen dynamic-min: the smallest target squeezed may give this domain (capped at the dynamic maximum).',
    { step: 16 },
  ),
  dynamicMaxMiB: num(
    'Dynamic maximum',
    'MiB',
    16,
    MAX_VM_MIB,
    MAX_VM_MIB,
    'Xen dynamic-max: the largest target squeezed may give this domain (capped at the VM memory).',
    { step: 16 },
  ),
} as const satisfies SpecTable;

export const HYPERV_VM_PARAMS = {
  startupMiB: num(
    'Startup RAM',
    'MiB',
    32,
    MAX_VM_MIB,
    1024,
    "Memory online when the VM boots; the rest of its memory (up to the VM memory) is a hot-add region (capped at the VM memory). The minimum is the VM's minMiB.",
    { step: 16 },
  ),
  maxMiB: num(
    'Maximum RAM',
    'MiB',
    32,
    MAX_VM_MIB,
    MAX_VM_MIB,
    'The most Dynamic Memory may give the VM (capped at the VM memory, the largest guest-physical size).',
    { step: 16 },
  ),
  bufferPercent: num(
    'Memory buffer',
    '%',
    HV_BUFFER_MIN_PERCENT,
    HV_BUFFER_MAX_PERCENT,
    HV_BUFFER_DEFAULT_PERCENT,
    'Extra memory over demand Hyper-V tries to give (Set-VMMemory -Buffer, 5-2000, default 20): target = demand x (1 + buffer/100), pressure 83 at 20%.',
  ),
  weight: num(
    'Memory weight',
    '',
    0,
    100,
    HV_WEIGHT_DEFAULT,
    'Who gets memory when the host cannot meet every buffer (Set-VMMemory -Priority, 0-100, default 50).',
  ),
} as const satisfies SpecTable;
