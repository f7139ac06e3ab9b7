// The model's invariants, as one function the tests call after every tick. It recounts
// everything from the page arrays (O(memory), for tests and the debug panel, not the hot path)
// and returns one message per violation; an empty list means the state is consistent.
//  - every host frame is free, hypervisor-owned, in a compression cache, or backs exactly the
//    guest pages that map it (shared frames: reference count = mappings);
//  - every guest page in use that maps a shared frame holds exactly the content the sharing
//    table recorded for that frame (no false sharing; a free page's bytes are garbage);
//  - ballooned guest pages have no host frame (unless the guest touched one anyway: a buggy
//    guest, guest/touchGuestPhysical.ts), and only ballooned pages are EPT_BALLOONED;
//  - per-kind page counts, list lengths and EPT counters match a recount, for host and guests;
//  - balloon actual equals the pages on the balloon list and never exceeds guest memory;
//  - swap slots in use match the entries that point at them; every cache page caches its file
//    page, and the dirty-cache counter matches;
//  - each process's resident, swapped and table-page counters match its page tables, and each
//    table it has built is a page-table page that names it;
//  - the working set's window lies inside the running process's mapping and files.
import { LruList } from './guest/GuestMemory.ts';
import { FLAG_DIRTY, KIND_MASK, PAGE_KIND_COUNT, PageKind } from './guest/pageState.ts';
import { anonRmap, Process } from './guest/Process.ts';
import { EPT_BALLOONED, EPT_FRAME_MASK, EPT_READONLY, eptKind, EptKind } from './host/Ept.ts';
import { guestPageRef } from './host/guestPageRef.ts';
import { OWNER_HYPERVISOR } from './host/HostFrames.ts';
import type { Simulation } from './Simulation.ts';

const MAX_MESSAGES = 20;

export function checkInvariants(sim: Simulation): string[] {
  const out: string[] = [];
  const fail = (msg: string): void => {
    if (out.length < MAX_MESSAGES) out.push(msg);
  };
  const hv = sim.hv;
  const frames = hv.frames;
  const mappings = new Int32Array(frames.frameCount);
  let hostSwapped = 0;
  sim.vms.forEach((vm) => {
    const { ept, os } = vm;
    const mem = os.mem;
    const eptCounts = new Float64Array(5);
    let sharedMapped = 0;
    const kindCounts = new Float64Array(PAGE_KIND_COUNT);
    // Hot loops read constants and arrays through locals: these checks run after every test tick.
    const entries = ept.entries;
    const state = mem.state;
    const owner = frames.owner;
    const kindMask = KIND_MASK;
    const balloonKind = PageKind.Balloon;
    const present = EptKind.Present;
    const balloonedEntry = EPT_BALLOONED;
    const readOnly = EPT_READONLY;
    const ownerBase = guestPageRef(vm.index, 0);
    const frameMask = EPT_FRAME_MASK;
    for (let g = 0; g < entries.length; g++) {
      const e = entries[g];
      const k = e >= 0 ? present : eptKind(e);
      eptCounts[k]++;
      const kind = state[g] & kindMask;
      kindCounts[kind]++;
      if (k === present) {
        const f = e & frameMask;
        mappings[f]++;
        const shared = frames.isShared(f);
        if (shared) {
          sharedMapped++;
          if (kind !== PageKind.Free && os.contentIdentity(g) !== sim.sharing.frameContent(f)) {
            fail(
              `${vm.name}: page ${g} holds content ${os.contentIdentity(g)} but maps shared frame ${f} holding ${sim.sharing.frameContent(f)}`,
            );
          }
        } else if (owner[f] !== (ownerBase | g)) fail(`${vm.name}: page ${g} maps frame ${f} owned by ${owner[f]}`);
        if (shared !== ((e & readOnly) !== 0))
          fail(`${vm.name}: page ${g} maps frame ${f} ${shared ? 'shared but writable' : 'private but read-only'}`);
      } else if (e <= -16) hostSwapped++;
      // A balloon page is unmapped, or mapped again by a buggy guest's touch (touchGuestPhysical).
      if (kind === balloonKind ? e !== balloonedEntry && e < 0 : e === balloonedEntry)
        fail(`${vm.name}: page ${g} is ${kind === balloonKind ? 'ballooned' : 'not ballooned'} but its EPT entry is ${e}`);
    }
    for (let k = 0; k < 5; k++)
      if (eptCounts[k] !== ept.counts[k]) fail(`${vm.name}: EPT counter ${k} is ${ept.counts[k]}, recount ${eptCounts[k]}`);
    if (sharedMapped !== ept.sharedMapped) fail(`${vm.name}: shared mappings ${ept.sharedMapped}, recount ${sharedMapped}`);
    for (let k = 0; k < PAGE_KIND_COUNT; k++)
      if (kindCounts[k] !== mem.counts[k]) fail(`${vm.name}: ${k} pages counted ${mem.counts[k]}, recount ${kindCounts[k]}`);
    if (mem.countFreeList() !== mem.free) fail(`${vm.name}: free list holds ${mem.countFreeList()}, counter ${mem.free}`);
    if (mem.countLru(LruList.Anon) !== mem.count(PageKind.Anon)) fail(`${vm.name}: anon LRU length differs from anon pages`);
    if (mem.countLru(LruList.File) !== mem.count(PageKind.Cache)) fail(`${vm.name}: file LRU length differs from cache pages`);
    const ballooned = mem.countBalloonList();
    if (ballooned !== mem.count(PageKind.Balloon))
      fail(`${vm.name}: balloon list holds ${ballooned}, balloon pages ${mem.count(PageKind.Balloon)}`);
    const actual = vm.driver?.actualPages ?? 0;
    if (actual !== ballooned) fail(`${vm.name}: balloon actual ${actual} differs from ballooned pages ${ballooned}`);
    if (actual > mem.pages) fail(`${vm.name}: balloon actual ${actual} exceeds guest memory ${mem.pages}`);
    let swappedPtes = 0;
    for (const p of os.processes) {
      if (!p) continue;
      let resident = 0;
      let swapped = 0;
      const pte = p.pte;
      const rmap = mem.rmap;
      const anonKind = PageKind.Anon;
      const rmapBase = anonRmap(p.pid, 0);
      for (let v = 0; v < pte.length; v++) {
        const e = pte[v];
        if (e >= 0) {
          resident++;
          if ((state[e] & kindMask) !== anonKind || rmap[e] !== (rmapBase | v))
            fail(`${vm.name}: pid ${p.pid} page ${v} maps guest page ${e} that is not its anon page`);
        } else if (e < -1) swapped++;
      }
      swappedPtes += swapped;
      if (resident !== p.resident) fail(`${vm.name}: pid ${p.pid} resident ${p.resident}, recount ${resident}`);
      if (swapped !== p.swapped) fail(`${vm.name}: pid ${p.pid} swapped ${p.swapped}, recount ${swapped}`);
      let tablePages = 0;
      p.tables.forEach((table, i) => {
        if (table.length !== Process.tableCount(i + 1, pte.length))
          fail(`${vm.name}: pid ${p.pid} has ${table.length} level-${i + 1} table slots for ${pte.length} pages`);
        for (let slot = 0; slot < table.length; slot++) {
          const g = table[slot];
          if (g < 0) continue;
          tablePages++;
          if ((state[g] & kindMask) !== PageKind.PageTable || rmap[g] !== Process.tableRmap(p.pid, i + 1, slot))
            fail(`${vm.name}: pid ${p.pid} level-${i + 1} table ${slot} is guest page ${g}, not its page-table page`);
        }
      });
      if (tablePages !== p.tablePages) fail(`${vm.name}: pid ${p.pid} table pages ${p.tablePages}, recount ${tablePages}`);
    }
    const ws = vm.workload.workingSet;
    const app = vm.workload.process;
    if (app.alive && (ws.lo > ws.hi || ws.hi > app.virtualPages || ws.filePages > os.fileMap.length)) {
      fail(
        `${vm.name}: working set [${ws.lo}, ${ws.hi}) + ${ws.filePages} file pages outside ${app.virtualPages} virtual and ${os.fileMap.length} file pages`,
      );
    }
    if (swappedPtes !== os.swap.used) fail(`${vm.name}: guest swap has ${os.swap.used} slots used, ${swappedPtes} entries point to it`);
    let cached = 0;
    let dirty = 0;
    for (let fp = 0; fp < os.fileMap.length; fp++) {
      const g = os.fileMap[fp];
      if (g < 0) continue;
      cached++;
      if (mem.state[g] & FLAG_DIRTY) dirty++;
      if ((mem.state[g] & KIND_MASK) !== PageKind.Cache || mem.rmap[g] !== fp)
        fail(`${vm.name}: file page ${fp} cached in guest page ${g} that is not its cache page`);
    }
    if (cached !== mem.count(PageKind.Cache)) fail(`${vm.name}: ${mem.count(PageKind.Cache)} cache pages, ${cached} file pages cached`);
    if (dirty !== mem.dirtyCache) fail(`${vm.name}: dirty cache counter ${mem.dirtyCache}, recount ${dirty}`);
    const cache = hv.vms[vm.index].compression;
    if ((cache?.pages ?? 0) !== ept.counts[EptKind.Compressed])
      fail(`${vm.name}: compression cache holds ${cache?.pages ?? 0}, EPT says ${ept.counts[EptKind.Compressed]}`);
  });
  let free = 0;
  let hypervisor = 0;
  let compression = 0;
  for (let f = 0; f < frames.frameCount; f++) {
    const owner = frames.owner[f];
    if (frames.isFree(f)) {
      free++;
      if (mappings[f] !== 0) fail(`frame ${f} is free but mapped ${mappings[f]} times`);
    } else if (owner === OWNER_HYPERVISOR) hypervisor++;
    else if (frames.isCompression(f)) compression++;
    else if (frames.isShared(f)) {
      if (frames.refCount(f) !== mappings[f]) fail(`shared frame ${f} has refcount ${frames.refCount(f)} but ${mappings[f]} mappings`);
    } else if (mappings[f] !== 1) fail(`frame ${f} is held by ${owner} but mapped ${mappings[f]} times`);
  }
  if (free !== frames.freeFrames || frames.countFreeList() !== free)
    fail(`host free frames: counter ${frames.freeFrames}, list ${frames.countFreeList()}, recount ${free}`);
  if (hypervisor !== frames.hypervisorFrames) fail(`hypervisor frames: counter ${frames.hypervisorFrames}, recount ${hypervisor}`);
  const cacheFrames = hv.vms.reduce((s, v) => s + (v.compression?.frames.length ?? 0), 0);
  if (compression !== cacheFrames) fail(`compression frames: caches hold ${cacheFrames}, recount ${compression}`);
  if (hostSwapped !== hv.swap.used) fail(`host swap has ${hv.swap.used} slots used, ${hostSwapped} EPT entries point to it`);
  return out;
}
