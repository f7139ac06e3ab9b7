// The state a bare link (or an unreadable one) opens: the default preset at 0 s, default view.
import { DEFAULT_PRESET } from '../sim/scenario/presets.ts';
import { loadPreset } from '../sim/scenario/load.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { DEFAULT_VIEW, type LinkState } from './linkTypes.ts';

export function presetScenario(name: string): Scenario | null {
  const r = loadPreset(name);
  return r.ok ? r.scenario : null;
}

export function defaultLinkState(): LinkState {
  return { scenario: presetScenario(DEFAULT_PRESET)!, timeMs: 0, view: { ...DEFAULT_VIEW, zoom: {}, panels: [], hidden: [] } };
}
