// The lesson part of a link: the open lesson and its step (1-based), `lesson=story&step=2`.
// Read defensively: an unknown lesson is ignored, a step out of range is clamped, each with a
// note; a step without a lesson is ignored.
import { findLesson, LESSONS } from '../sim/lessons/lessons.ts';
import type { LinkParams } from './migrations.ts';

export interface LessonRef {
  id: string;
  /** 1-based step number. */
  step: number;
}

export const isLessonKey = (key: string): boolean => key === 'lesson' || key === 'step';

export const lessonToKeys = (l: LessonRef | null): LinkParams =>
  l
    ? [
        ['lesson', l.id],
        ['step', String(l.step)],
      ]
    : [];

export function keysToLesson(params: LinkParams, notes: string[]): LessonRef | null {
  const id = params.filter(([k]) => k === 'lesson').at(-1)?.[1];
  const stepText = params.filter(([k]) => k === 'step').at(-1)?.[1];
  if (id === undefined) {
    if (stepText !== undefined) notes.push('step: there is no lesson= to go with it; ignored');
    return null;
  }
  const lesson = findLesson(id);
  if (!lesson) {
    notes.push(`lesson: ${JSON.stringify(id.slice(0, 40))} is not a lesson (allowed: ${LESSONS.map((l) => l.id).join(', ')}); ignored`);
    return null;
  }
  const n = stepText === undefined ? 1 : Number(stepText);
  const max = lesson.steps.length;
  const step = Number.isInteger(n) ? Math.min(max, Math.max(1, n)) : 1;
  if (stepText !== undefined && step !== n)
    notes.push(`step: ${JSON.stringify(stepText.slice(0, 40))} is not a step of "${id}" (1 to ${max}); using ${step}`);
  return { id, step };
}
