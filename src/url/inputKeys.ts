// The live changes of a run in a link: `in=<tick>:<path>:<value>,...` (e.g.
// `in=30:vms.2.balloon.targetMiB:256`). Each entry is checked like a slider move: a live
// parameter of an existing VM, a value clamped by its spec; bad entries are dropped with a note.
// Entries are checked tick by tick against the scenario as it stands before their tick (the
// start scenario with the earlier ticks' entries applied), a tick's entries together, as the
// run validated them: a working set may exceed the start footprint when the same or an earlier
// tick grew the footprint. A run records one value per parameter and tick (a later change at
// the same tick replaces the earlier), so of two entries for the same tick and path the link
// keeps the last, with a note.
import type { Scenario } from '../sim/scenario/types.ts';
import { applyChanges, getParam, isLiveParam } from '../sim/scenario/paramPath.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import { MAX_LINK_TIME_MS } from './linkTypes.ts';
import { MAX_INPUTS, type InputEntry } from '../run/inputs.ts';

export const inputsToText = (inputs: readonly InputEntry[]): string => inputs.map((e) => `${e.tick}:${e.path}:${e.value}`).join(',');

export function textToInputs(text: string, scenario: Scenario, notes: string[]): InputEntry[] {
  const out: InputEntry[] = [];
  const maxTick = Math.floor(MAX_LINK_TIME_MS / scenario.tickMs);
  const entries: { item: string; tick: number; path: string; value: string }[] = [];
  for (const item of text.split(',').slice(0, MAX_INPUTS)) {
    const m = /^(\d{1,9}):([A-Za-z0-9.]{1,60}):(-?[0-9.e+]{1,24})$/.exec(item);
    if (!m || Number(m[1]) > maxTick || !isLiveParam(m[2])) {
      notes.push(`in: ${JSON.stringify(item.slice(0, 60))} is not a live change (<tick>:<live parameter>:<number>); ignored`);
      continue;
    }
    entries.push({ item, tick: Number(m[1]), path: m[2], value: m[3] });
  }
  let current = scenario;
  entries.sort((a, b) => a.tick - b.tick);
  for (let i = 0; i < entries.length;) {
    const tick = entries[i].tick;
    const due: typeof entries = [];
    for (; i < entries.length && entries[i].tick === tick; i++) {
      const e = entries[i];
      if (entries.slice(i + 1).some((later) => later.tick === tick && later.path === e.path)) {
        notes.push(`in: ${JSON.stringify(e.item.slice(0, 60))} is replaced by a later change of ${e.path} at the same tick; ignored`);
        continue;
      }
      const r = applyChanges(current, [{ path: e.path, value: e.value }]);
      if (r.ok) due.push(e);
      else notes.push(`in: ${JSON.stringify(e.item.slice(0, 60))}: ${r.errors.join('; ')}; ignored`);
    }
    const r = applyChanges(current, due.map((e) => ({ path: e.path, value: e.value })));
    if (!r.ok) {
      notes.push(`in: the changes at tick ${tick}: ${r.errors.join('; ')}; ignored`);
      continue;
    }
    notes.push(...r.corrections.map((c) => `in: ${c}`));
    const json = scenarioToJson(r.scenario);
    for (const e of due) out.push({ tick, path: e.path, value: getParam(json, e.path) as number });
    current = r.scenario;
  }
  return out;
}
