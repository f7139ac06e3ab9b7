// Store slice: guided lessons. `lesson` is the open lesson and its step (1-based; in the link),
// `lessonsOpen` whether the Lessons panel shows. Going to a step loads its setup scenario (a
// new history entry, like picking a scenario); a link keeps the scenario it carries.
import type { StateCreator } from 'zustand';
import { findLesson } from '../sim/lessons/lessons.ts';
import { stepScenario } from '../sim/lessons/setup.ts';
import type { LessonRef } from '../url/lessonKeys.ts';
import type { SimStore } from './store.ts';

export interface LessonSlice {
  lesson: LessonRef | null;
  lessonsOpen: boolean;
  setLessonsOpen(open: boolean): void;
  /** Opens lesson `id` at `step` (clamped) and loads that step's scenario. */
  goToLessonStep(id: string, step: number): void;
  closeLesson(): void;
}

export const createLessonSlice: StateCreator<SimStore, [], [], LessonSlice> = (set, get) => ({
  lesson: null,
  lessonsOpen: false,
  setLessonsOpen: (lessonsOpen) => set({ lessonsOpen }),
  goToLessonStep(id, step) {
    const lesson = findLesson(id);
    if (!lesson) return;
    const n = Math.min(lesson.steps.length, Math.max(1, Math.round(step)));
    const scenario = stepScenario(lesson.steps[n - 1]);
    if (!scenario) return get().notify('error', `Lesson step ${n} of "${lesson.title}" could not be set up`);
    set({ lesson: { id, step: n }, lessonsOpen: true });
    get().pause();
    get().loadScenario(scenario);
  },
  closeLesson: () => set({ lesson: null }),
});
