// @vitest-environment jsdom
// The lines' end labels: the placement (dodgeLabels, pure; properties with fast-check) keeps
// labels the minimum spacing apart, in order and within the bounds, and moves none that do not
// collide; the chart draws lines that end at one value with separate labels, each moved label
// with a leader line in its line's colour.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { render } from '@testing-library/react';
import { dodgeLabels } from '../../src/views/charts/dodgeLabels.ts';
import { LABEL_HEIGHT_PX } from '../../src/views/charts/EndLabels.tsx';
import { LineChart } from '../../src/views/charts/LineChart.tsx';
import type { ChartSpec } from '../../src/views/charts/chartSpecs.ts';

const EPS = 1e-6;
const BOUNDS: [number, number] = [0, 120];
const GAP = 12;

/** Input indices sorted by wanted position, ties in input order. */
const orderOf = (wanted: readonly number[]): number[] => wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);

/** Up to as many labels as fit in the bounds at the spacing, wanted anywhere (some outside). */
const fitting = fc.array(fc.double({ min: -30, max: 150, noNaN: true }), {
  minLength: 1,
  maxLength: Math.floor((BOUNDS[1] - BOUNDS[0]) / GAP) + 1,
});

describe('dodgeLabels', () => {
  it('keeps labels that fit at least the minimum spacing apart, in order, within the bounds', () => {
    fc.assert(
      fc.property(fitting, (wanted) => {
        const placed = dodgeLabels(wanted, GAP, BOUNDS);
        const order = orderOf(wanted);
        for (const y of placed) expect(y >= BOUNDS[0] - EPS && y <= BOUNDS[1] + EPS).toBe(true);
        for (let k = 1; k < order.length; k++) expect(placed[order[k]] - placed[order[k - 1]]).toBeGreaterThanOrEqual(GAP - EPS);
      }),
      properties(100),
    );
  });

  it('moves no label when none collide', () => {
    // Wanted places at least the spacing apart (gaps from GAP up), within the bounds, in any order.
    const apart = fc
      .tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.array(fc.double({ min: GAP, max: 3 * GAP, noNaN: true }), { maxLength: 9 }))
      .map(([first, gaps]) => gaps.reduce((ys, g) => [...ys, ys[ys.length - 1] + g], [first]))
      .filter((ys) => ys[ys.length - 1] <= BOUNDS[1])
      .chain((ys) => fc.shuffledSubarray(ys, { minLength: ys.length }));
    fc.assert(
      fc.property(apart, (wanted) => {
        dodgeLabels(wanted, GAP, BOUNDS).forEach((y, i) => expect(y).toBeCloseTo(wanted[i], 9));
      }),
      properties(100),
    );
  });

  it('moves no label whose wanted place is far from every other label, inside the bounds', () => {
    // A label at least n·gap from every other, and n·gap inside the bounds, keeps its place.
    const wide: [number, number] = [0, 1000];
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 2, maxLength: 8 }), (wanted) => {
        const reach = wanted.length * GAP;
        const placed = dodgeLabels(wanted, GAP, wide);
        wanted.forEach((y, i) => {
          const alone = wanted.every((o, j) => j === i || Math.abs(o - y) >= reach);
          if (alone && y >= wide[0] + reach && y <= wide[1] - reach) expect(placed[i]).toBeCloseTo(y, 9);
        });
      }),
      properties(100),
    );
  });

  it('spreads labels that end at one value around it, in input order', () => {
    expect(dodgeLabels([60, 60, 60], GAP, BOUNDS)).toEqual([48, 60, 72]);
  });

  it('pushes labels at the bottom edge up, not out of the plot', () => {
    expect(dodgeLabels([120, 120, 120], GAP, BOUNDS)).toEqual([96, 108, 120]);
    expect(dodgeLabels([0, 0], GAP, BOUNDS)).toEqual([0, 12]);
  });

  it('spreads labels evenly over the bounds when they cannot fit at the spacing', () => {
    const placed = dodgeLabels(
      Array.from({ length: 5 }, () => 10),
      GAP,
      [0, 24],
    );
    placed.forEach((y, k) => expect(y).toBeCloseTo(k * 6, 9));
  });

  it('places nothing for no labels', () => {
    expect(dodgeLabels([], GAP, BOUNDS)).toEqual([]);
  });
});

describe('end labels in a chart', () => {
  const flat = (id: string, label: string, vm: number, value: number) => ({
    id,
    label,
    color: { vm },
    dash: '',
    points: [
      [0, 100],
      [5, value],
    ] as [number, number][],
  });
  const spec: ChartSpec = {
    id: 'balloon',
    title: 'Balloon size',
    unit: 'MiB',
    series: [
      flat('b0', 'web', 0, 0),
      flat('b1', 'db', 1, 0),
      flat('b2', 'idle', 2, 0),
      flat('b3', 'far', 3, 100),
      { ...flat('t0', 'web target', 0, 0), secondary: true },
    ],
  };
  const draw = () =>
    render(
      <LineChart
        spec={spec}
        widthPx={400}
        heightPx={150}
        timeDomain={[0, 10]}
        marks={[]}
        cursorS={null}
        onCursor={() => {}}
        theme="light"
      />,
    );

  it('draws lines ending at one value with labels a label height apart, in series order, each moved one with a leader', () => {
    const { container } = draw();
    const labels = [...container.querySelectorAll<SVGTextElement>('.series-label')];
    expect(labels.map((t) => t.textContent)).toEqual(['web', 'db', 'idle', 'far']);
    const ys = labels.map((t) => Number(t.getAttribute('y')));
    expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(LABEL_HEIGHT_PX - EPS);
    expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(LABEL_HEIGHT_PX - EPS);
    const leaders = [...container.querySelectorAll<SVGLineElement>('.series-leader')];
    expect(leaders).toHaveLength(2);
    for (const l of leaders) {
      const label = labels.find((t) => Number(t.getAttribute('y')) === Number(l.getAttribute('y2')))!;
      expect(l.getAttribute('stroke')).toBe(label.getAttribute('fill'));
    }
  });

  it("keeps the chart's accessible description of the latest values", () => {
    const { getByRole } = draw();
    expect(getByRole('img')).toHaveAccessibleName('Balloon size, now: web 0 MiB, db 0 MiB, idle 0 MiB, far 100 MiB');
  });
});
