// One walk as the page-walk view shows it, with everything around it: the walk of a target
// under the what-if settings (cold, or with any cache on the same page walked again with the
// caches the first walk filled), the reference counts each toggle would give (real walks of the
// same target; for paging levels other than the scenario's, the reference's plan of a complete
// walk, since the model's tables have the scenario's levels), the semantic gap of the
// guest-physical page the walk reached, and the VM's processes. Pure inspection: the caches are
// fresh for every call, so the same model state, target and settings give the same answer.
import { VA_BASE } from '../guest/Process.ts';
import { kindOf, PAGE_KIND_NAMES } from '../guest/pageState.ts';
import { EPT_ACCESSED, EPT_BALLOONED, EPT_COMPRESSED, EPT_UNTOUCHED, eptFrame, eptSwapSlot } from '../host/Ept.ts';
import type { Simulation } from '../Simulation.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { hex } from './addressBits.ts';
import type { RegionMemo } from './largePages.ts';
import { levelsRead, PAGE_SIZES } from './pageSizes.ts';
import { translate, translateGuestPhysical } from './translate.ts';
import { WalkCaches } from './WalkCaches.ts';
import { plannedReferences, type WalkSettings } from './walkPlan.ts';
import { settingsKey, type WalkTarget, type WalkWhatIf } from './walkTarget.ts';
import type { Walk } from './walkTypes.ts';

/** TLB entries of the what-if TLB when the scenario has none (a fresh TLB needs only one). */
const WHAT_IF_TLB_ENTRIES = 64;

export interface WalkCount {
  settings: WalkSettings;
  cold: number;
  repeated: number;
  /** 'walked': this target's real walks; 'planned': the reference's complete walk. */
  source: 'walked' | 'planned';
}

/** The semantic gap of one guest-physical page: the guest's use, and the EPT entry. */
export interface WalkGap {
  guestPhysicalPage: number;
  guestKind: (typeof PAGE_KIND_NAMES)[number];
  ept: 'present' | 'never touched' | 'ballooned' | 'compressed' | 'host-swapped';
  /** Present and mapping a frame shared by page sharing (read-only: a write is copy-on-write). */
  shared: boolean;
  hostFrame: number | null;
  /** The EPT accessed bit (false when not present). */
  accessed: boolean;
  hostSwapSlot: number | null;
}

export interface WalkProcess {
  pid: number;
  name: string;
  /** The process's mapping: [firstGva, endGva), hex. */
  firstGva: string;
  endGva: string;
}

export interface WalkExploration {
  target: WalkTarget;
  vmName: string;
  /** Model time of the state walked, ms. */
  timeMs: number;
  processes: WalkProcess[];
  /** The walk shown: the repeated walk when a cache is on, else the cold walk. */
  walk: Walk;
  settings: WalkSettings;
  counts: WalkCount[];
  gap: WalkGap | null;
}

const CACHE_KEYS = ['tlb', 'pageWalkCache', 'nestedTlb'] as const;

/** The cold and the repeated walk of target with settings s. */
function walkPair(
  sim: Simulation,
  target: WalkTarget,
  s: WalkSettings,
  write: boolean,
  regionMemo: RegionMemo,
): { cold: Walk; repeated: Walk } {
  if (target.space === 'guest-physical') {
    const cold = translateGuestPhysical(sim, target.vm, Number(target.gpa), { write, hostPageSize: s.hostPageSize, regionMemo });
    return { cold, repeated: cold };
  }
  const tlbEntries = s.tlb ? Math.max(sim.scenario.host.tlbEntries, WHAT_IF_TLB_ENTRIES) : 0;
  const caches = new WalkCaches({ tlbEntries, pageWalkCache: s.pageWalkCache, nestedTlb: s.nestedTlb });
  const options = { caches, write, guestPageSize: s.guestPageSize, hostPageSize: s.hostPageSize, regionMemo };
  const cold = translate(sim, target.vm, target.pid, BigInt(target.gva), options);
  return { cold, repeated: translate(sim, target.vm, target.pid, BigInt(target.gva), options) };
}

export function gapOf(sim: Simulation, vm: number, gpfn: number): WalkGap {
  const e = sim.vms[vm].ept.entries[gpfn];
  const ept =
    e >= 0
      ? 'present'
      : e === EPT_UNTOUCHED
        ? 'never touched'
        : e === EPT_BALLOONED
          ? 'ballooned'
          : e === EPT_COMPRESSED
            ? 'compressed'
            : 'host-swapped';
  return {
    guestPhysicalPage: gpfn,
    guestKind: PAGE_KIND_NAMES[kindOf(sim.vms[vm].os.mem.state[gpfn])],
    ept,
    hostFrame: e >= 0 ? eptFrame(e) : null,
    shared: e >= 0 && sim.hv.frames.isShared(eptFrame(e)),
    accessed: e >= 0 && (e & EPT_ACCESSED) !== 0,
    hostSwapSlot: ept === 'host-swapped' ? eptSwapSlot(e) : null,
  };
}

/** The guest-physical page a walk reached (its data or the table page it failed on), if any. */
function reachedPage(walk: Walk): number | null {
  const o = walk.outcome;
  return o.kind === 'guest-page-fault' ? null : Math.floor(Number(o.guestPhysicalAddress) / PAGE_SIZE_BYTES);
}

/** The settings the toggles offer from s: s, each cache flipped, each page size; the other levels. */
function variants(s: WalkSettings): { walked: WalkSettings[]; planned: WalkSettings[] } {
  const walked = [
    s,
    ...CACHE_KEYS.map((k) => ({ ...s, [k]: !s[k] })),
    ...PAGE_SIZES.map((g) => ({ ...s, guestPageSize: g })),
    ...PAGE_SIZES.map((h) => ({ ...s, hostPageSize: h })),
  ];
  const planned = [4, 5]
    .map((levels) => ({ ...s, guestLevels: levels, eptLevels: levels }))
    .filter((p) => settingsKey(p) !== settingsKey(s));
  return { walked, planned };
}

/** The walk of target (already checked to exist) under whatIf, with the toggles' counts. */
export function exploreWalk(sim: Simulation, target: WalkTarget, whatIf: WalkWhatIf): WalkExploration {
  const vm = sim.vms[target.vm];
  const settings: WalkSettings = {
    guestLevels: sim.scenario.vms[target.vm].pageTableLevels,
    eptLevels: vm.ept.levels,
    guestPageSize: whatIf.guestPageSize,
    hostPageSize: whatIf.hostPageSize,
    tlb: whatIf.tlb,
    pageWalkCache: whatIf.pageWalkCache,
    nestedTlb: whatIf.nestedTlb,
  };
  const counts = new Map<string, WalkCount>();
  let shown: Walk | null = null;
  const { walked, planned } = variants(settings);
  // Every walk here reads the same VM in the same state, so they share their region checks.
  const regionMemo: RegionMemo = new Map();
  for (const s of walked) {
    const key = settingsKey(s);
    if (counts.has(key)) continue;
    const pair = walkPair(sim, target, s, whatIf.write, regionMemo);
    counts.set(key, { settings: s, cold: pair.cold.memoryReferences, repeated: pair.repeated.memoryReferences, source: 'walked' });
    shown ??= s.tlb || s.pageWalkCache || s.nestedTlb ? pair.repeated : pair.cold;
  }
  // An EPT-only walk reads one nested walk: its levels, whatever the caches (none apply to it).
  const plan = (s: WalkSettings) =>
    target.space === 'guest-physical'
      ? { cold: levelsRead(s.eptLevels, s.hostPageSize), repeated: levelsRead(s.eptLevels, s.hostPageSize) }
      : plannedReferences(s);
  for (const s of planned) counts.set(settingsKey(s), { settings: s, ...plan(s), source: 'planned' });
  const walk = shown!;
  const gpfn = reachedPage(walk);
  const processes = vm.os.processes
    .filter((p) => p !== null && p.alive)
    .map((p) => ({
      pid: p!.pid,
      name: p!.name,
      firstGva: hex(VA_BASE),
      endGva: hex(VA_BASE + p!.virtualPages * PAGE_SIZE_BYTES),
    }));
  return {
    target,
    vmName: vm.name,
    timeMs: sim.timeMs,
    processes,
    walk,
    settings,
    counts: [...counts.values()],
    gap: gpfn === null ? null : gapOf(sim, target.vm, gpfn),
  };
}
