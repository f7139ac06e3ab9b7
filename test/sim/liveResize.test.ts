// Live footprint and file-size changes, carried out page by page as a guest kernel would: a cut
// footprint gives its resident pages back to the free list, frees its guest-swap slots and the
// page tables past the new end; a grown one is populated again; truncated files drop their
// cached pages, dirty ones included. Invariants are checked after every tick.
import { describe, expect, it } from 'vitest';
import { FLAG_DIRTY, PageKind } from '../../src/sim/guest/pageState.ts';
import { Process, pteIsSwapped } from '../../src/sim/guest/Process.ts';
import type { Simulation } from '../../src/sim/Simulation.ts';
import { MiB, runChecked, sim } from '../helpers/scenario.ts';

/** What a cut of process p to `pages` must drop: resident and swapped pages, and built tables. */
function tail(p: Process, pages: number): { resident: number; swapped: number; tables: number } {
  let resident = 0;
  let swapped = 0;
  for (let v = pages; v < p.virtualPages; v++) {
    if (p.pte[v] >= 0) resident++;
    else if (pteIsSwapped(p.pte[v])) swapped++;
  }
  let tables = 0;
  for (let level = 1; level < p.levels; level++) {
    const t = p.tables[level - 1];
    for (let i = Process.tableCount(level, pages); i < t.length; i++) if (t[i] >= 0) tables++;
  }
  return { resident, swapped, tables };
}

/** A 128 MiB guest whose 200 MiB program was populated into it (part of it on guest swap), and
 * that touches nothing after: every later change of free memory is the change's own. */
function swappedProgram(): Simulation {
  const s = sim({
    host: { memoryMiB: 512 },
    vms: [
      {
        memoryMiB: 128,
        kernelMiB: 16,
        guestSwapMiB: 256,
        workload: { kind: 'steady', activeMiB: 32, footprintMiB: 200, accessesPerSec: 0, writePercent: 50 },
      },
    ],
  });
  runChecked(s, 2);
  return s;
}

describe('live footprint', () => {
  it('a cut unmaps the tail: its resident pages go to the free list, its swap slots and page tables are freed', () => {
    const s = swappedProgram();
    const vm = s.vms[0];
    const p = vm.workload.process;
    const os = vm.os;
    expect(p.swapped).toBeGreaterThan(40 * MiB);
    const pages = 72 * MiB;
    const drop = tail(p, pages);
    expect(drop.resident).toBeGreaterThan(0);
    expect(drop.swapped).toBeGreaterThan(0);
    expect(drop.tables).toBeGreaterThan(0);
    const before = {
      free: os.mem.free,
      swap: os.swap.used,
      resident: p.resident,
      swapped: p.swapped,
      tables: p.tablePages,
      pt: os.mem.count(PageKind.PageTable),
    };
    vm.config.workload.footprintMiB = 72;
    runChecked(s, 0.1);
    expect(vm.workload.process).toBe(p);
    expect(p.virtualPages).toBe(pages);
    expect(p.resident).toBe(before.resident - drop.resident);
    expect(p.swapped).toBe(before.swapped - drop.swapped);
    expect(os.swap.used).toBe(before.swap - drop.swapped);
    expect(p.tablePages).toBe(before.tables - drop.tables);
    expect(os.mem.count(PageKind.PageTable)).toBe(before.pt - drop.tables);
    expect(os.mem.free).toBe(before.free + drop.resident + drop.tables);
    expect(vm.workload.populated).toBe(pages);
    runChecked(s, 1);
    expect(p.resident + p.swapped).toBe(pages);
  });

  it('a grown footprint is mapped and populated from where it stands', () => {
    const s = swappedProgram();
    const vm = s.vms[0];
    vm.config.workload.footprintMiB = 64;
    runChecked(s, 0.1);
    vm.config.workload.footprintMiB = 240;
    runChecked(s, 0.1);
    const p = vm.workload.process;
    expect(p.virtualPages).toBe(240 * MiB);
    expect(vm.workload.populated).toBeGreaterThan(64 * MiB);
    runChecked(s, 2);
    expect(vm.workload.populated).toBe(240 * MiB);
    expect(p.resident + p.swapped).toBe(240 * MiB);
    expect(p.swapped).toBeGreaterThan(100 * MiB);
  });

  it('a hog cut below what it grew stays there, and grows on when the footprint grows', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [{ memoryMiB: 256, workload: { kind: 'hog', activeMiB: 0, footprintMiB: 160, growMiBPerSec: 64, accessesPerSec: 0 } }],
    });
    runChecked(s, 1);
    const w = s.vms[0].workload;
    expect(w.populated).toBe(64 * MiB);
    w.config.footprintMiB = 32;
    runChecked(s, 1);
    expect(w.populated).toBe(32 * MiB);
    expect(w.process.resident).toBe(32 * MiB);
    w.config.footprintMiB = 160;
    runChecked(s, 1);
    expect(w.populated).toBe(96 * MiB);
  });

  it('a process killed by the OOM killer restarts with the footprint as it stands', () => {
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [
        {
          memoryMiB: 256,
          guestSwapMiB: 64,
          workload: { kind: 'hog', activeMiB: 0, footprintMiB: 600, growMiBPerSec: 128, accessesPerSec: 0 },
        },
      ],
    });
    const w = s.vms[0].workload;
    runChecked(s, 4, () => {
      if (!w.process.alive) w.config.footprintMiB = 100;
    });
    expect(w.restarts).toBe(0);
    runChecked(s, 6);
    expect(w.restarts).toBe(1);
    expect(w.process.virtualPages).toBe(100 * MiB);
    expect(w.process.alive).toBe(true);
  });
});

describe('live file data', () => {
  const reader = (): Simulation => {
    const s = sim({
      host: { memoryMiB: 512 },
      vms: [
        {
          memoryMiB: 256,
          workload: { kind: 'filecache', activeMiB: 64, footprintMiB: 16, fileMiB: 64, writePercent: 40, accessesPerSec: 20000 },
        },
      ],
    });
    runChecked(s, 4);
    return s;
  };

  it('a truncate drops the cached pages past the new end, dirty ones without writeback', () => {
    const s = reader();
    const vm = s.vms[0];
    const os = vm.os;
    let cachedTail = 0;
    let dirtyTail = 0;
    for (let fp = 16 * MiB; fp < os.fileMap.length; fp++) {
      const g = os.fileMap[fp];
      if (g < 0) continue;
      cachedTail++;
      if (os.mem.state[g] & FLAG_DIRTY) dirtyTail++;
    }
    expect(dirtyTail).toBeGreaterThan(0);
    const before = { free: os.mem.free, cache: os.mem.count(PageKind.Cache), dirty: os.mem.dirtyCache, writeback: os.stats.writeback };
    // Nothing touched in the tick of the truncate, so every change of the counts is its own.
    vm.config.workload.accessesPerSec = 0;
    vm.config.workload.activeMiB = 16;
    vm.config.workload.fileMiB = 16;
    runChecked(s, 0.1);
    expect(os.fileMap.length).toBe(16 * MiB);
    expect(os.mem.count(PageKind.Cache)).toBe(before.cache - cachedTail);
    expect(os.mem.dirtyCache).toBe(before.dirty - dirtyTail);
    expect(os.stats.writeback).toBe(before.writeback);
    expect(os.mem.free).toBe(before.free + cachedTail);
  });

  it('grown files are read into the cache past the old end', () => {
    const s = reader();
    const os = s.vms[0].os;
    s.vms[0].config.workload.fileMiB = 128;
    s.vms[0].config.workload.activeMiB = 128;
    runChecked(s, 4);
    expect(os.fileMap.length).toBe(128 * MiB);
    let past = 0;
    for (let fp = 64 * MiB; fp < os.fileMap.length; fp++) if (os.fileMap[fp] >= 0) past++;
    expect(past).toBeGreaterThan(16 * MiB);
  });

  it('a file size change of a workload that reads no files changes nothing', () => {
    const s = swappedProgram();
    s.vms[0].config.workload.fileMiB = 512;
    runChecked(s, 0.2);
    expect(s.vms[0].os.fileMap.length).toBe(0);
  });
});
