// The lesson keys of a link: lesson=<id>&step=<n> round-trip; an unknown lesson is ignored and a
// step out of range is clamped, each with a note. The comparison key (cmp=) round-trips too.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, defaultLinkState } from '../../src/url/index.ts';

const base = encodeLink(defaultLinkState());

describe('lesson keys', () => {
  it('round-trip the lesson and its step', () => {
    const s = defaultLinkState();
    s.view.lesson = { id: 'story', step: 3 };
    const d = decodeLink(encodeLink(s));
    expect(d.ok && d.corrections).toEqual([]);
    expect(d.state.view.lesson).toEqual({ id: 'story', step: 3 });
  });
  it('clamps a step out of range and warns', () => {
    const d = decodeLink(`${base}&lesson=story&step=99`);
    expect(d.state.view.lesson).toEqual({ id: 'story', step: 4 });
    expect(d.ok && d.corrections.join()).toMatch(/step: "99" is not a step of "story" \(1 to 4\); using 4/);
  });
  it('ignores an unknown lesson or a step alone, with a note', () => {
    const d = decodeLink(`${base}&lesson=nope&step=2`);
    expect(d.state.view.lesson).toBeNull();
    expect(d.ok && d.corrections.join()).toMatch(/lesson: "nope" is not a lesson/);
    expect(decodeLink(`${base}&step=2`).state.view.lesson).toBeNull();
  });
});

describe('compare key', () => {
  it("round-trips the seed's contrast and refuses an unknown path with a note", async () => {
    const { contrastChanges } = await import('../../src/url/compareKeys.ts');
    const s = defaultLinkState();
    s.view.compare = contrastChanges(s.scenario);
    const d = decodeLink(encodeLink(s));
    expect(d.ok && d.corrections).toEqual([]);
    expect(d.state.view.compare).toEqual(s.view.compare);
    const bad = decodeLink(`${base}&cmp=host.nope:1`);
    expect(bad.state.view.compare).toBeNull();
    expect(bad.ok && bad.corrections.join()).toMatch(/cmp: host.nope is not a parameter/);
  });
});
