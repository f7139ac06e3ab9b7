// Playing a walk: one reference every PLAY_STEP_MS from the first (or from the one shown) to the
// last, then stop. With prefers-reduced-motion the pace halves and the diagram's fades are off
// (walk.css), as the balloons' transitions are.
import { useEffect, useState } from 'react';

/** Time each reference stays current while playing, ms (long enough to read its box). */
export const PLAY_STEP_MS = 900;
export const REDUCED_MOTION_PLAY_STEP_MS = 1800;

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function useWalkPlay(step: number | null, total: number, setStep: (step: number) => void): { playing: boolean; toggle(): void } {
  const [playing, setPlaying] = useState(false);
  const at = step ?? 0;
  useEffect(() => {
    if (!playing) return;
    if (at >= total) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep(at + 1), reducedMotion() ? REDUCED_MOTION_PLAY_STEP_MS : PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, at, total, setStep]);
  const toggle = (): void => {
    if (playing) return setPlaying(false);
    if (total === 0) return;
    if (at === 0 || at >= total) setStep(1);
    setPlaying(true);
  };
  return { playing, toggle };
}
