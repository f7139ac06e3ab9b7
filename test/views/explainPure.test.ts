// The explanation helpers: the announcement throttle (one every 2 s, newest wins), the event
// feed (bounded, time going back drops the future), and the words for the model's events.
import { describe, expect, it } from 'vitest';
import { AnnouncementThrottle, MIN_GAP_MS } from '../../src/views/explain/announcer.ts';
import { EventFeed, FEED_CAPACITY } from '../../src/views/explain/eventFeed.ts';
import { activityWords, eventSentence, type VmNamer } from '../../src/views/explain/eventWords.ts';
import type { SimEvent } from '../../src/sim/events.ts';
import { loadPreset } from '../../src/sim/scenario/load.ts';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { Simulation } from '../../src/sim/Simulation.ts';

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

const ev = (seq: number, timeMs = seq * 100): SimEvent => ({ seq, timeMs, type: 'balloon-target', vm: 0, targetPages: seq * 256 });
const names: VmNamer = (vm) => ['web', 'db', 'idle'][vm];

describe('EventFeed', () => {
  it('keeps events newest first and bounded, worded with the VM names', () => {
    const f = new EventFeed();
    f.add(
      Array.from({ length: FEED_CAPACITY + 10 }, (_, i) => ev(i + 1)),
      names,
    );
    const n = f.newest();
    expect(n).toHaveLength(FEED_CAPACITY);
    expect(n[0]).toMatchObject({ kind: 'policy', vm: 0, text: `web's balloon target is now ${FEED_CAPACITY + 10} MiB.` });
  });
  it('drops the future when time goes back', () => {
    const f = new EventFeed();
    f.add([ev(1), ev(2), ev(3)], names);
    f.add([ev(2, 200)], names);
    expect(f.newest().map((e) => e.key)).toEqual(['e2', 'e1']);
  });
});

describe('eventSentence', () => {
  it('words the events of a real run of every preset, with no gaps', () => {
    for (const { name } of PRESETS) {
      const r = loadPreset(name);
      if (!r.ok) throw new Error(name);
      const s = new Simulation(r.scenario);
      s.run(60);
      const named: VmNamer = (vm) => s.vms[vm].name;
      for (const e of s.events.entries) {
        const text = eventSentence(e, named);
        expect(text, e.type).toMatch(/^[A-Za-z].*[.)]$/);
        expect(text, e.type).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  }, 120_000);

  it('tells a VMware state change with its threshold, what the host does and the raised target', () => {
    const text = eventSentence(
      {
        type: 'vmware-state',
        product: 'esx',
        state: 'soft',
        direction: 'down',
        freePages: 40 * 256,
        thresholdPercent: 4,
        thresholdOf: 'host memory',
        raised: { vm: 2, targetPages: 512 * 256 },
      },
      names,
    );
    expect(text).toBe(
      "Free memory fell below 4% of host memory (40 MiB free): ESX entered Soft, reclaiming by ballooning, and raised idle's balloon target to 512 MiB.",
    );
  });

  it("words a driver's activity in its own driver's terms", () => {
    expect(activityWords('inflating', 'xen')).toBe('decrease_reservation');
    expect(activityWords('deflating', 'hyperv')).toBe('balloon down');
    expect(activityWords('out-of-puff', 'virtio')).toBe('out of puff (sleeping 200 ms)');
    expect(activityWords(null, null)).toBe('no driver');
  });
});
