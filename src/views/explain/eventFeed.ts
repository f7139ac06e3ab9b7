// The entries the explanation panel shows: the simulation's events from every frame (frames
// skipped by drawing still count) and the sentences the views derive from summaries
// (narrate.ts), in arrival order, bounded. An event numbered at or below the last one means
// time went back (step back, scrub, restart): entries after that time are dropped. Pure.
import type { SimEvent, SimEventKind } from '../../sim/events.ts';

export const FEED_CAPACITY = 200;

export interface FeedEntry { key: string; timeMs: number; kind: SimEventKind; vm: number; text: string }

export class EventFeed {
  private items: FeedEntry[] = [];
  private lastSeq = 0;
  private derived = 0;
  version = 0;

  /** Adds a frame's events; returns true when anything changed. */
  add(events: readonly SimEvent[]): boolean {
    for (const e of events) {
      if (e.seq <= this.lastSeq) this.items = this.items.filter((x) => x.timeMs < e.timeMs);
      this.items.push({ key: `e${e.seq}`, timeMs: e.timeMs, kind: e.kind, vm: e.vm, text: e.text });
      this.lastSeq = e.seq;
    }
    return this.changed(events.length > 0);
  }

  /** Adds sentences derived at `timeMs`. */
  addDerived(timeMs: number, sentences: readonly { kind: SimEventKind; vm: number; text: string }[]): boolean {
    if (this.items.length > 0 && timeMs < this.items[this.items.length - 1].timeMs) this.items = this.items.filter((x) => x.timeMs <= timeMs);
    for (const s of sentences) this.items.push({ key: `d${++this.derived}`, timeMs, ...s });
    return this.changed(sentences.length > 0);
  }

  private changed(any: boolean): boolean {
    if (this.items.length > FEED_CAPACITY) this.items.splice(0, this.items.length - FEED_CAPACITY);
    if (any) this.version++;
    return any;
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
