// The public entry points of the page walk: `translate` walks a process's guest-virtual address
// in two dimensions (guest page table x EPT), `translateGuestPhysical` walks one guest-physical
// address through the EPT only. Both are inspections: they read the simulation and never change
// it (no accessed bits, no allocation), so its stateHash is the same afterwards. Optional
// WalkCaches, owned by the caller, model the TLB, page walk cache and nested TLB.
import type { Simulation } from '../Simulation.ts';
import type { Vm } from '../Vm.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { addressWidthBits, hex, PAGE_OFFSET_BITS } from './addressBits.ts';
import { walkGuestPhysical, walkTwoDimensional, type ColdWalk } from './coldWalk.ts';
import type { NestedContext } from './nestedWalk.ts';
import type { RegionMemo } from './largePages.ts';
import type { PageSize } from './pageSizes.ts';
import { serveFromCaches } from './serveFromCaches.ts';
import type { WalkCaches } from './WalkCaches.ts';
import type { CacheHit, Walk } from './walkTypes.ts';

export interface TranslateOptions {
  /** A write access: a write to a shared copy-on-write frame is an EPT violation. */
  write?: boolean;
  /** Caches to consult and fill (created by the caller for this simulation). */
  caches?: WalkCaches;
  /** Largest page the guest maps process memory with (default '4 KiB': no guest large pages). */
  guestPageSize?: PageSize;
  /** Largest page the hypervisor backs the VM with (default: '2 MiB' if the scenario's
   * host.largePages is on, else '4 KiB'). */
  hostPageSize?: PageSize;
  /** Large-page region checks to share between walks of the same VM in the same model state
   * (each walk makes its own otherwise). */
  regionMemo?: RegionMemo;
}

function vmAt(sim: Simulation, vmIndex: number): Vm {
  const vm = sim.vms[vmIndex];
  if (!vm) throw new RangeError(`there is no VM ${vmIndex} (the simulation has ${sim.vms.length})`);
  return vm;
}

function nestedContext(sim: Simulation, vm: Vm, options: TranslateOptions): NestedContext {
  const hostPageSize = options.hostPageSize ?? (sim.scenario.host.largePages ? '2 MiB' : '4 KiB');
  return { ept: vm.ept, frames: sim.hv.frames, hostPageSize, regionMemo: options.regionMemo ?? new Map() };
}

/** A user-space (lower-half canonical) guest-virtual address for `levels`-level paging. */
function userAddress(address: number | bigint, levels: number): bigint {
  if (typeof address === 'number' && !Number.isSafeInteger(address)) {
    throw new RangeError(`guest-virtual address ${address} is not an exact whole number; pass a BigInt`);
  }
  const value = BigInt(address);
  const limit = 1n << BigInt(addressWidthBits(levels) - 1);
  if (value < 0n || value >= limit) {
    throw new RangeError(
      `guest-virtual address ${hex(value)} is not a user-space address with ${levels}-level paging (0 to ${hex(limit - 1n)})`,
    );
  }
  return value;
}

const countMemoryReferences = (cold: ColdWalk): number => cold.steps.filter((s) => s.servedBy === 'memory').length;

/** The two-dimensional walk of guestVirtualAddress in process `pid` of VM `vmIndex`. Throws a
 * RangeError for a VM or process that does not exist (or is not running) or an address outside
 * the user half of the guest's address space. */
export function translate(
  sim: Simulation,
  vmIndex: number,
  pid: number,
  guestVirtualAddress: number | bigint,
  options: TranslateOptions = {},
): Walk {
  const vm = vmAt(sim, vmIndex);
  const process = vm.os.processes[pid];
  if (!process || !process.alive || process.tables[process.levels - 1][0] < 0) {
    throw new RangeError(`VM ${vmIndex} has no running process ${pid}`);
  }
  const address = userAddress(guestVirtualAddress, process.levels);
  const write = options.write ?? false;
  const cold = walkTwoDimensional(nestedContext(sim, vm, options), process, address, write, options.guestPageSize ?? '4 KiB');
  let cacheHits: CacheHit[] = [];
  let invalidation: string | null = null;
  if (options.caches) {
    const vmCaches = options.caches.forVm(vmIndex, vm.ept.epoch);
    invalidation = vmCaches.invalidation;
    cacheHits = serveFromCaches(cold, vmCaches.caches, `${pid}:${address >> BigInt(PAGE_OFFSET_BITS)}`, write);
  }
  return {
    kind: 'two-dimensional',
    vmIndex,
    pid,
    guestVirtualAddress: hex(address),
    write,
    guestLevels: process.levels,
    eptLevels: vm.ept.levels,
    guestPageSize: cold.guestPageSize,
    hostPageSize: cold.dataWalk?.pageSize ?? null,
    steps: cold.steps,
    memoryReferences: countMemoryReferences(cold),
    cacheHits,
    invalidation,
    outcome: cold.outcome,
  };
}

/** The EPT-only walk of one guest-physical address of VM `vmIndex` (what the hardware does for
 * the guest's own physical accesses, and what a click on a guest-physical page shows). */
export function translateGuestPhysical(
  sim: Simulation,
  vmIndex: number,
  guestPhysicalAddress: number,
  options: Pick<TranslateOptions, 'write' | 'hostPageSize' | 'regionMemo'> = {},
): Walk {
  const vm = vmAt(sim, vmIndex);
  const sizeBytes = vm.ept.pages * PAGE_SIZE_BYTES;
  if (!Number.isSafeInteger(guestPhysicalAddress) || guestPhysicalAddress < 0 || guestPhysicalAddress >= sizeBytes) {
    throw new RangeError(`guest-physical address ${guestPhysicalAddress} is outside VM ${vmIndex}'s memory (0 to ${hex(sizeBytes - 1)})`);
  }
  const write = options.write ?? false;
  const cold = walkGuestPhysical(nestedContext(sim, vm, options), guestPhysicalAddress, write);
  return {
    kind: 'ept-only',
    vmIndex,
    pid: null,
    guestVirtualAddress: null,
    write,
    guestLevels: null,
    eptLevels: vm.ept.levels,
    guestPageSize: null,
    hostPageSize: cold.dataWalk?.pageSize ?? null,
    steps: cold.steps,
    memoryReferences: countMemoryReferences(cold),
    cacheHits: [],
    invalidation: null,
    outcome: cold.outcome,
  };
}
