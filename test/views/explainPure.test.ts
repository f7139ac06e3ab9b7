// The explanation helpers: the announcement throttle (one every 2 s, newest wins), the event
// feed (bounded, time going back drops the future), and the narrator's derived sentences.
import { describe, expect, it } from 'vitest';
import { AnnouncementThrottle, MIN_GAP_MS } from '../../src/views/explain/announcer.ts';
import { EventFeed, FEED_CAPACITY } from '../../src/views/explain/eventFeed.ts';
import { Narrator, STEP_MIB } from '../../src/views/explain/narrate.ts';
import type { RunReport } from '../../src/sim/report.ts';
import type { SimEvent } from '../../src/sim/events.ts';
import { fakeFrame, presetScenario } from './fixtures/frames.ts';

describe('AnnouncementThrottle', () => {
  it('announces at most once per gap, and then the newest sentence', () => {
    const t = new AnnouncementThrottle();
    expect(t.offer('a', 0)).toBe('a');
    expect(t.offer('b', 500)).toBeNull();
    expect(t.offer('c', 900)).toBeNull();
    expect(t.dueInMs(900)).toBe(MIN_GAP_MS - 900);
    expect(t.poll(MIN_GAP_MS - 1)).toBeNull();
    expect(t.poll(MIN_GAP_MS)).toBe('c');
    expect(t.poll(MIN_GAP_MS * 3)).toBeNull();
    expect(t.dueInMs(0)).toBeNull();
  });
});

const ev = (seq: number, timeMs = seq * 100): SimEvent => ({ seq, timeMs, kind: 'policy', vm: 0, text: `e${seq}` });

describe('EventFeed', () => {
  it('keeps events newest first and bounded', () => {
    const f = new EventFeed();
    f.add(Array.from({ length: FEED_CAPACITY + 10 }, (_, i) => ev(i + 1)));
    const n = f.newest();
    expect(n).toHaveLength(FEED_CAPACITY);
    expect(n[0].text).toBe(`e${FEED_CAPACITY + 10}`);
  });
  it('drops the future when time goes back', () => {
    const f = new EventFeed();
    f.add([ev(1), ev(2), ev(3)]);
    f.add([ev(2, 200)]);
    expect(f.newest().map((e) => e.text)).toEqual(['e2', 'e1']);
  });
  it('mixes in derived sentences', () => {
    const f = new EventFeed();
    f.add([ev(1)]);
    expect(f.addDerived(150, [{ kind: 'balloon', vm: 0, text: 'grew' }])).toBe(true);
    expect(f.addDerived(150, [])).toBe(false);
    expect(f.newest()[0].text).toBe('grew');
  });
});

describe('Narrator', () => {
  const base = (): RunReport => structuredClone(fakeFrame(presetScenario(), { seconds: 0.1 }).summary);
  it('tells balloon, swap, OOM and state changes once they are large enough', () => {
    const n = new Narrator();
    const r = base();
    expect(n.observe(r)).toEqual([]);
    const r2 = structuredClone(r);
    r2.simSeconds += 1;
    r2.vms[2].balloonMiB += STEP_MIB;
    r2.vms[0].guestSwapMiB += STEP_MIB;
    r2.vms[1].oomKills += 1;
    r2.host.swapUsedMiB += 100;
    r2.host.state = 'soft';
    const said = n.observe(r2).map((s) => s.text);
    expect(said).toEqual(expect.arrayContaining([
      expect.stringMatching(/^The host went from .* to soft/),
      expect.stringMatching(/^idle's balloon inflated to/),
      expect.stringMatching(/^web swapped 32 MiB to its own swap disk/),
      'db ran out of memory and its kernel killed a process.',
      expect.stringMatching(/^The host swapped out 100 MiB/),
    ]));
    const r3 = structuredClone(r2);
    r3.simSeconds += 1;
    r3.vms[2].balloonMiB += 1;
    expect(n.observe(r3)).toEqual([]);
  });
  it('tells a flapping host state at most once per quiet period', () => {
    const n = new Narrator();
    const r = base();
    n.observe(r);
    const states = ['soft', 'high', 'soft', 'high'];
    const said = states.flatMap((state, i) => {
      const x = structuredClone(r);
      x.simSeconds += 0.1 * (i + 1);
      x.host.state = state;
      return n.observe(x);
    });
    expect(said).toHaveLength(1);
  });

  it('starts over when time goes back', () => {
    const n = new Narrator();
    const r = base();
    n.observe(r);
    const back = structuredClone(r);
    back.simSeconds = 0;
    back.vms[2].balloonMiB += 500;
    expect(n.observe(back)).toEqual([]);
  });
});
