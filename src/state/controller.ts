// Connects the store to a simulation client: worker events update the store and the frame bus,
// store actions reach the client through the command sink. A fatal error (the worker threw or
// died) sets the store's fatalError; `restart` starts a new client from the current store, which
// holds the whole link, so nothing the user set is lost. A worker that fails before it is ready
// (a browser without module workers) is replaced by the in-thread client at once. `started`
// settles when the first client has started (its `ready`) or failed, so the app can leave the
// main thread idle until then: a dedicated worker's start and the delivery of the messages
// posted to it before it ran both need a turn of the main thread.
import { createSimClient, type SimClient } from '../worker/client.ts';
import type { WorkerEvent } from '../worker/protocol.ts';
import { SimRequests } from '../worker/requests.ts';
import { setCommandSink } from './commandSink.ts';
import { setWalkAsk } from './walkAsk.ts';
import { deliverFrame, mapWindows, resetFrames } from './frameBus.ts';
import { nextLoadSeq } from './scenarioSlice.ts';
import { useSimStore } from './store.ts';
import { defaultLinkState } from '../url/defaultState.ts';

export interface Controller {
  readonly client: SimClient;
  readonly requests: SimRequests;
  /** A new client, loaded with the current scenario, live changes, time and map windows. */
  restart(): void;
  stop(): void;
  /** Settles when the first client is ready or has failed fatally (never rejects). */
  readonly started: Promise<void>;
}

export function startController(prefer: 'worker' | 'in-thread' = 'worker', make = createSimClient): Controller {
  let client: SimClient;
  let requests: SimRequests;
  let unsubscribe = (): void => {};
  let ready = false;
  let mode = prefer;
  let markStarted = (): void => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  const onEvent = (e: WorkerEvent): void => {
    const store = useSimStore.getState();
    if (e.type === 'ready') {
      ready = true;
      markStarted();
    }
    if (e.type === 'error' && e.fatal && !ready && mode === 'worker') {
      mode = 'in-thread';
      store.notify('info', 'The simulation worker could not start in this browser; the simulation runs in the page instead.', [e.message]);
      return restart();
    }
    switch (e.type) {
      case 'frame':
        return deliverFrame(e.frame);
      case 'status':
        return store.receiveStatus(e.status);
      case 'history':
        return store.receiveHistory(e.history, e.seq);
      case 'notice':
        return store.notify('info', e.text, e.details);
      case 'error':
        if (e.rejected === 'load') return fallBack(e.message);
        if (!e.fatal) return store.notify('warning', e.message);
        markStarted();
        requests.failAll(e.message);
        return store.setFatalError({ message: e.message, detail: e.detail });
      default:
        return;
    }
  };

  /** A scenario the model cannot build: say so and open the default scenario instead. */
  const fallBack = (message: string): void => {
    const store = useSimStore.getState();
    store.notify('error', `${message}. The default scenario is open instead.`);
    store.loadScenario(defaultLinkState().scenario);
  };

  const connect = (): void => {
    ready = false;
    client = make(mode);
    requests = new SimRequests(client);
    unsubscribe = client.onEvent(onEvent);
    setCommandSink((cmd, transfer) => client.send(cmd, transfer));
    setWalkAsk((request) => requests.walk(request));
  };

  function restart(): void {
    unsubscribe();
    client.terminate();
    resetFrames();
    connect();
    const s = useSimStore.getState();
    s.setFatalError(null);
    useSimStore.setState({ hash: null });
    client.send({ type: 'setWindows', windows: mapWindows() });
    client.send({ type: 'speed', speed: s.speed });
    client.send({ type: 'load', scenario: s.scenario, timeMs: s.timeMs, seq: nextLoadSeq() });
  }

  connect();
  return {
    get client() {
      return client;
    },
    get requests() {
      return requests;
    },
    restart,
    started,
    stop() {
      unsubscribe();
      client.terminate();
      setCommandSink(() => {});
      setWalkAsk(null);
    },
  };
}
