// The simulation's module Web Worker: hosts the CoreHost and connects it to postMessage.
// Started by the UI with `new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })`.
// An exception that escapes the host is reported as a fatal error event before the worker dies.
import { CoreHost } from './CoreHost.ts';
import type { Command, WorkerEvent } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: WorkerEvent, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<Command>) => void) | null;
  addEventListener(type: 'error' | 'unhandledrejection', f: (e: ErrorEvent | PromiseRejectionEvent) => void): void;
};

const post = (event: WorkerEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);

scope.addEventListener('error', (e) => {
  const err = (e as ErrorEvent).error as Error | undefined;
  post({ type: 'error', message: err?.message ?? (e as ErrorEvent).message ?? 'worker error', detail: err?.stack ?? '', fatal: true });
});

const host = new CoreHost(post, { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) });
scope.onmessage = (e) => host.handle(e.data);
