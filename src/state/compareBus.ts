// The compared run's latest summary, outside React state like the frame bus: the second run's
// report at the tick it reached, and its events. compareSync.ts publishes; views subscribe.
import type { SimEvent } from '../sim/events.ts';
import type { RunReport } from '../sim/report.ts';

export interface ComparedFrame {
  ticks: number;
  timeMs: number;
  summary: RunReport;
  events: SimEvent[];
}

const listeners = new Set<(f: ComparedFrame | null) => void>();
let latest: ComparedFrame | null = null;

export const latestCompared = (): ComparedFrame | null => latest;

export function subscribeCompared(cb: (f: ComparedFrame | null) => void): () => void {
  listeners.add(cb);
  return () => void listeners.delete(cb);
}

export function publishCompared(f: ComparedFrame | null): void {
  latest = f;
  for (const cb of [...listeners]) cb(f);
}
