// The charts: every frame's summary goes into a bounded history; the charts redraw at most a
// few times a second, share one time axis with the schedule's marks, and share a time cursor
// (hover any chart).
import { useMemo, useRef, useState } from 'react';
import { useFrameData, useThrottledView } from '../data/FrameHubContext.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { useElementWidth } from '../map/useElementWidth.ts';
import { chartSpecs, decimate } from './chartSpecs.ts';
import { newHistory, record } from './history.ts';
import { ChartTable } from './ChartTable.tsx';
import { LineChart } from './LineChart.tsx';
import { policyBands } from './policyBands.ts';
import { scheduleMarks } from './scheduleMarks.ts';

const CHART_HEIGHT_PX = 150;
const MIN_CHART_WIDTH_PX = 320;
const REDRAW_EVERY_MS = 250;
const CHART_GAP_PX = 12;

export function ChartsSection() {
  const sim = useSim();
  const scenario = sim.useScenario();
  const theme = sim.useTheme();
  const history = useRef(newHistory());
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 900);
  const [cursorS, setCursorS] = useState<number | null>(null);
  const [table, setTable] = useState(false);
  useFrameData((f) => record(history.current, f.summary));
  // Re-renders (and redraws) at most every REDRAW_EVERY_MS, not on every frame.
  const drawVersion = useThrottledView(REDRAW_EVERY_MS).version;
  const perRow = Math.max(1, Math.floor(width / MIN_CHART_WIDTH_PX));
  const chartWidth = Math.floor((width - CHART_GAP_PX * (perRow - 1)) / perRow);
  const specs = useMemo(() => {
    const samples = decimate(history.current.toArray(), Math.max(50, chartWidth));
    const guides = policyBands(scenario.policy.kind, scenario.host.memoryMiB, scenario.policy.params);
    return {
      samples,
      list: chartSpecs(
        samples,
        scenario.vms.map((v) => v.name),
        scenario.host.memoryMiB,
        guides,
      ),
    };
  }, [drawVersion, chartWidth, scenario]); // eslint-disable-line react-hooks/exhaustive-deps
  const t0 = specs.samples[0]?.tS ?? 0;
  const t1 = Math.max(t0 + 10, specs.samples[specs.samples.length - 1]?.tS ?? 10);
  const timeDomain = useMemo((): [number, number] => [t0, t1], [t0, t1]);
  const marks = useMemo(() => scheduleMarks(scenario), [scenario]);
  return (
    <section className="panel charts-section" aria-labelledby="charts-heading">
      <div className="section-head">
        <h2 id="charts-heading">Over time</h2>
        <button type="button" aria-pressed={table} onClick={() => setTable(!table)}>
          View charts as table
        </button>
      </div>
      {table && <ChartTable specs={specs.list} />}
      <div ref={ref} className="charts-grid">
        {specs.list.map((spec) => (
          <LineChart
            key={spec.id}
            spec={spec}
            widthPx={chartWidth}
            heightPx={CHART_HEIGHT_PX}
            timeDomain={timeDomain}
            marks={marks}
            cursorS={cursorS}
            onCursor={setCursorS}
            theme={theme}
          />
        ))}
      </div>
    </section>
  );
}
