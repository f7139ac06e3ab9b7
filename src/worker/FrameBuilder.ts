// Builds the frames the worker sends: each requested map rendered by its MapRenderer (only the
// cells that changed since its last frame), the run summary (the report without the O(memory)
// invariant recount) and the events since the last frame. Returns the buffers to transfer;
// buffers handed back by the UI go to the pools.
import { buildReport } from '../sim/report.ts';
import type { Simulation } from '../sim/Simulation.ts';
import type { Frame, GuestMapFrame, HostMapFrame, MapWindow, MapId } from '../snapshot/types.ts';
import { MapRenderer } from './MapRenderer.ts';

export class FrameBuilder {
  private maps = new Map<MapId, MapRenderer>();
  private lastEventSeq = 0;

  setWindow(id: MapId, window: MapWindow | null): void {
    const vm = id === 'host' ? -1 : Number(id.slice('guest:'.length));
    if (!Number.isInteger(vm) || vm < -1) return;
    if (window === null) this.maps.delete(id);
    else if (this.maps.get(id)) this.maps.get(id)!.request = window;
    else this.maps.set(id, new MapRenderer(vm, window));
  }

  /** Forgets the event position (after the run jumped: only newer events are sent). */
  resync(sim: Simulation): void {
    this.lastEventSeq = sim.events.lastSeq;
  }

  build(sim: Simulation): { frame: Frame; transfer: ArrayBuffer[] } {
    let host: HostMapFrame | null = null;
    const guests: GuestMapFrame[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const renderer of this.maps.values()) {
      if (renderer.vm >= sim.vms.length) continue;
      const r = renderer.render(sim);
      transfer.push(r.buffer);
      if (renderer.vm < 0) host = r.part as HostMapFrame;
      else guests.push(r.part as GuestMapFrame);
    }
    if (sim.events.lastSeq < this.lastEventSeq) this.resync(sim);
    const events = sim.events.since(this.lastEventSeq);
    this.lastEventSeq = sim.events.lastSeq;
    guests.sort((a, b) => a.vm - b.vm);
    const frame: Frame = { timeMs: sim.timeMs, ticks: sim.ticks, host, guests, summary: buildReport(sim, false), events };
    return { frame, transfer };
  }

  /** Takes back buffers the UI has finished drawing. */
  release(buffers: ArrayBuffer[]): void {
    for (const b of buffers) for (const m of this.maps.values()) if (m.pool.give(b)) break;
  }
}
