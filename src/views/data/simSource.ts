// The ONE place where the views touch the app's store (src/state) and frame bus
// (src/state/frameBus.ts). Until those land, this binds the views to the local stand-in store
// seeded with the default preset; integration replaces only the body of createAppSimSource.
import { loadPreset } from '../../sim/scenario/load.ts';
import { DEFAULT_PRESET } from '../../sim/scenario/presets.ts';
import type { SimSource } from './simTypes.ts';
import { createLocalSimSource } from './localSimSource.ts';

let app: SimSource | null = null;

export function createAppSimSource(): SimSource {
  const loaded = loadPreset(DEFAULT_PRESET);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return createLocalSimSource(loaded.scenario);
}

/** The app-wide SimSource, created on first use. */
export function appSimSource(): SimSource {
  app ??= createAppSimSource();
  return app;
}
