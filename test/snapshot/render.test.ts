// The snapshot renderers: one cell per page matches the model page by page; coarser levels of
// detail give each cell the most common code of its pages; partial (band) renders agree with
// whole renders; windows are clamped, never out of bounds.
import { describe, expect, it } from 'vitest';
import { BackingCell, GuestCell, HostCell, NO_OWNER } from '../../src/snapshot/cellCodes.ts';
import { clampWindow, pagesPerCell } from '../../src/snapshot/mapWindow.ts';
import { Tally } from '../../src/snapshot/mode.ts';
import { backingOf, renderGuestMap } from '../../src/snapshot/renderGuest.ts';
import { hostFrameCell, renderHostMap } from '../../src/snapshot/renderHost.ts';
import { GUEST_CELL_OF_STATE } from '../../src/snapshot/cellTables.ts';
import { sim } from '../helpers/scenario.ts';

const small = () => {
  const s = sim({
    host: { memoryMiB: 256, swapMiB: 256 },
    vms: [
      { name: 'a', memoryMiB: 128, workload: { kind: 'steady', activeMiB: 32, footprintMiB: 64 }, balloon: { targetMiB: 32 } },
      { name: 'b', memoryMiB: 128, workload: { kind: 'filecache', activeMiB: 16, footprintMiB: 16, fileMiB: 64 } },
    ],
  });
  s.run(5);
  return s;
};

function mode(codes: number[]): number {
  const n = new Map<number, number>();
  for (const c of codes) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];
}

describe('host map renderer', () => {
  const s = small();
  const frames = s.hv.frames.frameCount;

  it("one cell per frame reproduces each frame's code and owner", () => {
    const cells = new Uint8Array(frames);
    const owners = new Uint8Array(frames);
    const f = renderHostMap(s, { firstPage: 0, pageCount: frames, cells: frames }, cells, owners);
    expect(f.pagesPerCell).toBe(1);
    const expected = Array.from({ length: frames }, (_, i) => hostFrameCell(s, i));
    expect(Array.from(cells)).toEqual(expected.map((e) => e.code));
    expect(Array.from(owners)).toEqual(expected.map((e) => e.owner));
    const seen = new Set(cells);
    expect(seen.has(HostCell.Free) || seen.has(HostCell.GuestAnon)).toBe(true);
    expect(seen.has(HostCell.Hypervisor)).toBe(true);
    for (let i = 0; i < frames; i++) if (cells[i] === HostCell.Free || cells[i] === HostCell.Hypervisor) expect(owners[i]).toBe(NO_OWNER);
  });

  it('a coarse cell holds the most common code of its frames', () => {
    const perFrame = Array.from({ length: frames }, (_, i) => hostFrameCell(s, i).code);
    const cellCount = 1000;
    const cells = new Uint8Array(cellCount);
    const owners = new Uint8Array(cellCount);
    const f = renderHostMap(s, { firstPage: 0, pageCount: frames, cells: cellCount }, cells, owners);
    const ppc = f.pagesPerCell;
    expect(ppc).toBe(Math.ceil(frames / cellCount));
    for (let c = 0; c * ppc < frames; c++) expect(cells[c]).toBe(mode(perFrame.slice(c * ppc, (c + 1) * ppc)));
  });

  it('a range render equals the same cells of a whole render', () => {
    const w = { firstPage: 100, pageCount: 20000, cells: 3000 };
    const all = new Uint8Array(3000);
    const allOwners = new Uint8Array(3000);
    renderHostMap(s, w, all, allOwners);
    const part = new Uint8Array(3000).fill(99);
    const partOwners = new Uint8Array(3000);
    renderHostMap(s, w, part, partOwners, new Tally(), [500, 1200]);
    expect(part.subarray(500, 1200)).toEqual(all.subarray(500, 1200));
    expect(part[499]).toBe(99);
    expect(part[1200]).toBe(99);
  });
});

describe('guest map renderer', () => {
  const s = small();
  const pages = s.vms[0].os.mem.pages;

  it('one cell per page gives the guest use and the EPT backing', () => {
    const cells = new Uint8Array(pages);
    const backing = new Uint8Array(pages);
    renderGuestMap(s, 0, { firstPage: 0, pageCount: pages, cells: pages }, cells, backing);
    expect(Array.from(cells)).toEqual(Array.from(s.vms[0].os.mem.state, (st) => GUEST_CELL_OF_STATE[st]));
    expect(Array.from(backing)).toEqual(Array.from(s.vms[0].ept.entries, (e) => backingOf(s, e)));
    const seen = new Set(cells);
    for (let g = 0; g < pages; g++) if (cells[g] === GuestCell.Balloon && backing[g] !== BackingCell.Ballooned) expect.fail(`page ${g}`);
    expect(seen.has(GuestCell.Balloon)).toBe(true);
    expect(seen.has(GuestCell.Kernel)).toBe(true);
  });

  it('a coarse cell holds the most common code of its pages, for use and backing', () => {
    const cellCount = 777;
    const cells = new Uint8Array(cellCount);
    const backing = new Uint8Array(cellCount);
    const f = renderGuestMap(s, 1, { firstPage: 0, pageCount: pages, cells: cellCount }, cells, backing);
    const st = s.vms[1].os.mem.state;
    const e = s.vms[1].ept.entries;
    for (let c = 0; c * f.pagesPerCell < pages; c++) {
      const idx = Array.from({ length: Math.min(f.pagesPerCell, pages - c * f.pagesPerCell) }, (_, i) => c * f.pagesPerCell + i);
      expect(cells[c]).toBe(mode(idx.map((g) => GUEST_CELL_OF_STATE[st[g]])));
      expect(backing[c]).toBe(mode(idx.map((g) => backingOf(s, e[g]))));
    }
  });
});

describe('map windows', () => {
  it('are clamped to the memory that exists', () => {
    expect(clampWindow({ firstPage: -5, pageCount: 1e12, cells: 1e12 }, 1000)).toEqual({ firstPage: 0, pageCount: 1000, cells: 1000 });
    expect(clampWindow({ firstPage: 990, pageCount: 100, cells: 50 }, 1000)).toEqual({ firstPage: 990, pageCount: 10, cells: 10 });
    expect(clampWindow({ firstPage: NaN, pageCount: NaN, cells: NaN }, 1000)).toEqual({ firstPage: 0, pageCount: 1000, cells: 1 });
    expect(pagesPerCell({ firstPage: 0, pageCount: 1000, cells: 300 })).toBe(4);
  });

  it('a tally breaks ties towards the lower code', () => {
    const t = new Tally();
    for (const c of [5, 2, 5, 2]) t.add(c, c);
    expect(t.take()).toBe(2);
    t.add(7, 1);
    expect(t.take()).toBe(7);
  });
});
