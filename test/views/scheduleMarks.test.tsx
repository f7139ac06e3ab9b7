// @vitest-environment jsdom
// The timeline on the charts: each schedule entry (scheduled, or recorded from a change made
// while playing) is a mark on the time axis at its time, in words, and only marks inside the
// chart's time domain are drawn.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { LineChart } from '../../src/views/charts/LineChart.tsx';
import type { ChartSpec } from '../../src/views/charts/chartSpecs.ts';
import { scheduleMarks } from '../../src/views/charts/scheduleMarks.ts';
import { presetScenario } from '../../src/url/index.ts';

describe('schedule marks', () => {
  const scenario = presetScenario('balloon-by-hand')!;
  scenario.schedule = [
    { atS: 60, set: { 'vms.0.workload.activeMiB': 512 } },
    { atS: 30, ramp: { path: 'vms.2.balloon.targetMiB', to: 256, overS: 20 } },
    { atS: 5, stop: 1 },
    { atS: 8, start: 1 },
    { atS: 3, touch: { vm: 2, page: 99 } },
  ];

  it('words every entry, in time order', () => {
    expect(scheduleMarks(scenario)).toEqual([
      { atS: 3, label: 'idle touches guest page 99' },
      { atS: 5, label: 'db stops' },
      { atS: 8, label: 'db starts' },
      { atS: 30, label: 'idle: balloon target → 256 MiB over 20 s' },
      { atS: 60, label: 'web: working set = 512 MiB' },
    ]);
  });

  it('draws the marks inside the time domain on the chart, each with its words', () => {
    const spec: ChartSpec = {
      id: 'free',
      title: 'Host free',
      unit: 'MiB',
      series: [
        {
          id: 'h',
          label: 'free',
          color: { role: 'host' },
          dash: '',
          points: [
            [0, 1],
            [40, 2],
          ],
        },
      ],
    };
    const { container } = render(
      <LineChart
        spec={spec}
        widthPx={400}
        heightPx={150}
        timeDomain={[0, 40]}
        marks={scheduleMarks(scenario)}
        cursorS={null}
        onCursor={() => {}}
        theme="light"
      />,
    );
    const marks = [...container.querySelectorAll('.schedule-mark title')].map((t) => t.textContent);
    expect(marks).toEqual([
      '3 s: idle touches guest page 99',
      '5 s: db stops',
      '8 s: db starts',
      '30 s: idle: balloon target → 256 MiB over 20 s',
    ]);
  });
});
