// Inspection of one page for the detail panel: a host frame (who holds it, what for, how many
// guest pages share it) or a guest-physical page (the guest's use of it, its EPT entry and the
// host frame behind it). Reads the model, never changes it. Returns plain data for messages.
import { FLAG_DIRTY, FLAG_REFERENCED, FLAG_ZERO, kindOf, PAGE_KIND_NAMES } from '../sim/guest/pageState.ts';
import { EPT_ACCESSED, EPT_BALLOONED, EPT_COMPRESSED, EPT_UNTOUCHED, eptFrame, eptSwapSlot } from '../sim/host/Ept.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { BACKING_CELL_NAMES, GUEST_CELL_NAMES, HOST_CELL_NAMES } from './cellCodes.ts';
import { GUEST_CELL_OF_STATE } from './cellTables.ts';
import { backingOf } from './renderGuest.ts';
import { hostFrameCell } from './renderHost.ts';

export interface EptEntryInfo {
  raw: number;
  /** "present", "not present (never touched)", "ballooned", "compressed", "host-swapped". */
  state: string;
  backing: string;
  frame: number | null;
  accessed: boolean | null;
  swapSlot: number | null;
}

export interface HostFrameInfo {
  space: 'host';
  frame: number;
  use: string;
  vm: number | null;
  vmName: string | null;
  guestPage: number | null;
  mappings: number;
}

export interface GuestPageInfo {
  space: 'guest';
  vm: number;
  vmName: string;
  page: number;
  kind: string;
  use: string;
  flags: string[];
  ept: EptEntryInfo;
  hostFrame: HostFrameInfo | null;
}

export type PageInfo = HostFrameInfo | GuestPageInfo;

function eptInfo(sim: Simulation, e: number): EptEntryInfo {
  const base = { raw: e, backing: BACKING_CELL_NAMES[backingOf(sim, e)], frame: null, accessed: null, swapSlot: null };
  if (e >= 0) return { ...base, state: 'present', frame: eptFrame(e), accessed: (e & EPT_ACCESSED) !== 0 };
  if (e === EPT_UNTOUCHED) return { ...base, state: 'not present (never touched or discarded)' };
  if (e === EPT_BALLOONED) return { ...base, state: 'ballooned' };
  if (e === EPT_COMPRESSED) return { ...base, state: 'compressed' };
  return { ...base, state: 'host-swapped', swapSlot: eptSwapSlot(e) };
}

function hostInfo(sim: Simulation, f: number): HostFrameInfo {
  const o = sim.hv.frames.owner[f];
  const { code } = hostFrameCell(sim, f);
  const guest = o >= 0 && !sim.hv.frames.isCompression(f);
  const vm = o >= 0 ? sim.hv.frames.vmOf(f) : null;
  return {
    space: 'host',
    frame: f,
    use: HOST_CELL_NAMES[code],
    vm,
    vmName: vm === null ? null : (sim.vms[vm]?.name ?? null),
    guestPage: guest ? sim.hv.frames.gpfnOf(f) : null,
    mappings: o >= 0 ? sim.hv.frames.refCount(f) : 0,
  };
}

/** What the detail panel shows for a host frame or guest page; throws RangeError if out of range. */
/** A page to inspect: a host frame, or a VM's guest-physical page. */
export type InspectTarget = { space: 'host'; frame: number } | { space: 'guest'; vm: number; page: number };

export function inspectPage(sim: Simulation, target: InspectTarget): PageInfo {
  if (target.space === 'host') {
    if (!Number.isInteger(target.frame) || target.frame < 0 || target.frame >= sim.hv.frames.frameCount) {
      throw new RangeError(`host frame ${target.frame} does not exist (0 to ${sim.hv.frames.frameCount - 1})`);
    }
    return hostInfo(sim, target.frame);
  }
  const vm = sim.vms[target.vm];
  if (!vm) throw new RangeError(`there is no VM ${target.vm}`);
  if (!Number.isInteger(target.page) || target.page < 0 || target.page >= vm.os.mem.pages) {
    throw new RangeError(`guest-physical page ${target.page} does not exist in ${vm.name} (0 to ${vm.os.mem.pages - 1})`);
  }
  const state = vm.os.mem.state[target.page];
  const flags = [
    [FLAG_REFERENCED, 'referenced'],
    [FLAG_DIRTY, 'dirty'],
    [FLAG_ZERO, 'zero-filled'],
  ]
    .filter(([bit]) => (state & (bit as number)) !== 0)
    .map(([, name]) => name as string);
  const e = vm.ept.entries[target.page];
  return {
    space: 'guest',
    vm: target.vm,
    vmName: vm.name,
    page: target.page,
    kind: PAGE_KIND_NAMES[kindOf(state)],
    use: GUEST_CELL_NAMES[GUEST_CELL_OF_STATE[state]],
    flags,
    ept: eptInfo(sim, e),
    hostFrame: e >= 0 ? hostInfo(sim, eptFrame(e)) : null,
  };
}
