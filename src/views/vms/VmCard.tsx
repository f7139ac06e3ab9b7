// One VM: its name and workload, its balloon, its key numbers (each label a glossary term) and
// its guest-physical map.
// The name is a button that focuses the VM (its host frames stand out in the host map).
import type { VmReport } from '../../sim/report.ts';
import type { VmConfig } from '../../sim/scenario/types.ts';
import { BalloonGlyph } from '../balloon/BalloonGlyph.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { GuestMapView } from '../map/GuestMapView.tsx';
import type { CounterpartView } from '../map/useCounterpart.ts';
import { cssColor, PALETTES, vmRgb } from '../theme/themes.ts';
import { keyStats, moreStats, type Stat } from './vmStats.ts';
import { workloadWords } from './workloadWords.ts';
import { Term } from '../glossary/Term.tsx';
import { activityWords } from '../explain/eventWords.ts';

/** Short enough for three cards and the host map on the first screen at 1280x800. */
const GUEST_MAP_HEIGHT_PX = 56;

interface Props {
  vm: number;
  config: VmConfig;
  report: VmReport | undefined;
  cp: CounterpartView;
}

function StatList({ stats }: { stats: Stat[] }) {
  return (
    <dl className="vm-stats">
      {stats.map((s) => (
        <div key={s.label}>
          <dt>
            <Term id={s.term}>{s.label}</Term>
          </dt>
          <dd>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VmCard({ vm, config, report, cp }: Props) {
  const sim = useSim();
  const theme = sim.useTheme();
  const { selectedVm } = sim.useSelection();
  const selected = selectedVm === vm;
  return (
    <article className={`vm-card${selected ? ' vm-card-selected' : ''}`} aria-labelledby={`vm-${vm}-name`}>
      <header className="vm-card-header">
        <span className="vm-swatch" style={{ background: cssColor(vmRgb(PALETTES[theme], vm)) }} aria-hidden="true" />
        <h3 id={`vm-${vm}-name`}>
          <button type="button" className="link-button" aria-pressed={selected} onClick={() => sim.selectVm(selected ? null : vm)}>
            {config.name}
          </button>
        </h3>
        <span className="vm-meta">{config.memoryMiB} MiB</span>
      </header>
      <p className="vm-workload">{workloadWords(config.workload)}</p>
      <div className="vm-card-body">
        <BalloonGlyph
          name={config.name}
          memoryMiB={config.memoryMiB}
          enabled={config.balloon.enabled}
          balloonMiB={report?.balloonMiB ?? 0}
          targetMiB={report?.balloonTargetMiB ?? 0}
          activity={report ? activityWords(report.balloonActivity, report.balloonDriver) : undefined}
        />
        {report && (
          <div className="vm-numbers">
            <StatList stats={keyStats(report)} />
            <details className="vm-more">
              <summary>More</summary>
              <StatList stats={moreStats(report)} />
            </details>
          </div>
        )}
      </div>
      <GuestMapView vm={vm} cp={cp} heightPx={GUEST_MAP_HEIGHT_PX} />
    </article>
  );
}
