// Links: the whole state the user sees, as readable `key=value` pairs in the URL fragment
// (docs/url-state.md). encodeLink writes the canonical form; decodeLink reads any string and
// never throws: a valid state with the list of corrections, or, for an unreadable link, the
// default state with a message saying why. Values are validated against the parameter specs.
import { validateScenario } from '../sim/scenario/validate.ts';
import { defaultLinkState } from './defaultState.ts';
import { scheduleToText, textToScheduleJson } from './scheduleKeys.ts';
import { MAX_LINK_TIME_MS, type LinkState } from './linkTypes.ts';
import { LINK_VERSION, migrate, type LinkParams } from './migrations.ts';
import { isScenarioKey, keysToScenarioJson, scenarioToKeys } from './scenarioKeys.ts';
import { isViewKey, keysToView, viewToKeys } from './viewKeys.ts';

/** Longest link text read, characters; more is refused as unreadable. */
export const MAX_LINK_CHARS = 65536;
const MAX_KEYS = 4000;

export type DecodeResult = { ok: true; state: LinkState; corrections: string[] } | { ok: false; state: LinkState; error: string };

export function encodeLink(state: LinkState): string {
  const params: LinkParams = [['v', String(LINK_VERSION)], ...scenarioToKeys(state.scenario)];
  if (state.scenario.schedule.length > 0) params.push(['sch', scheduleToText(state.scenario.schedule)]);
  if (state.timeMs > 0) params.push(['t', String(state.timeMs / 1000)]);
  params.push(...viewToKeys(state.view));
  return new URLSearchParams(params).toString();
}

/** The key=value text of a link: the fragment, else the query, else (not a URL) the text itself. */
export function linkText(url: string): string {
  const hash = url.indexOf('#');
  if (hash >= 0) return url.slice(hash + 1);
  const query = url.indexOf('?');
  if (query >= 0) return url.slice(query + 1);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? '' : url;
}

const unreadable = (error: string): DecodeResult => ({
  ok: false,
  state: defaultLinkState(),
  error: `This link could not be read (${error}); the default scenario is open instead.`,
});

export function decodeLink(text: string): DecodeResult {
  try {
    return decode(String(text));
  } catch (e) {
    return unreadable(`unexpected problem: ${(e as Error).message}`);
  }
}

function decode(text: string): DecodeResult {
  if (text.length > MAX_LINK_CHARS) return unreadable(`it is ${text.length} characters long; at most ${MAX_LINK_CHARS}`);
  const raw = [...new URLSearchParams(text.replace(/^[#?]/, ''))];
  if (raw.length === 0) return { ok: true, state: defaultLinkState(), corrections: [] };
  if (raw.length > MAX_KEYS) return unreadable(`it has ${raw.length} keys; at most ${MAX_KEYS}`);
  const migrated = migrate(raw);
  if (!migrated.ok) return unreadable(migrated.error);
  const params = migrated.params;
  const notes: string[] = [];
  for (const [key] of params)
    if (!isScenarioKey(key) && !isViewKey(key) && key !== 'sch' && key !== 't')
      notes.push(`${JSON.stringify(key.slice(0, 40))}: unknown key; ignored`);
  const last = (key: string): string | undefined => params.filter(([k]) => k === key).at(-1)?.[1];
  const json = keysToScenarioJson(params, notes);
  const scheduleText = last('sch');
  if (scheduleText) json.schedule = textToScheduleJson(scheduleText, notes);
  const checked = validateScenario(json, 'clamp');
  if (!checked.ok) return unreadable(checked.errors.join('; '));
  notes.push(...checked.corrections, ...checked.warnings);
  const scenario = checked.scenario;
  let timeMs = 0;
  const t = last('t');
  if (t !== undefined) {
    const n = Number(t);
    if (t.trim() === '' || !Number.isFinite(n) || n < 0)
      notes.push(`t: ${JSON.stringify(t.slice(0, 40))} is not a time in seconds; using 0`);
    else {
      timeMs = Math.min(MAX_LINK_TIME_MS, Math.round(n * 1000));
      if (timeMs !== Math.round(n * 1000))
        notes.push(`t: ${n} s is more than ${MAX_LINK_TIME_MS / 1000} s; using ${MAX_LINK_TIME_MS / 1000}`);
    }
  }
  const view = keysToView(
    params.filter(([k]) => isViewKey(k)),
    scenario,
    notes,
  );
  return { ok: true, state: { scenario, timeMs, view }, corrections: notes };
}
