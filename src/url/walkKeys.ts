// The page walk's part of a link: what is walked, the step shown and the what-if settings.
//   addr=0.1.0x7f0000005123 (VM 0, process 1, guest-virtual)   addr=2.gpa.0x1a2000 (guest-physical)
//   walk.step=12  walk.caches=tlb,pwc,ntlb  walk.guest=2m  walk.host=1g  walk.write=1
// Read defensively like every view key: a bad value is ignored (or clamped) with a note.
import type { VmConfig } from '../sim/scenario/types.ts';
import { PAGE_SIZE_BYTES, PAGES_PER_MIB } from '../sim/units.ts';
import { PAGE_SIZES, type PageSize } from '../sim/walk/pageSizes.ts';
import { DEFAULT_WALK_WHAT_IF, MAX_WALK_REFERENCES, type WalkTarget, type WalkWhatIf } from '../sim/walk/walkTarget.ts';
import type { LinkParams } from './migrations.ts';

export interface WalkView {
  walkTarget: WalkTarget | null;
  /** The reference shown (1-based), or null for the whole walk. */
  walkStep: number | null;
  walkWhatIf: WalkWhatIf;
}

const CACHE_IDS = [
  ['tlb', 'tlb'],
  ['pwc', 'pageWalkCache'],
  ['ntlb', 'nestedTlb'],
] as const;
const SIZE_IDS: Record<PageSize, string> = { '4 KiB': '4k', '2 MiB': '2m', '1 GiB': '1g' };
const show = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);

export function walkToKeys(v: WalkView): LinkParams {
  const out: LinkParams = [];
  const t = v.walkTarget;
  if (t) out.push(['addr', t.space === 'guest-virtual' ? `${t.vm}.${t.pid}.${t.gva}` : `${t.vm}.gpa.${t.gpa}`]);
  if (v.walkStep !== null) out.push(['walk.step', String(v.walkStep)]);
  const w = v.walkWhatIf;
  const caches = CACHE_IDS.filter(([, key]) => w[key]).map(([id]) => id);
  if (caches.length > 0) out.push(['walk.caches', caches.join(',')]);
  if (w.guestPageSize !== DEFAULT_WALK_WHAT_IF.guestPageSize) out.push(['walk.guest', SIZE_IDS[w.guestPageSize]]);
  if (w.hostPageSize !== DEFAULT_WALK_WHAT_IF.hostPageSize) out.push(['walk.host', SIZE_IDS[w.hostPageSize]]);
  if (w.write) out.push(['walk.write', '1']);
  return out;
}

function target(value: string, vms: readonly VmConfig[]): WalkTarget | string {
  const m = /^(\d{1,2})\.(\d{1,6}|gpa)\.0x([0-9a-fA-F]{1,15})$/.exec(value);
  if (!m) return '<vm>.<pid>.0x<guest-virtual address> or <vm>.gpa.0x<guest-physical address>';
  const vm = Number(m[1]);
  if (vm >= vms.length) return `a VM number 0 to ${vms.length - 1}`;
  const address = BigInt(`0x${m[3]}`);
  const hex = `0x${address.toString(16)}`;
  if (m[2] === 'gpa') {
    const end = BigInt(vms[vm].memoryMiB * PAGES_PER_MIB * PAGE_SIZE_BYTES);
    return address < end
      ? { space: 'guest-physical', vm, gpa: hex }
      : `a guest-physical address 0x0 to 0x${(end - 1n).toString(16)} in VM ${vm}`;
  }
  const end = 1n << BigInt(12 + 9 * vms[vm].pageTableLevels - 1);
  return address < end
    ? { space: 'guest-virtual', vm, pid: Number(m[2]), gva: hex }
    : `a guest-virtual address 0x0 to 0x${(end - 1n).toString(16)} in VM ${vm}`;
}

function size(value: string): PageSize | null {
  return PAGE_SIZES.find((s) => SIZE_IDS[s] === value.toLowerCase()) ?? null;
}

/** Reads one walk key into `view`; a bad value leaves the default and adds a note. */
export function readWalkKey(key: string, value: string, vms: readonly VmConfig[], view: WalkView, notes: string[]): void {
  const bad = (allowed: string): void => void notes.push(`${key}: ${show(value)} is not valid (${allowed}); ignored`);
  if (key === 'addr') {
    const t = target(value, vms);
    if (typeof t === 'string') bad(t);
    else view.walkTarget = t;
  } else if (key === 'walk.step') {
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) return bad(`a reference number 1 to ${MAX_WALK_REFERENCES}`);
    view.walkStep = Math.min(MAX_WALK_REFERENCES, Number(value));
    if (view.walkStep !== Number(value)) notes.push(`${key}: ${value} is more than any walk makes; using ${MAX_WALK_REFERENCES}`);
  } else if (key === 'walk.caches') {
    const ids = value.split(',').filter((x) => x !== '');
    const known = CACHE_IDS.filter(([id]) => ids.includes(id));
    if (known.length !== ids.length)
      notes.push(
        `${key}: some entries of ${show(value)} are not caches (allowed tlb, pwc, ntlb); kept ${known.map(([id]) => id).join(', ') || 'none'}`,
      );
    view.walkWhatIf = { ...view.walkWhatIf, ...Object.fromEntries(known.map(([, k]) => [k, true])) };
  } else if (key === 'walk.guest' || key === 'walk.host') {
    const s = size(value);
    if (!s) return bad('4k, 2m or 1g');
    view.walkWhatIf = { ...view.walkWhatIf, [key === 'walk.guest' ? 'guestPageSize' : 'hostPageSize']: s };
  } else if (key === 'walk.write') {
    if (value === '1' || value === '0') view.walkWhatIf = { ...view.walkWhatIf, write: value === '1' };
    else bad('1 or 0');
  }
}
