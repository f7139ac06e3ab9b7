// Clients of the simulation: the same interface whether the core runs in a Web Worker or in
// this thread (tests, browsers without module workers). `send` posts a command with the
// buffers to transfer; `onEvent` receives worker events. A worker that fails to start or dies
// becomes a fatal `error` event, so the UI has one path for every failure.
import { CoreHost } from './CoreHost.ts';
import type { Command, WorkerEvent } from './protocol.ts';

export interface SimClient {
  readonly kind: 'worker' | 'in-thread';
  send(cmd: Command, transfer?: Transferable[]): void;
  onEvent(listener: (event: WorkerEvent) => void): () => void;
  terminate(): void;
}

class Listeners {
  private set = new Set<(event: WorkerEvent) => void>();
  add(f: (event: WorkerEvent) => void): () => void {
    this.set.add(f);
    return () => this.set.delete(f);
  }
  emit(event: WorkerEvent): void {
    for (const f of [...this.set]) f(event);
  }
}

/** The core in a module Web Worker. */
export class WorkerClient implements SimClient {
  readonly kind = 'worker';
  private readonly worker: Worker;
  private readonly listeners = new Listeners();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerEvent>) => this.listeners.emit(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.listeners.emit({
        type: 'error',
        message: e.message || 'The simulation worker stopped',
        detail: `${e.filename ?? ''}:${e.lineno ?? ''}`,
        fatal: true,
      });
    };
    this.worker.onmessageerror = () =>
      this.listeners.emit({ type: 'error', message: 'A message from the simulation worker could not be read', detail: '', fatal: true });
  }

  send(cmd: Command, transfer: Transferable[] = []): void {
    this.worker.postMessage(cmd, transfer);
  }
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    return this.listeners.add(listener);
  }
  terminate(): void {
    this.worker.terminate();
  }
}

/** The core in this thread; events are delivered asynchronously, as from a worker. */
export class InThreadClient implements SimClient {
  readonly kind = 'in-thread';
  private readonly listeners = new Listeners();
  private readonly host: CoreHost;
  private alive = true;

  constructor() {
    const deliver = (event: WorkerEvent): void => void queueMicrotask(() => this.alive && this.listeners.emit(event));
    this.host = new CoreHost(deliver, { now: () => performance.now(), later: (fn, ms) => void setTimeout(() => this.alive && fn(), ms) });
  }

  send(cmd: Command): void {
    queueMicrotask(() => this.alive && this.host.handle(cmd));
  }
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    return this.listeners.add(listener);
  }
  terminate(): void {
    this.alive = false;
  }
}

/** A worker client where module workers exist, otherwise the in-thread client. */
export function createSimClient(prefer: 'worker' | 'in-thread' = 'worker'): SimClient {
  if (prefer === 'worker' && typeof Worker !== 'undefined') {
    try {
      return new WorkerClient();
    } catch {
      // fall through: a browser without module workers
    }
  }
  return new InThreadClient();
}
