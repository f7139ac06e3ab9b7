// The Lessons region: the list of guided lessons (one item each, with a Start button) or, when
// one is open, its current step; and the scenario library below. Opened by the top bar's
// "Lessons" button; the open lesson and step are in the link.
import { useShallow } from 'zustand/react/shallow';
import { findLesson, LESSONS } from '../../sim/lessons/lessons.ts';
import { useSimStore } from '../../state/store.ts';
import { LessonStepView } from './LessonStepView.tsx';
import { LibraryList } from './LibraryList.tsx';
import './lessons.css';

export function LessonsPanel() {
  const [open, ref] = useSimStore(useShallow((s) => [s.lessonsOpen, s.lesson]));
  const { goToLessonStep, setLessonsOpen } = useSimStore.getState();
  if (!open) return null;
  const lesson = ref ? findLesson(ref.id) : undefined;
  return (
    <section className="lessons-panel" aria-labelledby="lessons-heading">
      <div className="lessons-head">
        <h2 id="lessons-heading">Lessons</h2>
        <button type="button" onClick={() => setLessonsOpen(false)}>
          Close lessons
        </button>
      </div>
      {lesson && ref ? (
        <LessonStepView lesson={lesson} step={ref.step} />
      ) : (
        <ul className="lesson-list">
          {LESSONS.map((l) => (
            <li key={l.id}>
              <strong>{l.title}</strong> ({l.steps.length} steps). {l.summary}{' '}
              <button type="button" aria-label={`Start lesson: ${l.title}`} onClick={() => goToLessonStep(l.id, 1)}>
                Start
              </button>
            </li>
          ))}
        </ul>
      )}
      <LibraryList />
    </section>
  );
}
