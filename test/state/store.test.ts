// The store: parameter setters validate through the parameter specs and reach the worker
// throttled (leading edge) and merged; live changes keep the run, others restart it; the frame bus hands
// buffers back and asks for one frame per animation frame; links round-trip through the store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCommandSink } from '../../src/state/commandSink.ts';
import { deliverFrame, latestFrame, releaseFrame, setMapWindow, subscribeFrame } from '../../src/state/frameBus.ts';
import { applyLinkState, linkStateOf } from '../../src/state/linkState.ts';
import { PARAM_THROTTLE_MS } from '../../src/state/scenarioSlice.ts';
import { initialState, useSimStore } from '../../src/state/store.ts';
import type { Frame } from '../../src/snapshot/types.ts';
import { decodeLink, encodeLink } from '../../src/url/codec.ts';
import type { Command } from '../../src/worker/protocol.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

let sent: { cmd: Command; transfer?: Transferable[] }[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  setCommandSink((cmd, transfer) => sent.push({ cmd, transfer }));
  useSimStore.setState({ ...initialState(), notices: [], loadGeneration: 0 });
});
afterEach(() => {
  vi.advanceTimersByTime(2 * PARAM_THROTTLE_MS); // closes the send window for the next test
  vi.useRealTimers();
  setCommandSink(() => {});
});

const frame = (bytes = 64): Frame => {
  const buffer = new ArrayBuffer(bytes);
  return {
    timeMs: 0,
    ticks: 0,
    events: [],
    summary: {} as Frame['summary'],
    guests: [],
    host: {
      window: { firstPage: 0, pageCount: 32, cells: 32 },
      pagesPerCell: 1,
      cells: new Uint8Array(buffer, 0, 32),
      owners: new Uint8Array(buffer, 32, 32),
    },
  };
};

describe('scenario slice', () => {
  it('validates a parameter, lists corrections, sends the first change at once and the rest merged, at most one send per window', async () => {
    const s = useSimStore.getState();
    s.setParam('vms.2.balloon.targetMiB', 100);
    await Promise.resolve();
    expect(sent.map((x) => x.cmd)).toEqual([
      { type: 'setParams', changes: [{ path: 'vms.2.balloon.targetMiB', value: 100 }], seq: expect.any(Number) },
    ]);
    s.setParam('vms.2.balloon.targetMiB', 200);
    s.setParam('vms.0.workload.accessesPerSec', 999999);
    expect(useSimStore.getState().effective.vms[2].balloon.targetMiB).toBe(200);
    expect(useSimStore.getState().effective.vms[0].workload.accessesPerSec).toBe(200000);
    expect(useSimStore.getState().notices.at(-1)!.details[0]).toMatch(/accessesPerSec: 999999 is not valid/);
    expect(sent.length).toBe(1);
    vi.advanceTimersByTime(PARAM_THROTTLE_MS + 1);
    expect(sent.slice(1).map((x) => x.cmd)).toEqual([
      {
        type: 'setParams',
        changes: [
          { path: 'vms.2.balloon.targetMiB', value: 200 },
          { path: 'vms.0.workload.accessesPerSec', value: 999999 },
        ],
        seq: expect.any(Number),
      },
    ]);
    s.setParam('vms.2.balloon.targetMiB', 300);
    expect(sent.length).toBe(2);
    vi.advanceTimersByTime(PARAM_THROTTLE_MS + 1);
    expect(sent.length).toBe(3);
    expect(sent[2].cmd).toEqual({ type: 'setParams', changes: [{ path: 'vms.2.balloon.targetMiB', value: 300 }], seq: expect.any(Number) });
    vi.advanceTimersByTime(PARAM_THROTTLE_MS + 1);
    s.setParam('vms.2.balloon.targetMiB', 400);
    s.setParam('vms.1.balloon.targetMiB', 50);
    await Promise.resolve();
    expect(sent.length).toBe(4);
    expect(sent[3].cmd).toEqual({
      type: 'setParams',
      changes: [
        { path: 'vms.2.balloon.targetMiB', value: 400 },
        { path: 'vms.1.balloon.targetMiB', value: 50 },
      ],
      seq: expect.any(Number),
    });
    vi.advanceTimersByTime(1000);
    expect(sent.length).toBe(4);
  });

  it('refuses an unknown path with a notice and sends nothing', () => {
    useSimStore.getState().setParam('vms.7.memoryMiB', 512);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
    expect(useSimStore.getState().notices.at(-1)!.text).toMatch(/could not be set/);
  });

  it('a structural change becomes the new start scenario; adding and removing VMs reload', () => {
    const s = useSimStore.getState();
    s.setParam('host.memoryMiB', 8192);
    expect(useSimStore.getState().scenario.host.memoryMiB).toBe(8192);
    s.addVm();
    expect(useSimStore.getState().scenario.vms.map((v) => v.name)).toEqual(['web', 'db', 'idle', 'vm4']);
    useSimStore.getState().removeVm(0);
    expect(useSimStore.getState().scenario.vms.map((v) => v.name)).toEqual(['db', 'idle', 'vm4']);
    expect(sent.filter((x) => x.cmd.type === 'load').length).toBe(2);
  });

  it("applies the worker's history, with the schedule entries due at its tick", async () => {
    const { scenario } = useSimStore.getState();
    useSimStore.getState().setParam('vms.1.balloon.targetMiB', 64);
    await Promise.resolve();
    useSimStore
      .getState()
      .receiveHistory(
        { scenario: { ...scenario, schedule: [{ atS: 0.5, set: { 'vms.1.balloon.targetMiB': 64 } }] }, atTick: 5 },
        seqOf(sent.at(-1)!.cmd),
      );
    expect(useSimStore.getState().effective.vms[1].balloon.targetMiB).toBe(64);
    useSimStore.getState().receiveStatus({
      playing: false,
      runFast: false,
      speed: 1,
      timeMs: 200,
      ticks: 2,
      tickMs: 100,
      rangeMs: [0, 500],
      keyframes: 1,
      seekingToMs: null,
      hash: null,
    });
    expect(useSimStore.getState().effective.vms[1].balloon.targetMiB).toBe(0);
  });
});

const seqOf = (cmd: Command): number => (cmd.type === 'setParams' || cmd.type === 'load' ? cmd.seq! : NaN);

describe('changes in flight', () => {
  const status = (ticks: number) => ({
    playing: true,
    runFast: false,
    speed: 1,
    timeMs: ticks * 100,
    ticks,
    tickMs: 100,
    rangeMs: [0, ticks * 100] as [number, number],
    keyframes: 1,
    seekingToMs: null,
    hash: null,
  });

  it('stay in effective through the answer to an earlier send and a status; an answer from a replaced run is ignored', async () => {
    const s = useSimStore.getState();
    const start = s.effective;
    const recorded = (activeMiB: number): Scenario => ({
      ...start,
      schedule: [{ atS: 0.3, set: { 'vms.0.workload.activeMiB': activeMiB } }],
    });
    s.setParam('vms.0.workload.activeMiB', 448);
    await Promise.resolve();
    const first = seqOf(sent.at(-1)!.cmd);
    s.setParam('vms.0.workload.activeMiB', 512);
    vi.advanceTimersByTime(PARAM_THROTTLE_MS + 1);
    const second = seqOf(sent.at(-1)!.cmd);
    expect(second).toBeGreaterThan(first);
    // The worker has recorded the first change only: the run's record takes it, the sliders keep the second.
    s.receiveHistory({ scenario: recorded(448), atTick: 3 }, first);
    expect(useSimStore.getState().scenario.schedule).toEqual(recorded(448).schedule);
    expect(useSimStore.getState().effective.vms[0].workload.activeMiB).toBe(512);
    // Nor does the first change's schedule entry falling due.
    s.receiveStatus(status(3));
    expect(useSimStore.getState().effective.vms[0].workload.activeMiB).toBe(512);
    s.receiveHistory({ scenario: recorded(512), atTick: 3 }, second);
    expect(useSimStore.getState().effective.vms[0].workload.activeMiB).toBe(512);
    expect(useSimStore.getState().scenario.schedule).toEqual(recorded(512).schedule);
    // A new run: a late answer from the old one changes nothing.
    s.loadScenario(start);
    s.receiveHistory({ scenario: recorded(448), atTick: 3 }, second);
    expect(useSimStore.getState().scenario).toBe(start);
    expect(useSimStore.getState().effective.vms[0].workload.activeMiB).toBe(start.vms[0].workload.activeMiB);
  });
});

describe('links through the store', () => {
  it('a link applied to the store encodes back to the same link', () => {
    const text =
      'v=1&scn=identical-vms&seed=3&host.memoryMiB=2048&policy.kind=manual&vms=2&vms.1.balloon.targetMiB=64&in=10%3Avms.0.balloon.targetMiB%3A32&t=2.5&vm=1&theme=dark&embed=1&hide=speed&speed=4&zoom.host=0%2B1024';
    const d = decodeLink(text);
    expect(d.ok).toBe(true);
    applyLinkState(d.state);
    expect(sent.map((x) => x.cmd.type)).toEqual(['load', 'speed']);
    expect(encodeLink(linkStateOf(useSimStore.getState()))).toBe(encodeLink(d.state));
  });
});

describe('frame bus', () => {
  it('delivers frames, asks for the next once per animation frame, and hands buffers back by transfer', () => {
    const seen: Frame[] = [];
    const stop = subscribeFrame((f) => seen.push(f));
    const a = frame();
    const b = frame();
    deliverFrame(a);
    deliverFrame(b);
    expect(seen).toEqual([a, b]);
    expect(latestFrame()).toBe(b);
    vi.advanceTimersByTime(20);
    expect(sent.filter((x) => x.cmd.type === 'next').length).toBe(1);
    releaseFrame(b);
    releaseFrame(b);
    const releases = sent.filter((x) => x.cmd.type === 'release');
    expect(releases.length).toBe(1);
    expect(releases[0].transfer).toEqual([b.host!.cells.buffer]);
    expect(latestFrame()).toBe(null);
    stop();
  });

  it('sends a map window once per change', () => {
    setMapWindow('guest:1', { firstPage: 0, pageCount: 100, cells: 10 });
    setMapWindow('guest:1', { firstPage: 0, pageCount: 100, cells: 10 });
    setMapWindow('guest:1', { firstPage: 0, pageCount: 100, cells: 20 });
    expect(sent.filter((x) => x.cmd.type === 'setWindows').length).toBe(2);
  });
});
