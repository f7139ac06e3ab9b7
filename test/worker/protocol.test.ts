// The message protocol, through the real worker file (sim.worker.ts run by @vitest/web-worker):
// ready, load, frames by transfer with buffers handed back, at most one frame in flight, run
// fast sends no frames, step / step back / seek, inspect and walk replies, errors that
// leave the worker working.
import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerClient } from '../../src/worker/client.ts';
import type { WorkerEvent } from '../../src/worker/protocol.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';
import { SimRequests } from '../../src/worker/requests.ts';
import { EventLog, hashAt, presetScenario } from './helpers.ts';

type FrameEvent = Extract<WorkerEvent, { type: 'frame' }>;
type StatusEvent = Extract<WorkerEvent, { type: 'status' }>;
const isFrame = (e: WorkerEvent) => e.type === 'frame';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let client: WorkerClient;
afterEach(() => client?.terminate());

async function started() {
  client = new WorkerClient(new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' }));
  const log = new EventLog(client);
  const ready = await log.next((e) => e.type === 'ready');
  return { log, ready };
}

describe('worker protocol', () => {
  it('greets with its version, loads a scenario and sends one frame with the requested maps', async () => {
    const { log, ready } = await started();
    expect(ready).toEqual({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    client.send({
      type: 'setWindows',
      windows: { host: { firstPage: 0, pageCount: 1e9, cells: 5000 }, 'guest:1': { firstPage: 0, pageCount: 1e9, cells: 3000 } },
    });
    client.send({ type: 'load', scenario: presetScenario() });
    const { frame } = await log.next<FrameEvent>(isFrame);
    expect(frame.ticks).toBe(0);
    expect(frame.host!.window).toEqual({ firstPage: 0, pageCount: 1048576, cells: 5000 });
    expect(frame.host!.pagesPerCell).toBe(210);
    expect(frame.host!.cells.length).toBe(Math.ceil(1048576 / 210));
    expect(frame.guests.map((g) => g.vm)).toEqual([1]);
    expect(frame.summary.vms.map((v) => v.name)).toEqual(['web', 'db', 'idle']);
    expect(log.of('history')[0].history.scenario.name).toBe('balloon-by-hand');
  });

  it('transfers frame buffers, takes them back, and sends the next frame only when asked', async () => {
    const { log } = await started();
    client.send({ type: 'setWindows', windows: { host: { firstPage: 0, pageCount: 1e9, cells: 4096 } } });
    client.send({ type: 'load', scenario: presetScenario() });
    client.send({ type: 'speed', speed: 64 });
    client.send({ type: 'play' });
    const first = await log.next<FrameEvent>(isFrame);
    await sleep(400);
    expect(log.of('frame').length).toBe(1);
    const buffer = first.frame.host!.cells.buffer as ArrayBuffer;
    const next = log.next<FrameEvent>(isFrame);
    client.send({ type: 'release', buffers: [buffer] }, [buffer]);
    expect(buffer.byteLength).toBe(0);
    await sleep(200);
    expect(log.of('frame').length).toBe(1);
    client.send({ type: 'next' });
    const second = await next;
    expect(second.frame.ticks).toBeGreaterThan(first.frame.ticks);
    client.send({ type: 'pause' });
  });

  it('runs fast drawing a few frames a second, each further along, then shows the frame where it paused', async () => {
    const { log } = await started();
    client.send({ type: 'load', scenario: presetScenario() });
    const f0 = await log.next<FrameEvent>(isFrame);
    // A frame may arrive while a command is being sent: take frames from the log in order.
    let seen = log.of('frame').length;
    const nextFrame = async (): Promise<FrameEvent> => log.of('frame')[seen++] ?? (await log.next<FrameEvent>(isFrame));
    client.send({ type: 'next' });
    client.send({ type: 'runFast' });
    // Each frame handed back lets the next one come: three frames further and further along.
    const ticks: number[] = [];
    while (ticks.filter((t) => t > f0.frame.ticks).length < 3) {
      const f = await nextFrame();
      expect(f.frame.ticks).toBeGreaterThanOrEqual(ticks.at(-1) ?? f0.frame.ticks);
      ticks.push(f.frame.ticks);
      client.send({ type: 'next' });
    }
    expect(log.of('status').at(-1)!.status.runFast).toBe(true);
    const stopped = log.next<StatusEvent>((e) => e.type === 'status' && !e.status.runFast && !e.status.playing);
    client.send({ type: 'pause' });
    const at = (await stopped).status.ticks;
    // The picture ends where the run stopped: the last frame shows that tick (sent on pause
    // unless the last fast frame already showed it).
    const lastTicks = (): number => log.of('frame').at(-1)!.frame.ticks;
    if (lastTicks() !== at) await log.next<FrameEvent>((e) => isFrame(e) && e.frame.ticks === at);
    expect(lastTicks()).toBe(at);
    expect(at).toBeGreaterThanOrEqual(ticks.at(-1)!);
  });

  it('steps, steps back and seeks to exact states, with a hash when paused', async () => {
    const { log } = await started();
    client.send({ type: 'load', scenario: presetScenario() });
    client.send({ type: 'step', ticks: 50 });
    const at5 = await hashAt(log, 5000);
    client.send({ type: 'step', ticks: 30 });
    await hashAt(log, 8000);
    client.send({ type: 'stepBack', ticks: 30 });
    expect((await hashAt(log, 5000)).status.hash).toBe(at5.status.hash);
    client.send({ type: 'seek', timeMs: 0 });
    await hashAt(log, 0);
    client.send({ type: 'seek', timeMs: 5000 });
    const again = await hashAt(log, 5000);
    expect(again.status.hash).toBe(at5.status.hash);
    expect(again.status.rangeMs).toEqual([0, 8000]);
  });

  it('answers inspect and walk, and reports bad requests without stopping', async () => {
    const { log } = await started();
    const requests = new SimRequests(client);
    client.send({ type: 'load', scenario: presetScenario() });
    client.send({ type: 'step', ticks: 20 });
    await hashAt(log, 2000);
    const page = await requests.inspect({ space: 'guest', vm: 0, page: 0 });
    expect(page).toMatchObject({ space: 'guest', vmName: 'web', kind: 'kernel' });
    const frame = await requests.inspect({ space: 'host', frame: 0 });
    expect(frame.space).toBe('host');
    await expect(requests.inspect({ space: 'host', frame: -1 })).rejects.toThrow(/does not exist/);
    const whatIf = {
      tlb: false,
      pageWalkCache: false,
      nestedTlb: false,
      guestPageSize: '4 KiB',
      hostPageSize: '4 KiB',
      write: false,
    } as const;
    const explored = await requests.walk({ pick: { space: 'guest-virtual', vm: 0, pid: 1, gva: '0x7f0000000000' }, whatIf });
    expect(explored.walk.kind).toBe('two-dimensional');
    await expect(requests.walk({ pick: { space: 'guest-virtual', vm: 0, pid: 1, gva: '<script>' }, whatIf })).rejects.toThrow(
      /gva "<script>" is not a hex address \(allowed 0x0 to 0x7fffffffffff/,
    );
    const error = log.next<Extract<WorkerEvent, { type: 'error' }>>((e) => e.type === 'error');
    client.send({ type: 'bogus' } as never);
    const err = await error;
    expect(err.fatal).toBe(false);
    const loadError = log.next<Extract<WorkerEvent, { type: 'error' }>>((e) => e.type === 'error');
    client.send({ type: 'load', scenario: null } as never);
    expect(await loadError).toMatchObject({ fatal: false, rejected: 'load' });
    expect(await requests.hash()).toMatch(/^[0-9a-f]{8}$/);
  });

  it('applies a live change and publishes the new history, answering the send by its seq', async () => {
    const { log } = await started();
    client.send({ type: 'load', scenario: presetScenario(), seq: 4 });
    client.send({ type: 'step', ticks: 10 });
    client.send({ type: 'setParams', changes: [{ path: 'vms.0.balloon.targetMiB', value: 300 }], seq: 5 });
    const h = await log.next<Extract<WorkerEvent, { type: 'history' }>>(
      (e) => e.type === 'history' && e.history.scenario.schedule.length > 0,
    );
    expect(h.history.scenario.schedule).toEqual([{ atS: 1, set: { 'vms.0.balloon.targetMiB': 300 } }]);
    expect(h.seq).toBe(5);
    expect(log.of('history').map((e) => e.seq)).toEqual([4, 5]);
  });

  it('refuses a scenario whose host cannot hold its VMs and keeps the current run', async () => {
    const { log } = await started();
    client.send({ type: 'load', scenario: presetScenario() });
    client.send({ type: 'step', ticks: 3 });
    await hashAt(log, 300);
    const huge = presetScenario();
    huge.host.memoryMiB = 64;
    huge.vms = [{ ...huge.vms[0], memoryMiB: 65536, minMiB: 0, kernelMiB: 48, balloon: { ...huge.vms[0].balloon, targetMiB: 0 } }];
    const error = log.next<Extract<WorkerEvent, { type: 'error' }>>((e) => e.type === 'error');
    client.send({ type: 'load', scenario: huge });
    const err = await error;
    expect(err).toMatchObject({ fatal: false, rejected: 'load' });
    expect(err.message).toMatch(/not valid: host\.memoryMiB: 64 MiB cannot hold/);
    const requests = new SimRequests(client);
    expect(await requests.hash()).toBe(
      log
        .of('status')
        .filter((e) => e.status.hash)
        .at(-1)!.status.hash,
    );
  });
});
