// The exact-value box beside a slider: typing edits a draft, Enter or leaving the box commits
// it (snapped and clamped to the spec), Escape restores the current value. Committing on every
// keystroke would snap "3" to the minimum before "3000" could be typed.
import { useState, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  commit(value: number): void;
}

export function NumberBox({ label, value, min, max, step, commit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const done = (): void => {
    if (draft !== null && draft.trim() !== '' && Number.isFinite(Number(draft))) commit(Number(draft));
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') done();
    if (e.key === 'Escape') setDraft(null);
  };
  return (
    <input
      className="param-number"
      type="number"
      aria-label={label}
      min={min}
      max={max}
      step={step}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={done}
      onKeyDown={onKeyDown}
    />
  );
}
