// The comparison part of a link: the changes that make the second side of a side-by-side run,
// as parameter paths and values, `cmp=policy.kind:hyperv,vms.0.balloon.driver:hyperv`. Read
// against the link's scenario: each value typed by its parameter's spec, and the whole list
// validated by applying it (a list that cannot apply is ignored with a note).
import { applyChanges, specAt, type ParamChange } from '../sim/scenario/paramPath.ts';
import type { ParamValue, Scenario } from '../sim/scenario/types.ts';
import type { LinkParams } from './migrations.ts';
import type { ScheduleEntry } from '../sim/scenario/schedule.ts';

/** Most changes one comparison may carry. */
export const MAX_COMPARE_CHANGES = 40;

export const isCompareKey = (key: string): boolean => key === 'cmp';

const text = (v: ParamValue): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

export const compareToKeys = (c: ParamChange[] | null): LinkParams =>
  c ? [['cmp', c.map((x) => `${x.path}:${text(x.value)}`).join(',')]] : [];

export function keysToCompare(params: LinkParams, scenario: Scenario, notes: string[]): ParamChange[] | null {
  const value = params.filter(([k]) => k === 'cmp').at(-1)?.[1];
  if (value === undefined) return null;
  const bad = (why: string): null => {
    notes.push(`cmp: ${why}; no comparison`);
    return null;
  };
  const items = value.split(',').filter((x) => x !== '');
  if (items.length > MAX_COMPARE_CHANGES) return bad(`at most ${MAX_COMPARE_CHANGES} changes`);
  const changes: ParamChange[] = [];
  let after = scenario;
  for (const item of items) {
    const m = /^([A-Za-z0-9.]{1,60}):(.{0,40})$/.exec(item);
    if (!m) return bad(`${JSON.stringify(item.slice(0, 40))} is not <path>:<value>`);
    const spec = specAt(after, m[1]);
    if (!spec) return bad(`${m[1]} is not a parameter of this scenario`);
    const v: ParamValue = spec.kind === 'number' ? Number(m[2]) : spec.kind === 'boolean' ? m[2] === '1' : m[2];
    const r = applyChanges(after, [{ path: m[1], value: v }]);
    if (!r.ok) return bad(r.errors.join('; '));
    notes.push(...r.corrections.map((c) => `cmp: ${c}`));
    after = r.scenario;
    changes.push({ path: m[1], value: v });
  }
  return changes;
}

/** The second side's scenario: the first with the comparison's changes. */
export function comparedScenario(scenario: Scenario, changes: readonly ParamChange[]): Scenario | null {
  // The second run keeps the first run's schedule, less what would undo the comparison: the
  // set and ramp entries on the compared paths.
  const compared = new Set(changes.map((c) => c.path));
  const schedule = scenario.schedule.flatMap((e): ScheduleEntry[] => {
    if ('ramp' in e) return compared.has(e.ramp.path) ? [] : [e];
    if (!('set' in e)) return [e];
    const set = Object.fromEntries(Object.entries(e.set).filter(([path]) => !compared.has(path)));
    return Object.keys(set).length > 0 ? [{ atS: e.atS, set }] : [];
  });
  const r = applyChanges({ ...scenario, schedule }, changes);
  return r.ok ? r.scenario : null;
}

/** The seed's contrast for a scenario: Hyper-V Dynamic Memory against whatever it runs, or
 * VMware ESX when it already runs Hyper-V; every VM's driver follows the policy. */
export function contrastChanges(scenario: Scenario): ParamChange[] {
  const [kind, driver] = scenario.policy.kind === 'hyperv' ? ['esx', 'vmware'] : ['hyperv', 'hyperv'];
  return [{ path: 'policy.kind', value: kind }, ...scenario.vms.map((_, i) => ({ path: `vms.${i}.balloon.driver`, value: driver }))];
}
