// The entries the explanation panel shows: the simulation's events from every frame (frames
// skipped by drawing still count), worded once as they arrive (eventWords.ts), in arrival
// order, bounded. An event numbered at or below the last one means time went back (step back,
// scrub, restart): entries after that time are dropped. Pure.
import { EVENT_KIND, eventVm, type SimEvent, type SimEventKind } from '../../sim/events.ts';
import { eventSentence, type VmNamer } from './eventWords.ts';

export const FEED_CAPACITY = 200;

export interface FeedEntry {
  key: string;
  timeMs: number;
  kind: SimEventKind;
  vm: number;
  text: string;
}

export class EventFeed {
  private items: FeedEntry[] = [];
  private lastSeq = 0;
  version = 0;

  /** Adds a frame's events, naming VMs with `name`; returns true when anything changed. */
  add(events: readonly SimEvent[], name: VmNamer): boolean {
    for (const e of events) {
      if (e.seq <= this.lastSeq) this.items = this.items.filter((x) => x.timeMs < e.timeMs);
      this.items.push({ key: `e${e.seq}`, timeMs: e.timeMs, kind: EVENT_KIND[e.type], vm: eventVm(e), text: eventSentence(e, name) });
      this.lastSeq = e.seq;
    }
    if (this.items.length > FEED_CAPACITY) this.items.splice(0, this.items.length - FEED_CAPACITY);
    if (events.length > 0) this.version++;
    return events.length > 0;
  }

  reset(): void {
    this.items = [];
    this.lastSeq = 0;
    this.version++;
  }

  /** Newest first. */
  newest(n = FEED_CAPACITY): FeedEntry[] {
    return this.items.slice(-n).reverse();
  }
}
