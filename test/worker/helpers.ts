// Test helpers for the worker protocol: collect a client's events and wait for one that matches.
import type { SimClient } from '../../src/worker/client.ts';
import type { WorkerEvent } from '../../src/worker/protocol.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

export class EventLog {
  readonly events: WorkerEvent[] = [];
  private waiters: { match(e: WorkerEvent): boolean; resolve(e: WorkerEvent): void }[] = [];

  constructor(client: SimClient) {
    client.onEvent((e) => {
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => (w.match(e) ? (w.resolve(e), false) : true));
    });
  }

  /** The next event (from now on) matching `match`. */
  next<T extends WorkerEvent>(match: (e: WorkerEvent) => boolean, timeoutMs = 20000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a worker event')), timeoutMs);
      this.waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e as T)) });
    });
  }

  of<K extends WorkerEvent['type']>(type: K): Extract<WorkerEvent, { type: K }>[] {
    return this.events.filter((e) => e.type === type) as Extract<WorkerEvent, { type: K }>[];
  }
}

export function presetScenario(name = 'balloon-by-hand'): Scenario {
  const p = findPreset(name)!;
  const r = validateScenario({ name: p.name, ...p.scenario }, 'strict');
  if (!r.ok) throw new Error(r.errors.join());
  return r.scenario;
}

/** Waits for the status that carries the hash of a paused run at `timeMs`. */
export const hashAt = (log: EventLog, timeMs: number) =>
  log.next<Extract<WorkerEvent, { type: 'status' }>>(
    (e) => e.type === 'status' && e.status.hash !== null && e.status.timeMs === timeMs && !e.status.playing,
  );
