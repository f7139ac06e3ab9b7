// Step control for the page-walk diagram: previous and next reference, and play the walk. Pure
// UI: it shows the position and calls back; the owner keeps the step and any play timer.
export interface WalkStepperProps {
  /** The current reference (1-based), or null before the first. */
  step: number | null;
  total: number;
  playing: boolean;
  onPrevious(): void;
  onNext(): void;
  /** Start or stop playing (the button is pressed while playing). */
  onPlay(): void;
}

export function WalkStepper({ step, total, playing, onPrevious, onNext, onPlay }: WalkStepperProps) {
  const at = step ?? 0;
  return (
    <div className="walk-stepper" role="group" aria-label="Walk steps">
      <button type="button" onClick={onPrevious} disabled={at <= 1}>
        Previous reference
      </button>
      <button type="button" onClick={onNext} disabled={at >= total}>
        Next reference
      </button>
      <button type="button" onClick={onPlay} aria-pressed={playing} disabled={total === 0}>
        Play walk
      </button>
      <span className="walk-stepper-position" role="status">
        {step === null ? `${total} references` : `Reference ${at} of ${total}`}
      </span>
    </div>
  );
}
