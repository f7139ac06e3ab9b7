// Chart data: history samples and rates, the ring buffer, the policy's state bands, chart
// specs (per-VM dash patterns, decimation) and the shared cursor lookup.
import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../src/views/data/ringBuffer.ts';
import { logTicks } from '../../src/views/charts/LineChart.tsx';
import { newHistory, record, sampleOf } from '../../src/views/charts/history.ts';
import { policyBands } from '../../src/views/charts/policyBands.ts';
import { chartSpecs, decimate, nearestSample, VM_DASHES } from '../../src/views/charts/chartSpecs.ts';
import { fakeFrame, presetScenario } from './fixtures/frames.ts';

describe('log axis ticks', () => {
  it('are decades from 1 up to the top, with 0', () => {
    expect(logTicks(4096)).toEqual([0, 1, 10, 100, 1000]);
  });
});

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity', () => {
    const b = new RingBuffer<number>(3);
    [1, 2, 3, 4, 5].forEach((x) => b.push(x));
    expect(b.toArray()).toEqual([3, 4, 5]);
    b.dropNewestWhile((x) => x > 3);
    expect(b.toArray()).toEqual([3]);
    expect(b.last()).toBe(3);
  });
});

describe('history', () => {
  const s = presetScenario();
  const r1 = fakeFrame(s, { seconds: 1 }).summary;
  const r2 = fakeFrame(s, { seconds: 2 }).summary;
  it('computes rates from counters', () => {
    const a = sampleOf(r1, undefined);
    const b = sampleOf(r2, a);
    expect(b.eptFaultsPerSec).toBeCloseTo((r2.counters.eptViolations - r1.counters.eptViolations) / (r2.simSeconds - r1.simSeconds));
    expect(a.eptFaultsPerSec).toBe(0);
  });
  it('drops the future when time goes back', () => {
    const h = newHistory();
    record(h, r1);
    record(h, r2);
    record(h, r1);
    expect(h.toArray().map((x) => x.tS)).toEqual([r1.simSeconds]);
  });
});

describe('policy bands', () => {
  it('draws the ESX states at 1/2/4% with the 6% target', () => {
    const g = policyBands('esx', 1000);
    expect(g.bands.map((b) => [b.state, b.fromMiB, b.toMiB])).toEqual([
      ['low', 0, 10],
      ['hard', 10, 20],
      ['soft', 20, 40],
      ['high', 40, 1000],
    ]);
    expect(g.targets[0].mib).toBeCloseTo(60);
  });
  it('draws KVM MOM pressure at 20% and critical at 5%', () => {
    expect(policyBands('kvm-mom', 1000).bands.map((b) => b.state)).toEqual(['critical', 'pressure', 'normal']);
  });
  it('draws nothing for policies without states', () => {
    expect(policyBands('manual', 1000).bands).toEqual([]);
  });
});

describe('chart specs', () => {
  it('give each VM its own dash pattern and the balloon chart its targets', () => {
    const s = presetScenario();
    const h = newHistory();
    record(h, fakeFrame(s, { seconds: 1 }).summary);
    const specs = chartSpecs(h.toArray(), ['web', 'db', 'idle'], 4096, policyBands('manual', 4096));
    expect(specs.map((c) => c.id)).toEqual(['free', 'balloon', 'backed', 'swap', 'faults', 'perf']);
    const balloon = specs[1];
    expect(balloon.series.filter((x) => !x.secondary).map((x) => x.dash)).toEqual(VM_DASHES.slice(0, 3));
    expect(balloon.series.filter((x) => x.secondary)).toHaveLength(3);
  });
  it('decimate to a bound, keeping the newest', () => {
    const d = decimate(
      Array.from({ length: 1000 }, (_, i) => i),
      100,
    );
    expect(d).toHaveLength(100);
    expect(d[99]).toBe(999);
  });
  it('find the sample nearest the cursor', () => {
    const samples = [0, 1, 2, 3].map((t) => ({ tS: t })) as never[];
    expect((nearestSample(samples, 1.4) as unknown as { tS: number }).tS).toBe(1);
    expect((nearestSample(samples, 2.6) as unknown as { tS: number }).tS).toBe(3);
  });
});
