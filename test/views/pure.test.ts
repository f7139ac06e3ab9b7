// Pure helpers of the views: slider scales and keys, balloon geometry, pressure changes, map
// keys, page details, and the words the maps use.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { keyStep, POSITIONS, sliderScale, snap, valueText } from '../../src/views/controls/sliderScale.ts';
import { HOST_PARAMS, VM_PARAMS, WORKLOAD_PARAMS } from '../../src/sim/scenario/params.ts';
import { balloonRadius, balloonText, balloonTrend, BALLOON_MAX_R, BALLOON_MIN_R } from '../../src/views/balloon/balloonGeometry.ts';
import { PRESSURE_SPEC, pressureChanges, pressureWords, type PressureBaseline } from '../../src/views/controls/pressure.ts';
import { applyChanges } from '../../src/sim/scenario/paramPath.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { mapKey } from '../../src/views/map/mapKeys.ts';
import { layoutMap } from '../../src/views/map/mapLayout.ts';
import { pageDetailsFromInfo } from '../../src/views/data/pageDetails.ts';
import { cellOfPage, cellPages, type MapSnapshot } from '../../src/views/map/mapSnapshot.ts';
import { describeCell, describeMap, tally } from '../../src/views/map/describeMap.ts';
import { specAt, valueAt } from '../../src/views/data/paramPath.ts';
import { presetScenario } from './fixtures/frames.ts';

describe('slider scales', () => {
  it('use a log-like scale for wide ranges and stay linear for narrow ones', () => {
    expect(sliderScale(HOST_PARAMS.swapLatencyUs).log).toBe(true);
    expect(sliderScale(WORKLOAD_PARAMS.writePercent).log).toBe(false);
  });
  it('map both ends exactly and snap to the step', () => {
    for (const spec of [HOST_PARAMS.memoryMiB, HOST_PARAMS.swapLatencyUs, VM_PARAMS.shares, WORKLOAD_PARAMS.writePercent]) {
      const s = sliderScale(spec);
      expect(s.toValue(0)).toBe(spec.min);
      expect(s.toValue(POSITIONS)).toBe(spec.max);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: POSITIONS }), (p) => {
        const v = sliderScale(HOST_PARAMS.memoryMiB).toValue(p);
        expect((v - HOST_PARAMS.memoryMiB.min) % HOST_PARAMS.memoryMiB.step).toBe(0);
      }),
      properties(100),
    );
  });
  it('honour a narrower contextual maximum', () => {
    expect(sliderScale(WORKLOAD_PARAMS.activeMiB, 1536).toValue(POSITIONS)).toBe(1536);
  });
  it('round-trip values through positions monotonically', () => {
    const s = sliderScale(HOST_PARAMS.memoryMiB);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: POSITIONS - 1 }), (p) => {
        expect(s.toValue(p + 1)).toBeGreaterThanOrEqual(s.toValue(p));
      }),
      properties(100),
    );
  });
  it('step by range/20, Shift range/100, Page range/10, Home/End', () => {
    expect(keyStep('ArrowRight', false, 500)).toBe(550);
    expect(keyStep('ArrowLeft', true, 500)).toBe(490);
    expect(keyStep('PageUp', false, 950)).toBe(1000);
    expect(keyStep('Home', false, 500)).toBe(0);
    expect(keyStep('End', false, 0)).toBe(POSITIONS);
    expect(keyStep('a', false, 0)).toBeNull();
  });
  it('snap and read values aloud', () => {
    expect(snap(1000, HOST_PARAMS.memoryMiB)).toBe(1024);
    expect(valueText('Host memory', HOST_PARAMS.memoryMiB, 4096)).toBe('Host memory 4096 MiB');
    expect(valueText('Shares', VM_PARAMS.shares, 10, 'low')).toBe('Shares 10, low');
  });
});

describe('balloon geometry', () => {
  it('grows with the balloon by area, between the minimum and maximum radius', () => {
    expect(balloonRadius(0, 1024)).toBe(BALLOON_MIN_R);
    expect(balloonRadius(1024, 1024)).toBe(BALLOON_MAX_R);
    expect(balloonRadius(256, 1024)).toBeCloseTo(BALLOON_MIN_R + (BALLOON_MAX_R - BALLOON_MIN_R) * 0.5);
    expect(balloonRadius(5000, 1024)).toBe(BALLOON_MAX_R);
  });
  it('tells the trend and says it in words', () => {
    expect(balloonTrend(100, 512)).toBe('inflating');
    expect(balloonTrend(512, 100)).toBe('deflating');
    expect(balloonTrend(512, 512.5)).toBe('steady');
    expect(balloonText('idle', 512, 1024, 1536)).toBe('idle balloon 512 MiB of 1536 MiB, target 1024 MiB, inflating');
  });
});

describe('memory pressure', () => {
  it('scales working sets and footprints, footprint first when growing', () => {
    const s = presetScenario();
    const up = pressureChanges(s, 1, 2).changes;
    expect(up.findIndex((c) => c.path === 'vms.0.workload.footprintMiB')).toBeLessThan(
      up.findIndex((c) => c.path === 'vms.0.workload.activeMiB'),
    );
    expect(up.find((c) => c.path === 'vms.0.workload.activeMiB')?.value).toBe(768);
    expect(up.find((c) => c.path === 'vms.1.workload.fileMiB')?.value).toBe(2048);
    const down = pressureChanges(s, 1, 0.5).changes;
    expect(down.findIndex((c) => c.path === 'vms.0.workload.activeMiB')).toBeLessThan(
      down.findIndex((c) => c.path === 'vms.0.workload.footprintMiB'),
    );
    expect(pressureWords(1)).toBe('normal demand');
    expect(pressureWords(2.5)).toBe('heavy demand');
  });

  /** Moves the multiplier through `ms` from 1, applying each step's changes as the store does. */
  const moveThrough = (s: Scenario, ms: number[]): Scenario => {
    let from = 1;
    let baseline: PressureBaseline = new Map();
    for (const to of ms) {
      const step = pressureChanges(s, from, to, baseline);
      const r = applyChanges(s, step.changes);
      if (!r.ok) throw new Error(r.errors.join('; '));
      expect(r.corrections).toEqual([]);
      ({ scenario: s } = r);
      baseline = step.baseline;
      from = to;
    }
    return s;
  };
  const workloads = (s: Scenario) => s.vms.map((vm) => vm.workload);

  it('ends where the slider ends, however it got there (small VMs move too)', () => {
    const s = presetScenario();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 1, maxLength: 12 }), (steps) => {
        const ms = steps.map((n) => n * PRESSURE_SPEC.step);
        expect(workloads(moveThrough(s, ms))).toEqual(workloads(moveThrough(s, [ms.at(-1)!])));
      }),
      properties(60, 20261203),
    );
    // Six arrow steps from 1 to 1.9: the idle VM's 32 MiB working set grows as it does in one move.
    const idle = s.vms.findIndex((vm) => vm.workload.activeMiB === 32);
    expect(moveThrough(s, [1.15, 1.3, 1.45, 1.6, 1.75, 1.9]).vms[idle].workload.activeMiB).toBe(snap(32 * 1.9, WORKLOAD_PARAMS.activeMiB));
  });

  it('takes a value set elsewhere between moves as its value at the current multiplier', () => {
    const s = presetScenario();
    const up = pressureChanges(s, 1, 2);
    const at2 = applyChanges(s, up.changes);
    if (!at2.ok) throw new Error(at2.errors.join('; '));
    const edited = applyChanges(at2.scenario, [{ path: 'vms.0.workload.activeMiB', value: 640 }]);
    if (!edited.ok) throw new Error(edited.errors.join('; '));
    const back = pressureChanges(edited.scenario, 2, 1, up.baseline).changes;
    expect(back.find((c) => c.path === 'vms.0.workload.activeMiB')?.value).toBe(320);
    expect(back.find((c) => c.path === 'vms.1.workload.activeMiB')?.value).toBe(s.vms[1].workload.activeMiB);
  });
});

describe('parameter paths', () => {
  it('find specs and values with policy keys flattened', () => {
    const s = presetScenario();
    expect(specAt(s, 'host.memoryMiB')?.label).toBe('Host memory');
    expect(specAt(s, 'vms.1.workload.activeMiB')?.label).toBe('Working set');
    expect(specAt(s, 'vms.9.memoryMiB')).toBeUndefined();
    expect(valueAt(s, 'vms.2.balloon.targetMiB')).toBe(1024);
    expect(valueAt(s, 'policy.kind')).toBe('manual');
  });
});

describe('map keys', () => {
  const l = layoutMap(100, 100, 100);
  it('move a cursor, zoom and select', () => {
    expect(mapKey('ArrowRight', -1, l)).toEqual({ kind: 'cursor', cell: 0 });
    expect(mapKey('ArrowDown', 0, l)).toEqual({ kind: 'cursor', cell: l.cols });
    expect(mapKey('End', 0, l)).toEqual({ kind: 'cursor', cell: l.cells - 1 });
    expect(mapKey('+', 0, l)).toEqual({ kind: 'zoom', factor: 2 });
    expect(mapKey('0', 0, l)).toEqual({ kind: 'reset' });
    expect(mapKey('Enter', -1, l)).toBeNull();
    expect(mapKey('Enter', 3, l)).toEqual({ kind: 'select' });
  });
});

describe('map words', () => {
  const snap: MapSnapshot = {
    window: { firstPage: 100, pageCount: 40, cells: 10 },
    pagesPerCell: 4,
    cells: Uint8Array.from([4, 4, 4, 0, 0, 1, 4, 5, 7, 8]),
    second: Uint8Array.from([0, 0, 1, 255, 255, 255, 0, 1, 0, 2]),
  };
  const names = ['web', 'db', 'idle'];
  it('maps pages to cells and back', () => {
    expect(cellPages(snap, 2)).toEqual([108, 111]);
    expect(cellOfPage(snap, 111)).toBe(2);
    expect(cellOfPage(snap, 99)).toBe(-1);
    expect(cellOfPage(snap, 140)).toBe(-1);
  });
  it('tallies states by owner', () => {
    const t = tally('host', snap, names);
    expect(t[0]).toEqual({ label: 'web: guest anonymous', cells: 3, percent: 30 });
    expect(t.find((r) => r.label === 'free')?.cells).toBe(2);
  });
  it('describes the map and a cell', () => {
    expect(describeMap('host', 'Host physical frames', snap, names)).toMatch(
      /^Host physical frames, frames 100 to 139 \(0 MiB\), 4 frames per cell\. Largest: /,
    );
    expect(describeCell('host', snap, 0, names)).toEqual([
      'Host frames 100-103',
      'Owner: web',
      'State: guest anonymous',
      '(most common state of 4 frames; zoom in for single frames)',
    ]);
    const one = { ...snap, pagesPerCell: 1, window: { firstPage: 26, pageCount: 10, cells: 10 } };
    expect(describeCell('guest', one, 0, names)).toEqual([
      'Guest-physical page 26 (0x1a)',
      'Guest use: anonymous (idle)',
      'Host backing (EPT): backed',
    ]);
  });
});

describe('page details from inspection', () => {
  it('gives a guest page its host frame', () => {
    const d = pageDetailsFromInfo({
      space: 'guest',
      vm: 1,
      vmName: 'db',
      page: 9,
      kind: 'anonymous',
      use: 'anonymous (active)',
      flags: ['referenced'],
      ept: { raw: 5, state: 'present', backing: 'backed', frame: 5, accessed: true, swapSlot: null },
      hostFrame: { space: 'host', frame: 5, use: 'guest anonymous', vm: 1, vmName: 'db', guestPage: 9, mappings: 1 },
    });
    expect(d.counterpart).toEqual({ space: 'host', vm: 1, page: 5 });
    expect(d.text).toBe('db guest-physical page 9: anonymous (active) (referenced); backed by host frame 5.');
  });
  it('gives a ballooned page no counterpart', () => {
    const d = pageDetailsFromInfo({
      space: 'guest',
      vm: 2,
      vmName: 'idle',
      page: 3,
      kind: 'balloon',
      use: 'balloon',
      flags: [],
      ept: { raw: -2, state: 'ballooned', backing: 'ballooned', frame: null, accessed: null, swapSlot: null },
      hostFrame: null,
    });
    expect(d.counterpart).toBeNull();
    expect(d.text).toMatch(/EPT entry ballooned/);
  });
});
