// The scenario a lesson step opens: its library entry's scenario, validated strictly, with the
// step's parameter changes applied (validated as a link would be).
import { applyChanges } from '../scenario/paramPath.ts';
import { findLibraryEntry, libraryJson } from '../scenario/library.ts';
import type { Scenario } from '../scenario/types.ts';
import { validateScenario } from '../scenario/validate.ts';
import type { LessonStep } from './lessons.ts';

export function libraryScenario(id: string): Scenario | null {
  const entry = findLibraryEntry(id);
  const r = entry ? validateScenario(libraryJson(entry), 'strict') : null;
  return r?.ok ? r.scenario : null;
}

export function stepScenario(step: LessonStep): Scenario | null {
  const base = libraryScenario(step.setup.entry);
  if (!base || !step.setup.changes) return base;
  const r = applyChanges(base, step.setup.changes);
  return r.ok ? r.scenario : null;
}
