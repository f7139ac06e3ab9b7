// The controller with the in-thread client: a link loads and frames arrive on the bus; a dead
// worker shows as the store's fatal error and a restart brings back the same run from the
// store. `started` settles on the first client's ready or fatal failure, not before. URL sync: loading pushes history, other changes replace it, back re-opens the link.
import { afterEach, describe, expect, it } from 'vitest';
import { startController, type Controller } from '../../src/state/controller.ts';
import { subscribeFrame } from '../../src/state/frameBus.ts';
import { applyLinkState } from '../../src/state/linkState.ts';
import { useSimStore } from '../../src/state/store.ts';
import { startUrlSync, URL_WRITE_MS, type UrlTarget } from '../../src/state/urlSync.ts';
import { decodeLink } from '../../src/url/codec.ts';
import { InThreadClient, type SimClient } from '../../src/worker/client.ts';
import { PROTOCOL_VERSION, type WorkerEvent } from '../../src/worker/protocol.ts';

const until = async (f: () => boolean, ms = 20000): Promise<void> => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let controller: Controller | null = null;
afterEach(() => controller?.stop());

/** A client whose events the test emits. */
class ManualClient implements SimClient {
  readonly kind = 'worker';
  private listeners: ((e: WorkerEvent) => void)[] = [];
  send(): void {}
  emit(e: WorkerEvent): void {
    this.listeners.forEach((f) => f(e));
  }
  onEvent(f: (e: WorkerEvent) => void) {
    this.listeners.push(f);
    return () => void (this.listeners = this.listeners.filter((g) => g !== f));
  }
  terminate(): void {
    this.listeners = [];
  }
}

/** A worker that dies whenever it is sent a command. */
class DeadClient extends ManualClient {
  override send(): void {
    setTimeout(() => this.emit({ type: 'error', message: 'The simulation worker stopped', detail: 'test', fatal: true }), 0);
  }
}

describe('controller', () => {
  it('loads a link, delivers frames, and restarts a dead worker from the store', async () => {
    let made = 0;
    controller = startController('in-thread', () =>
      made++ === 0 ? new InThreadClient() : made === 2 ? new DeadClient() : new InThreadClient(),
    );
    const frames: number[] = [];
    const stop = subscribeFrame((f) => frames.push(f.ticks));
    applyLinkState(decodeLink('v=1&scn=balloon-by-hand&seed=5&policy.kind=manual&vms=1&vms.0.memoryMiB=256&t=1.5').state);
    await until(() => useSimStore.getState().hash !== null && useSimStore.getState().timeMs === 1500);
    const hash = useSimStore.getState().hash;
    expect(frames.at(-1)).toBe(15);
    controller.restart();
    useSimStore.getState().step();
    await until(() => useSimStore.getState().fatalError !== null);
    expect(useSimStore.getState().fatalError!.message).toMatch(/stopped/);
    controller.restart();
    expect(useSimStore.getState().fatalError).toBe(null);
    await until(() => useSimStore.getState().hash !== null && useSimStore.getState().timeMs === 1500);
    expect(useSimStore.getState().hash).toBe(hash);
    stop();
  });
});

describe('a worker that cannot start', () => {
  it('is replaced by the in-thread client, with a notice', async () => {
    controller = startController('worker', (kind) => (kind === 'worker' ? new DeadClient() : new InThreadClient()));
    useSimStore.setState({ hash: null, notices: [], fatalError: null });
    applyLinkState(decodeLink('v=1&seed=6&vms=1&vms.0.memoryMiB=128&t=0.5').state);
    await until(() => useSimStore.getState().hash !== null && useSimStore.getState().timeMs === 500);
    expect(controller.client.kind).toBe('in-thread');
    expect(useSimStore.getState().fatalError).toBe(null);
    expect(useSimStore.getState().notices.at(-1)!.text).toMatch(/runs in the page/);
  });
});

describe('started', () => {
  const settled = async (p: Promise<void>): Promise<boolean> => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    return done;
  };

  it('settles when the client says it is ready, not before', async () => {
    const client = new ManualClient();
    controller = startController('worker', () => client);
    expect(await settled(controller.started)).toBe(false);
    client.emit({ type: 'notice', text: 'not a start', details: [] });
    expect(await settled(controller.started)).toBe(false);
    client.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    expect(await settled(controller.started)).toBe(true);
  });

  it('settles when the client fails fatally, so the app still renders', async () => {
    const client = new ManualClient();
    controller = startController('in-thread', () => client);
    client.emit({ type: 'error', message: 'The simulation worker stopped', detail: '', fatal: true });
    expect(await settled(controller.started)).toBe(true);
    expect(useSimStore.getState().fatalError?.message).toMatch(/stopped/);
    useSimStore.getState().setFatalError(null);
  });
});

describe('URL sync', () => {
  it('pushes on load, replaces on other changes, and re-opens the link on back', async () => {
    const calls: string[] = [];
    let popHandler = (): void => {};
    const target: UrlTarget = {
      location: { href: 'https://x/#', hash: '' },
      history: {
        pushState: (_d, _u, url) => void (calls.push(`push ${url}`), (target.location.href = `https://x/${url}`)),
        replaceState: (_d, _u, url) => void (calls.push(`replace ${url}`), (target.location.href = `https://x/${url}`)),
      },
      addEventListener: (_t, f) => void (popHandler = f),
      removeEventListener: () => {},
    };
    applyLinkState(decodeLink('v=1&seed=8&vms.0.memoryMiB=abc').state);
    const stop = startUrlSync(target);
    expect(calls).toEqual([expect.stringMatching(/^replace #v=2&scn=custom&seed=8&policy.kind=manual&vms=1$/)]);
    applyLinkState(decodeLink('v=1&seed=9').state);
    expect(calls.length).toBe(2);
    expect(calls[1]).toMatch(/^push #v=2&scn=custom&seed=9/);
    useSimStore.getState().setTheme('dark');
    await new Promise((r) => setTimeout(r, URL_WRITE_MS + 50));
    expect(calls.at(-1)).toMatch(/^replace .*theme=dark/);
    target.location.href = 'https://x/#v=1&seed=4&theme=projector';
    popHandler();
    expect(useSimStore.getState().scenario.seed).toBe(4);
    expect(useSimStore.getState().theme).toBe('projector');
    expect(calls.filter((c) => c.startsWith('push')).length).toBe(1);
    stop();
  });
});
