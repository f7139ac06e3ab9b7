// Links: every preset round-trips and stays short; old (v0, v1) links migrate; hostile, damaged
// and unknown-version links give a valid state and a clear message; the compact form appears
// only when much shorter and expands back.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import {
  compactLink,
  decodeLink,
  DEFAULT_VIEW,
  defaultLinkState,
  encodeLink,
  expandLink,
  linkText,
  presetScenario,
  type LinkState,
} from '../../src/url/index.ts';

const BASE = 'https://balloon-lab.example.org/app/#';
const stateOf = (name: string, extra: Partial<LinkState> = {}): LinkState => ({
  scenario: presetScenario(name)!,
  timeMs: 0,
  view: DEFAULT_VIEW,
  ...extra,
});
const valid = (s: LinkState) => validateScenario(scenarioToJson(s.scenario), 'strict').ok;

describe('preset links', () => {
  for (const p of PRESETS) {
    it(`${p.name}: round-trips and is under 2000 characters`, () => {
      const link = BASE + encodeLink(stateOf(p.name));
      expect(link.length).toBeLessThan(2000);
      const d = decodeLink(linkText(link));
      expect(d).toEqual({ ok: true, state: stateOf(p.name), corrections: [] });
    });
  }

  it('carries the schedule (recorded live changes included), time and the whole view', () => {
    const scenario = presetScenario('identical-vms')!;
    scenario.schedule = [
      { atS: 3, set: { 'vms.1.balloon.targetMiB': 128 } },
      { atS: 5.5, set: { 'vms.0.workload.accessesPerSec': 900, 'vms.0.workload.writePercent': 50 } },
      { atS: 6, ramp: { path: 'vms.2.workload.footprintMiB', to: 400, overS: 20 } },
      { atS: 8, stop: 3 },
      { atS: 9, touch: { vm: 1, page: 4000 } },
    ];
    const s = stateOf('identical-vms', {
      scenario,
      timeMs: 12300,
      view: {
        selectedVm: 2,
        selectedPage: { space: 'guest', vm: 1, page: 4242 },
        walkTarget: { space: 'guest-virtual', vm: 0, pid: 1, gva: '0x7f0000001000' },
        walkStep: 7,
        walkWhatIf: { tlb: true, pageWalkCache: false, nestedTlb: true, guestPageSize: '2 MiB', hostPageSize: '1 GiB', write: true },
        zoom: { host: { firstPage: 1024, pageCount: 4096 }, 'guest:3': { firstPage: 0, pageCount: 512 } },
        panels: ['debug', 'explain'],
        theme: 'projector',
        embed: true,
        hidden: ['speed'],
        speed: 4,
        lesson: { id: 'story', step: 3 },
        compare: [
          { path: 'policy.kind', value: 'none' },
          { path: 'host.swapLatencyUs', value: 7000 },
        ],
      },
    });
    const text = encodeLink(s);
    expect(text).toContain('sch=3%3Aset%3Avms.1.balloon.targetMiB%3D128%2C');
    expect(text).toContain('t=12.3');
    expect(decodeLink(text)).toEqual({ ok: true, state: s, corrections: [] });
  });
});

describe('old links', () => {
  it("a pre-release (v0) link opens as the same state as today's link", () => {
    const v0 =
      'seed=7&h_memoryMiB=2048&policy.kind=manual&vms=2&vm1_memoryMiB=512&vm2_balloon_targetMiB=128&vm2_workload_kind=idle&time=4500&theme=dark';
    const v1 =
      'v=1&seed=7&host.memoryMiB=2048&policy.kind=manual&vms=2&vms.0.memoryMiB=512&vms.1.balloon.targetMiB=128&vms.1.workload.kind=idle&t=4.5&theme=dark';
    const a = decodeLink(v0);
    expect(a.ok).toBe(true);
    expect(a).toEqual(decodeLink(v1));
    expect(a.state.scenario.host.memoryMiB).toBe(2048);
    expect(a.state.scenario.vms[1].balloon.targetMiB).toBe(128);
    expect(a.state.timeMs).toBe(4500);
  });

  it("a v1 link's live changes (`in`, by tick) open as the same schedule entries (`sch`, by time)", () => {
    const v1 =
      'v=1&seed=7&tickMs=50&policy.kind=manual&vms=2&in=30:vms.1.balloon.targetMiB:128,30:vms.0.workload.accessesPerSec:900,41:vms.1.balloon.targetMiB:64&t=4.5';
    const v2 =
      'v=2&seed=7&tickMs=50&policy.kind=manual&vms=2&sch=1.5:set:vms.1.balloon.targetMiB=128,1.5:set:vms.0.workload.accessesPerSec=900,2.05:set:vms.1.balloon.targetMiB=64&t=4.5';
    const a = decodeLink(v1);
    expect(a).toEqual(decodeLink(v2));
    expect(a.ok && a.corrections).toEqual([]);
    expect(a.state.scenario.schedule).toEqual([
      { atS: 1.5, set: { 'vms.1.balloon.targetMiB': 128 } },
      { atS: 1.5, set: { 'vms.0.workload.accessesPerSec': 900 } },
      { atS: 2.05, set: { 'vms.1.balloon.targetMiB': 64 } },
    ]);
  });

  it('a link from a newer version opens the default scenario and says why', () => {
    const d = decodeLink('v=99&seed=3');
    expect(d.ok).toBe(false);
    expect(d.state).toEqual(defaultLinkState());
    if (!d.ok) expect(d.error).toMatch(/newer or unknown version.*v=2/);
  });
});

describe('hostile and damaged links', () => {
  const good = encodeLink(stateOf('balloon-by-hand', { timeMs: 5000 }));

  it('truncated anywhere: still a valid state', () => {
    for (let n = 0; n <= good.length; n += 7) {
      const d = decodeLink(good.slice(0, n));
      expect(valid(d.state)).toBe(true);
    }
  });

  it('script and markup in values are refused as values, listed as corrections', () => {
    const d = decodeLink(`${good}&vms.0.name=<script>alert(1)</script>&theme="><img src=x onerror=alert(1)>&scn=<b>x</b>`);
    expect(d.ok).toBe(true);
    expect(d.state.scenario.vms[0].name).toBe('vm1');
    expect(d.state.view.theme).toBe('light');
    expect(d.state.scenario.name).toBe('custom');
    expect(d.ok && d.corrections.some((c) => c.startsWith('vms[0].name'))).toBe(true);
    expect(d.ok && d.corrections.some((c) => c.startsWith('theme'))).toBe(true);
  });

  it('wrong types and out-of-range values are clamped, each correction listed', () => {
    const d = decodeLink(
      'v=1&seed=-5&host.memoryMiB=1e12&host.compression=yes&vms=3&vms.0.memoryMiB=abc&vms.1.balloon.targetMiB=99999&vm=17&speed=1000&t=-3&vms.7.memoryMiB=64&__proto__.x=1&vms.0.balloon=1',
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.state.scenario.seed).toBe(0);
    expect(d.state.scenario.host.memoryMiB).toBe(1048576);
    expect(d.state.scenario.host.compression).toBe(false);
    expect(d.state.scenario.vms[0].memoryMiB).toBe(1024);
    expect(d.state.view.selectedVm).toBe(null);
    expect(d.state.view.speed).toBe(64);
    expect(d.state.timeMs).toBe(0);
    expect(d.corrections.length).toBeGreaterThanOrEqual(9);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('bad walk keys are ignored or clamped, each with a note naming the key and the allowed range', () => {
    const base = encodeLink(stateOf('balloon-by-hand'));
    const d = decodeLink(`${base}&addr=9.1.0x7f0000000000&walk.step=999&walk.caches=tlb,l3&walk.guest=8k&walk.write=yes`);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.state.view).toMatchObject({ walkTarget: null, walkStep: 35, walkWhatIf: { tlb: true, guestPageSize: '4 KiB', write: false } });
    const notes = d.corrections.join('\n');
    expect(notes).toContain('addr: "9.1.0x7f0000000000" is not valid (a VM number 0 to 2)');
    expect(notes).toContain('walk.step: 999 is more than any walk makes; using 35');
    expect(notes).toContain('walk.caches: some entries of "tlb,l3" are not caches (allowed tlb, pwc, ntlb); kept tlb');
    expect(notes).toContain('walk.guest: "8k" is not valid (4k, 2m or 1g)');
    const far = decodeLink(`${base}&addr=0.gpa.0xfffffffff`);
    expect(far.ok && far.corrections.join()).toContain('a guest-physical address 0x0 to 0x5fffffff in VM 0');
    const gpa = decodeLink(`${base}&addr=2.gpa.0x1A2000&walk.step=3`);
    expect(gpa.ok && gpa.state.view).toMatchObject({ walkTarget: { space: 'guest-physical', vm: 2, gpa: '0x1a2000' }, walkStep: 3 });
  });

  it('a huge link is refused with a message', () => {
    const d = decodeLink(`v=1&seed=1&pad=${'x'.repeat(70000)}`);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/characters long/);
  });
});

describe('compact form', () => {
  it('is used only when much shorter, and expands to the readable form', async () => {
    const short = encodeLink(stateOf('balloon-by-hand'));
    expect(await compactLink(short)).toBe(short);
    const big = stateOf('identical-vms');
    const vms = Array.from({ length: 16 }, (_, i) => ({
      ...big.scenario.vms[0],
      name: `spec${i + 1}`,
      memoryMiB: 256,
      balloon: { ...big.scenario.vms[0].balloon, targetMiB: 16 * i },
    }));
    const long = encodeLink({ ...big, scenario: { ...big.scenario, vms } });
    const compact = await compactLink(long);
    expect(compact.startsWith('z=')).toBe(true);
    expect(compact.length).toBeLessThan(long.length * 0.8);
    expect(await expandLink(compact)).toEqual({ text: long, error: null });
    const broken = await expandLink('z=not*base64');
    expect(broken.error).toMatch(/could not be read/);
  });
});

describe('link text', () => {
  it('is the fragment, else the query, and nothing for a bare address', () => {
    expect(linkText('https://x.org/app/#v=1&seed=2')).toBe('v=1&seed=2');
    expect(linkText('https://x.org/app/?v=1&seed=2')).toBe('v=1&seed=2');
    expect(linkText('https://x.org/app/')).toBe('');
    expect(linkText('v=1&seed=2')).toBe('v=1&seed=2');
  });
});
