// The live changes of a run in a link: `in=<tick>:<path>:<value>,...` (e.g.
// `in=30:vms.2.balloon.targetMiB:256`). Each entry is checked like a slider move: a live
// parameter of an existing VM, a value clamped by its spec; bad entries are dropped with a note.
import type { Scenario } from '../sim/scenario/types.ts';
import { applyChanges, getParam, isLiveParam } from '../state/paramPath.ts';
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import { MAX_INPUTS } from '../worker/SimCore.ts';
import type { InputEntry } from '../worker/protocol.ts';
import { MAX_LINK_TIME_MS } from './linkTypes.ts';

export const inputsToText = (inputs: readonly InputEntry[]): string => inputs.map((e) => `${e.tick}:${e.path}:${e.value}`).join(',');

export function textToInputs(text: string, scenario: Scenario, notes: string[]): InputEntry[] {
  const out: InputEntry[] = [];
  const maxTick = Math.floor(MAX_LINK_TIME_MS / scenario.tickMs);
  for (const item of text.split(',').slice(0, MAX_INPUTS)) {
    const m = /^(\d{1,9}):([A-Za-z0-9.]{1,60}):(-?[0-9.e+]{1,24})$/.exec(item);
    if (!m || Number(m[1]) > maxTick || !isLiveParam(m[2])) {
      notes.push(`in: ${JSON.stringify(item.slice(0, 60))} is not a live change (<tick>:<live parameter>:<number>); ignored`);
      continue;
    }
    const r = applyChanges(scenario, [{ path: m[2], value: m[3] }]);
    if (!r.ok) {
      notes.push(`in: ${JSON.stringify(item.slice(0, 60))}: ${r.errors.join('; ')}; ignored`);
      continue;
    }
    notes.push(...r.corrections.map((c) => `in: ${c}`));
    out.push({ tick: Number(m[1]), path: m[2], value: getParam(scenarioToJson(r.scenario), m[2]) as number });
  }
  return out.sort((a, b) => a.tick - b.tick);
}
