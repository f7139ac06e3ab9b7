// Evaluates a lesson step's check on every frame (the frame's run summary and events, the
// scenario as it stands, the simulated time). Once passed, a step stays passed until the step
// changes, so "Done!" does not flicker when the learner keeps playing.
import { useEffect, useState } from 'react';
import type { SimEvent } from '../../sim/events.ts';
import type { LessonStep } from '../../sim/lessons/lessons.ts';
import { latestFrame, subscribeFrame } from '../../state/frameBus.ts';
import { useSimStore } from '../../state/store.ts';
import type { Frame } from '../../snapshot/types.ts';

/** Recent events kept for checks (frames carry only the new ones). */
const KEPT_EVENTS = 500;

export function useStepCheck(step: LessonStep | null, stepKey: string): boolean {
  const [passed, setPassed] = useState<{ key: string; ok: boolean }>({ key: stepKey, ok: false });
  useEffect(() => {
    if (!step) return;
    let events: SimEvent[] = [];
    let done = false;
    const evaluate = (frame: Frame | null): void => {
      if (done) return;
      if (frame) events = [...events, ...frame.events].slice(-KEPT_EVENTS);
      const s = useSimStore.getState();
      const ok = step.check({ report: frame?.summary ?? null, events, scenario: s.effective, timeMs: frame?.timeMs ?? s.timeMs });
      if (ok) done = true;
      setPassed({ key: stepKey, ok });
    };
    evaluate(latestFrame());
    const unsubscribe = subscribeFrame(evaluate);
    const unsubscribeStore = useSimStore.subscribe(
      (s) => s.effective,
      () => evaluate(latestFrame()),
    );
    return () => {
      unsubscribe();
      unsubscribeStore();
    };
  }, [step, stepKey]);
  return passed.key === stepKey && passed.ok;
}
