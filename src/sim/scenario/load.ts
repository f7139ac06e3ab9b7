// Loading scenarios by preset name or from JSON text, with validation messages for people.
import { findPreset, PRESETS } from './presets.ts';
import type { Scenario } from './types.ts';
import { validateScenario, type ValidationMode } from './validate.ts';

export type LoadResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

export function loadPreset(name: string): LoadResult {
  const preset = findPreset(name);
  if (!preset) return { ok: false, errors: [`scenario: "${name}" is not a preset (allowed: ${PRESETS.map((p) => p.name).join(', ')})`] };
  const r = validateScenario({ name: preset.name, ...preset.scenario }, 'strict');
  return r.ok ? { ok: true, scenario: r.scenario, warnings: r.warnings } : r;
}

export function loadJsonText(text: string, mode: ValidationMode = 'strict'): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`scenario: not valid JSON (${(e as Error).message})`] };
  }
  const r = validateScenario(data, mode);
  return r.ok ? { ok: true, scenario: r.scenario, warnings: [...r.corrections, ...r.warnings] } : r;
}
