// The simulation's event log: plain-language sentences about what just happened ("ESX entered
// Soft and raised vm2's balloon target to 512 MiB"), stamped with simulated time. The views
// show them in the "what just happened" panel and a throttled live region. Bounded: the oldest
// entries are dropped past MAX_EVENTS.

export type SimEventKind = 'policy' | 'balloon' | 'guest' | 'host' | 'sharing';

export interface SimEvent {
  /** Sequence number, increasing from 1; lets a reader ask for "events after N". */
  seq: number;
  timeMs: number;
  kind: SimEventKind;
  /** Index of the VM concerned, or -1 for the host. */
  vm: number;
  text: string;
}

export const MAX_EVENTS = 500;

export class EventLog {
  readonly entries: SimEvent[] = [];
  private seq = 0;
  /** Simulated time stamped on new events (set by the simulation each tick). */
  nowMs = 0;

  emit(kind: SimEventKind, vm: number, text: string): void {
    this.entries.push({ seq: ++this.seq, timeMs: this.nowMs, kind, vm, text });
    if (this.entries.length > MAX_EVENTS) this.entries.splice(0, this.entries.length - MAX_EVENTS);
  }

  /** Events with seq > after. */
  since(after: number): SimEvent[] {
    const i = this.entries.findIndex((e) => e.seq > after);
    return i < 0 ? [] : this.entries.slice(i);
  }

  get lastSeq(): number {
    return this.seq;
  }
}
