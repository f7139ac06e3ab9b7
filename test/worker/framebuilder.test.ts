// The frame builder and its map renderers: buffers handed back are reused (no allocation per
// frame), and every frame, though it re-renders only the cells whose pages changed, equals a
// whole render of the same state: for every built-in scenario (ballooning, sharing, swapping,
// compression, hot-add, policies), at every level of detail, across ticks, keyframe restores
// and zooms.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { renderGuestMap } from '../../src/snapshot/renderGuest.ts';
import { renderHostMap } from '../../src/snapshot/renderHost.ts';
import type { GuestMapFrame, HostMapFrame, MapWindow } from '../../src/snapshot/types.ts';
import { ChangedCells } from '../../src/snapshot/changedCells.ts';
import { clampWindow } from '../../src/snapshot/mapWindow.ts';
import { FrameBuilder } from '../../src/worker/FrameBuilder.ts';
import { MapRenderer } from '../../src/worker/MapRenderer.ts';
import { SimCore } from '../../src/run/SimCore.ts';
import { presetScenario } from './helpers.ts';

const sim = (name = 'balloon-by-hand', ticks = 30) => {
  const s = new Simulation(structuredClone(presetScenario(name)));
  for (let i = 0; i < ticks; i++) s.step();
  return s;
};

const ALL = 2 ** 31;
/** Whole renders of a map, from nothing: what an incremental frame must equal. */
function wholeHost(s: Simulation, w: MapWindow): [Uint8Array, Uint8Array] {
  const n = w.cells;
  const f = renderHostMap(s, w, new Uint8Array(n), new Uint8Array(n));
  const used = f.cells.length === n ? Math.ceil(f.window.pageCount / f.pagesPerCell) : n;
  return [f.cells.subarray(0, used), f.owners.subarray(0, used)];
}
function wholeGuest(s: Simulation, vm: number, w: MapWindow): [Uint8Array, Uint8Array] {
  const n = w.cells;
  const f = renderGuestMap(s, vm, w, new Uint8Array(n), new Uint8Array(n));
  const used = Math.ceil(f.window.pageCount / f.pagesPerCell);
  return [f.cells.subarray(0, used), f.backing.subarray(0, used)];
}

function expectExact(s: Simulation, renderers: MapRenderer[], label: string): void {
  for (const r of renderers) {
    const out = r.render(s);
    if (r.vm < 0) {
      const part = out.part as HostMapFrame;
      const [cells, owners] = wholeHost(s, r.request);
      expect(part.cells, `${label}: host cells`).toEqual(cells);
      expect(part.owners, `${label}: host owners`).toEqual(owners);
    } else {
      const part = out.part as GuestMapFrame;
      const [cells, backing] = wholeGuest(s, r.vm, r.request);
      expect(part.cells, `${label}: vm ${r.vm} cells`).toEqual(cells);
      expect(part.backing, `${label}: vm ${r.vm} backing`).toEqual(backing);
    }
    r.pool.give(out.buffer);
  }
}

describe('FrameBuilder', () => {
  it('reuses the buffers the UI hands back', () => {
    const s = sim();
    const b = new FrameBuilder();
    b.setWindow('host', { firstPage: 0, pageCount: 1e9, cells: 20000 });
    b.setWindow('guest:0', { firstPage: 0, pageCount: 1e9, cells: 5000 });
    for (let i = 0; i < 6; i++) {
      const { frame, transfer } = b.build(s);
      expect(frame.guests.map((g) => g.vm)).toEqual([0]);
      expect(transfer.length).toBe(2);
      b.release(transfer);
      s.step();
    }
    const r = new MapRenderer(-1, { firstPage: 0, pageCount: 1e9, cells: 100 });
    for (let i = 0; i < 10; i++) r.pool.give(r.render(s).buffer);
    expect(r.pool.allocated).toBe(1);
  });
});

describe('incremental map rendering', () => {
  for (const preset of PRESETS) {
    it(`every frame equals a whole render: ${preset.name}`, () => {
      const s = new Simulation(structuredClone(presetScenario(preset.name)));
      const frames = s.hv.frames.frameCount;
      const renderers = [
        new MapRenderer(-1, { firstPage: 0, pageCount: ALL, cells: 7000 }), // coarse, cells of many frames
        new MapRenderer(-1, { firstPage: Math.floor(frames / 3), pageCount: 3000, cells: 3000 }), // one cell per frame
        ...s.vms.map((_, vm) => new MapRenderer(vm, { firstPage: 0, pageCount: ALL, cells: 2000 + 333 * vm })),
        new MapRenderer(0, { firstPage: 100, pageCount: 4096, cells: 4096 }),
      ];
      expectExact(s, renderers, 'tick 0');
      const ticks = Math.round(25000 / s.scenario.tickMs);
      for (let t = 1; t <= ticks; t++) {
        s.step();
        if (t % 12 === 0 || t === ticks) expectExact(s, renderers, `tick ${t}`);
      }
    });
  }

  it('a restored keyframe (a new simulation object) and a zoom render whole and stay exact', () => {
    const core = new SimCore(presetScenario('overcommit-no-balloon'));
    const host = new MapRenderer(-1, { firstPage: 0, pageCount: ALL, cells: 5000 });
    const guest = new MapRenderer(1, { firstPage: 0, pageCount: ALL, cells: 3000 });
    core.step(200);
    expectExact(core.sim, [host, guest], 'at 200');
    core.seekTick(120);
    expectExact(core.sim, [host, guest], 'back to 120');
    core.step(5);
    expectExact(core.sim, [host, guest], 'at 125');
    host.request = { firstPage: 1000, pageCount: 20000, cells: 2500 };
    guest.request = { firstPage: 5000, pageCount: 800, cells: 800 };
    expectExact(core.sim, [host, guest], 'zoomed');
    core.step(5);
    expectExact(core.sim, [host, guest], 'zoomed, at 130');
  });

  it('re-renders only what changed: nothing when the state did not move, a little after a tick', () => {
    const s = sim('balloon-by-hand', 100);
    const window = clampWindow({ firstPage: 0, pageCount: ALL, cells: s.hv.frames.frameCount }, s.hv.frames.frameCount);
    const changes = new ChangedCells(-1);
    expect(changes.collect(s, window)).toBeNull();
    expect(changes.collect(s, window)).toEqual([]);
    s.step();
    const ranges = changes.collect(s, window)!;
    let cells = 0;
    for (let i = 0; i < ranges.length; i += 2) cells += ranges[i + 1] - ranges[i];
    expect(cells).toBeGreaterThan(0);
    expect(cells).toBeLessThan(window.cells / 20);
  });

  it('a memory-pressure move (guest pages freed all over the host) reports each cell once, in sorted runs, and stays exact', () => {
    const core = new SimCore(presetScenario('balloon-by-hand'));
    core.step(100);
    const host = new MapRenderer(-1, { firstPage: 0, pageCount: ALL, cells: 3000 });
    const guest = new MapRenderer(0, { firstPage: 0, pageCount: ALL, cells: 3000 });
    expectExact(core.sim, [host, guest], 'before');
    const changes = new ChangedCells(-1);
    const window = clampWindow({ firstPage: 0, pageCount: ALL, cells: 3000 }, core.sim.hv.frames.frameCount);
    changes.collect(core.sim, window);
    const shrink = core.sim.scenario.vms.flatMap((vm, i) => [
      { path: `vms.${i}.workload.activeMiB`, value: Math.floor(vm.workload.activeMiB / 4) },
      { path: `vms.${i}.workload.footprintMiB`, value: Math.max(64, Math.floor(vm.workload.footprintMiB / 4)) },
    ]);
    expect(core.change(shrink).restarted).toBe(false);
    core.step(2);
    const runs = changes.collect(core.sim, window)!;
    for (let i = 0; i < runs.length; i += 2) {
      expect(runs[i + 1]).toBeGreaterThan(runs[i]);
      if (i > 0) expect(runs[i]).toBeGreaterThan(runs[i - 1]);
    }
    expect(runs.length).toBeGreaterThan(2);
    expectExact(core.sim, [host, guest], 'after the move');
  });
});
