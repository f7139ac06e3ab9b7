// The CLI's --events: the model's structured events (src/sim/events.ts) as JSON lines, as they
// are: simulated time, sequence number, kind (what part of the system), VM (name and index,
// null for the host), type and its fields (amounts in pages, the reason). Drained every tick,
// so the event log's bound (MAX_EVENTS) never drops one from the file.
import { EVENT_KIND, eventVm } from '../sim/events.ts';
import type { Simulation } from '../sim/Simulation.ts';
import type { Recorder } from './recordedRun.ts';
import { LineSink } from './sink.ts';

export class EventsRecorder implements Recorder {
  private readonly sink: LineSink;
  private lastSeq = 0;

  constructor(path: string) {
    this.sink = new LineSink(path);
  }

  tick(sim: Simulation): void {
    if (sim.events.lastSeq === this.lastSeq) return;
    for (const e of sim.events.since(this.lastSeq)) {
      const { seq, timeMs, type, ...fields } = e;
      const vm = eventVm(e);
      this.sink.line(
        JSON.stringify({
          timeS: timeMs / 1000,
          seq,
          kind: EVENT_KIND[type],
          type,
          ...fields,
          vm: vm >= 0 ? sim.vms[vm].name : null,
          vmIndex: vm >= 0 ? vm : null,
        }),
      );
    }
    this.lastSeq = sim.events.lastSeq;
  }

  close(): void {
    this.sink.close();
  }
}
