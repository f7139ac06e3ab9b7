// Request/reply over a SimClient: commands that answer (inspect, walk, hash) get an id, and
// the returned promise settles with the worker's reply (or rejects with its error message).
import type { SimClient } from './client.ts';
import type { WalkRequest } from './protocol.ts';
import type { PageInfo, InspectTarget } from '../snapshot/inspect.ts';
import type { WalkExploration } from '../sim/walk/index.ts';

export class SimRequests {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly client: SimClient;

  constructor(client: SimClient) {
    this.client = client;
    client.onEvent((e) => {
      if (e.type !== 'reply') return;
      const p = this.pending.get(e.id);
      if (!p) return;
      this.pending.delete(e.id);
      if (e.ok) p.resolve(e.result);
      else p.reject(new Error(e.error));
    });
  }

  inspect(target: InspectTarget): Promise<PageInfo> {
    return this.ask((id) => ({ type: 'inspect', id, target }));
  }
  walk(request: WalkRequest): Promise<WalkExploration> {
    return this.ask((id) => ({ type: 'walk', id, request }));
  }
  hash(): Promise<string> {
    return this.ask((id) => ({ type: 'hash', id }));
  }

  /** Rejects every pending request (the worker died). */
  failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private ask<T>(make: (id: number) => Parameters<SimClient['send']>[0]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.client.send(make(id));
    });
  }
}
