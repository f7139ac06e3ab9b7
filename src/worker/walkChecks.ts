// Checks of a `walk` request, which comes from another thread and is not trusted: each field is
// checked against the model it asks about, and a bad one is a CommandError naming the field and
// its allowed range. Returns the request normalised (hex in lower case, defaults filled in).
import type { Simulation } from '../sim/Simulation.ts';
import { PAGE_SIZE_BYTES } from '../sim/units.ts';
import { addressWidthBits, hex } from '../sim/walk/addressBits.ts';
import { PAGE_SIZES, type PageSize } from '../sim/walk/pageSizes.ts';
import { DEFAULT_WALK_WHAT_IF, WALK_REGIONS, type WalkPick, type WalkRegion, type WalkWhatIf } from '../sim/walk/walkTarget.ts';
import { CommandError, parseAddress } from './commandChecks.ts';

export interface WalkRequest {
  pick: WalkPick;
  whatIf: WalkWhatIf;
}

/** Largest process id a walk may name (as links allow). */
export const MAX_WALK_PID = 999_999;

const show = (v: unknown): string => JSON.stringify(v)?.slice(0, 40) ?? String(v);

function whole(field: string, v: unknown, max: number): number {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > max)
    throw new CommandError(`walk: ${field} ${show(v)} is not valid (allowed 0 to ${max})`);
  return v as number;
}

function address(field: string, v: unknown, end: bigint, what: string): string {
  let a: bigint;
  try {
    a = parseAddress(v);
  } catch {
    throw new CommandError(`walk: ${field} ${show(v)} is not a hex address (allowed 0x0 to ${hex(end - 1n)}, ${what})`);
  }
  if (a >= end) throw new CommandError(`walk: ${field} ${hex(a)} is outside ${what} (allowed 0x0 to ${hex(end - 1n)})`);
  return hex(a);
}

function checkPick(sim: Simulation, raw: Record<string, unknown>): WalkPick {
  if (raw.space === 'host-physical') return { space: 'host-physical', frame: whole('frame', raw.frame, sim.hv.frames.frameCount - 1) };
  const vm = whole('vm', raw.vm, sim.vms.length - 1);
  const name = sim.vms[vm].name;
  if (raw.space === 'guest-physical') {
    return {
      space: 'guest-physical',
      vm,
      gpa: address('gpa', raw.gpa, BigInt(sim.vms[vm].ept.pages * PAGE_SIZE_BYTES), `${name}'s guest-physical memory`),
    };
  }
  const pid = whole('pid', raw.pid, MAX_WALK_PID);
  if (raw.space === 'region') {
    if (!(WALK_REGIONS as readonly unknown[]).includes(raw.region))
      throw new CommandError(`walk: region ${show(raw.region)} is not a region (allowed ${WALK_REGIONS.join(', ')})`);
    return { space: 'region', vm, pid, region: raw.region as WalkRegion };
  }
  if (raw.space !== 'guest-virtual')
    throw new CommandError(`walk: space ${show(raw.space)} is not valid (allowed guest-virtual, guest-physical, host-physical, region)`);
  const levels = sim.scenario.vms[vm].pageTableLevels;
  const end = 1n << BigInt(addressWidthBits(levels) - 1);
  return { space: 'guest-virtual', vm, pid, gva: address('gva', raw.gva, end, `the user half of ${name}'s ${levels}-level address space`) };
}

function flag(field: keyof WalkWhatIf, v: unknown): boolean {
  if (v === undefined) return DEFAULT_WALK_WHAT_IF[field] as boolean;
  if (typeof v !== 'boolean') throw new CommandError(`walk: whatIf.${field} ${show(v)} is not valid (allowed true or false)`);
  return v;
}

function size(field: 'guestPageSize' | 'hostPageSize', v: unknown): PageSize {
  if (v === undefined) return DEFAULT_WALK_WHAT_IF[field];
  if (!(PAGE_SIZES as readonly unknown[]).includes(v))
    throw new CommandError(`walk: whatIf.${field} ${show(v)} is not a page size (allowed ${PAGE_SIZES.join(', ')})`);
  return v as PageSize;
}

export function checkWalkRequest(sim: Simulation, raw: unknown): WalkRequest {
  const r = (raw ?? {}) as { pick?: unknown; whatIf?: unknown };
  if (typeof r.pick !== 'object' || r.pick === null)
    throw new CommandError('walk: pick is missing (allowed a guest-virtual, guest-physical, host-physical or region pick)');
  const w = (typeof r.whatIf === 'object' && r.whatIf !== null ? r.whatIf : {}) as Record<string, unknown>;
  return {
    pick: checkPick(sim, r.pick as Record<string, unknown>),
    whatIf: {
      tlb: flag('tlb', w.tlb),
      pageWalkCache: flag('pageWalkCache', w.pageWalkCache),
      nestedTlb: flag('nestedTlb', w.nestedTlb),
      guestPageSize: size('guestPageSize', w.guestPageSize),
      hostPageSize: size('hostPageSize', w.hostPageSize),
      write: flag('write', w.write),
    },
  };
}
