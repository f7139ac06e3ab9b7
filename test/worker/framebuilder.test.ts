// The frame builder: buffers handed back are reused (no allocation per frame), a map larger than
// the page budget refreshes in bands that add up to the exact map, and paused frames are exact.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/Simulation.ts';
import { renderHostMap } from '../../src/snapshot/renderHost.ts';
import { FrameBuilder } from '../../src/worker/FrameBuilder.ts';
import { MapRenderer } from '../../src/worker/MapRenderer.ts';
import { presetScenario } from './helpers.ts';

const sim = () => {
  const s = new Simulation(structuredClone(presetScenario('balloon-by-hand')));
  for (let i = 0; i < 30; i++) s.step();
  return s;
};

describe('FrameBuilder', () => {
  it('reuses the buffers the UI hands back', () => {
    const s = sim();
    const b = new FrameBuilder();
    b.setWindow('host', { firstPage: 0, pageCount: 1e9, cells: 20000 });
    b.setWindow('guest:0', { firstPage: 0, pageCount: 1e9, cells: 5000 });
    for (let i = 0; i < 6; i++) {
      const { frame, transfer } = b.build(s, true);
      expect(frame.guests.map((g) => g.vm)).toEqual([0]);
      expect(transfer.length).toBe(2);
      b.release(transfer);
    }
    const r = new MapRenderer(-1, { firstPage: 0, pageCount: 1e9, cells: 100 });
    for (let i = 0; i < 10; i++) r.pool.give(r.render(s, true, 1e9).buffer);
    expect(r.pool.allocated).toBe(1);
  });

  it('refreshes a large map in bands that add up to the exact map, and exact when paused', () => {
    const s = sim();
    const w = { firstPage: 0, pageCount: 1e9, cells: 50000 };
    const exact = new Uint8Array(50000);
    renderHostMap(s, w, exact, new Uint8Array(50000));
    const r = new MapRenderer(-1, w);
    r.render(s, true, 1e9);
    s.step();
    renderHostMap(s, w, exact, new Uint8Array(50000));
    let last = r.render(s, false, 100000);
    expect(last.complete).toBe(false);
    for (let i = 0; i < 20; i++) last = r.render(s, false, 100000);
    const cells = last.part.cells;
    expect(cells.length).toBe(Math.ceil(s.hv.frames.frameCount / Math.ceil(s.hv.frames.frameCount / 50000)));
    expect(cells).toEqual(exact.subarray(0, cells.length));
    expect(r.render(s, true, 100000).complete).toBe(true);
  });
});
