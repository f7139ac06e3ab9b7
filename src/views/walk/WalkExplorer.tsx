// The page-walk views put together for one walk: the toggles, the stepper, the diagram and the
// semantic-gap panel for the data's guest-physical page. Props in, callbacks out: the owner
// (the store, or a test fixture) makes the walks and keeps the step, settings and play state.
import type { Walk } from '../../sim/walk/walkTypes.ts';
import type { WalkSettings } from '../../sim/walk/walkPlan.ts';
import { PageWalkDiagram } from './PageWalkDiagram.tsx';
import { SemanticGapPanel, type SemanticGapPanelProps } from './SemanticGapPanel.tsx';
import { WalkStepper } from './WalkStepper.tsx';
import { WalkToggles } from './WalkToggles.tsx';
import type { CountsFor } from './walkToggleCounts.ts';

export interface WalkExplorerProps {
  walk: Walk;
  step: number | null;
  playing: boolean;
  onStep(step: number | null): void;
  onPlay(): void;
  settings: WalkSettings;
  onSettings(next: WalkSettings): void;
  countsFor?: CountsFor;
  /** The semantic gap of the page the walk reached, if it reached one. */
  gap?: SemanticGapPanelProps;
  label?: string;
  widthPx?: number;
}

export function WalkExplorer({
  walk,
  step,
  playing,
  onStep,
  onPlay,
  settings,
  onSettings,
  countsFor,
  gap,
  label,
  widthPx,
}: WalkExplorerProps) {
  const total = walk.steps.length;
  return (
    <div className="walk-explorer">
      <WalkToggles settings={settings} onChange={onSettings} countsFor={countsFor} />
      <WalkStepper
        step={step}
        total={total}
        playing={playing}
        onPlay={onPlay}
        onPrevious={() => onStep(Math.max(1, (step ?? 1) - 1))}
        onNext={() => onStep(Math.min(total, (step ?? 0) + 1))}
      />
      <PageWalkDiagram walk={walk} currentStep={step} label={label} widthPx={widthPx} />
      {gap && <SemanticGapPanel {...gap} />}
    </div>
  );
}
