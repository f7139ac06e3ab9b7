// One open lesson: its current step (title, explanation, task), the check's state ("Done!" when
// it passes), and Back / Next. Next is enabled once the check passes; on the last step it
// finishes the lesson.
import type { Lesson } from '../../sim/lessons/lessons.ts';
import { useSimStore } from '../../state/store.ts';
import { useStepCheck } from './useStepCheck.ts';

export function LessonStepView({ lesson, step }: { lesson: Lesson; step: number }) {
  const s = lesson.steps[step - 1];
  const done = useStepCheck(s, `${lesson.id}:${step}`);
  const { goToLessonStep, closeLesson } = useSimStore.getState();
  const last = step === lesson.steps.length;
  return (
    <article className="lesson-step" aria-labelledby="lesson-step-title">
      <p className="lesson-progress">
        {lesson.title}: step {step} of {lesson.steps.length}
      </p>
      <h3 id="lesson-step-title">{s.title}</h3>
      <p>{s.explain}</p>
      <p className="lesson-task">
        <strong>Try it:</strong> {s.task}
      </p>
      <p className={`lesson-check${done ? ' lesson-done' : ''}`} role="status">
        {done ? 'Done!' : 'Not yet: keep going.'}
      </p>
      <div className="lesson-nav">
        <button type="button" disabled={step === 1} onClick={() => goToLessonStep(lesson.id, step - 1)}>
          Back
        </button>
        {last ? (
          <button type="button" disabled={!done} onClick={closeLesson}>
            Finish
          </button>
        ) : (
          <button type="button" disabled={!done} onClick={() => goToLessonStep(lesson.id, step + 1)}>
            Next
          </button>
        )}
        <button type="button" onClick={closeLesson}>
          All lessons
        </button>
      </div>
    </article>
  );
}
