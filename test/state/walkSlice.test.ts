// The walk slice: picks reach the worker through SimRequests' stand-in, the answer's target
// replaces a pick that was not an address (host frame, region), an older answer never
// overwrites a newer one, the step is kept as linked, and the link holds target, step and
// what-if settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCommandSink } from '../../src/state/commandSink.ts';
import { linkStateOf } from '../../src/state/linkState.ts';
import { initialState, useSimStore } from '../../src/state/store.ts';
import { setWalkAsk } from '../../src/state/walkAsk.ts';
import type { WalkExploration, WalkTarget } from '../../src/sim/walk/index.ts';
import { decodeLink, encodeLink } from '../../src/url/codec.ts';
import type { WalkRequest } from '../../src/worker/protocol.ts';

interface Asked {
  request: WalkRequest;
  resolve(e: WalkExploration): void;
  reject(e: Error): void;
}
let asked: Asked[] = [];
beforeEach(() => {
  asked = [];
  setCommandSink(() => {});
  setWalkAsk((request) => new Promise((resolve, reject) => asked.push({ request, resolve, reject })));
  useSimStore.setState({ ...initialState(), walkTarget: null, walkStep: null, walk: null, walkError: null });
});
afterEach(() => setWalkAsk(null));

const answer = (target: WalkTarget, steps: number): WalkExploration => ({
  target,
  vmName: 'web',
  timeMs: 0,
  processes: [],
  settings: {} as WalkExploration['settings'],
  counts: [],
  gap: null,
  walk: { steps: Array.from({ length: steps }, (_, i) => ({ step: i + 1 })) } as unknown as WalkExploration['walk'],
});
const flush = () => new Promise((r) => setTimeout(r, 0));
const gva = (address: string): WalkTarget => ({ space: 'guest-virtual', vm: 0, pid: 1, gva: address });

describe('walk slice', () => {
  it('a host frame pick is resolved by the worker; its answer becomes the target', async () => {
    useSimStore.getState().pickWalk({ space: 'host-physical', frame: 77 });
    expect(useSimStore.getState().walkTarget).toBeNull();
    expect(asked[0].request.pick).toEqual({ space: 'host-physical', frame: 77 });
    const target: WalkTarget = { space: 'guest-physical', vm: 1, gpa: '0x4d000' };
    asked[0].resolve(answer(target, 4));
    await flush();
    expect(useSimStore.getState()).toMatchObject({ walkTarget: target, walkPending: false, walkError: null });
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const s = useSimStore.getState();
    s.pickWalk(gva('0x7f0000001000'));
    s.pickWalk(gva('0x7f0000002000'));
    asked[1].resolve(answer(gva('0x7f0000002000'), 24));
    asked[0].resolve(answer(gva('0x7f0000001000'), 20));
    await flush();
    expect(useSimStore.getState().walk?.target).toEqual(gva('0x7f0000002000'));
    asked[0].reject(new Error('late'));
    await flush();
    expect(useSimStore.getState().walkError).toBeNull();
  });

  it('an error is shown and the target kept; the step is kept for the views to clamp', async () => {
    const s = useSimStore.getState();
    s.pickWalk(gva('0x7f0000001000'));
    asked[0].resolve(answer(gva('0x7f0000001000'), 24));
    await flush();
    s.setWalkStep(24);
    s.refreshWalk();
    asked[1].resolve(answer(gva('0x7f0000001000'), 15));
    await flush();
    expect(useSimStore.getState().walkStep).toBe(24);
    s.setWalkWhatIf({ ...useSimStore.getState().walkWhatIf, hostPageSize: '1 GiB' });
    expect(asked[2].request.whatIf.hostPageSize).toBe('1 GiB');
    asked[2].reject(new Error('walk: gva 0x1 is outside'));
    await flush();
    expect(useSimStore.getState()).toMatchObject({ walkError: 'walk: gva 0x1 is outside', walkTarget: gva('0x7f0000001000') });
  });

  it('the link holds the target, the step and the what-if settings', () => {
    useSimStore.setState({
      walkTarget: { space: 'guest-physical', vm: 2, gpa: '0x1a2000' },
      walkStep: 3,
      walkWhatIf: { ...useSimStore.getState().walkWhatIf, nestedTlb: true },
    });
    const text = encodeLink(linkStateOf(useSimStore.getState()));
    expect(text).toContain('addr=2.gpa.0x1a2000');
    expect(text).toContain('walk.step=3');
    expect(text).toContain('walk.caches=ntlb');
    const d = decodeLink(text);
    expect(d.ok && d.state.view).toMatchObject({
      walkTarget: { space: 'guest-physical', vm: 2, gpa: '0x1a2000' },
      walkStep: 3,
      walkWhatIf: { nestedTlb: true },
    });
  });
});
