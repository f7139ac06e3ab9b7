// The link format's version history and its migration chain. A link carries `v=<version>`;
// MIGRATIONS[k] turns a version-k parameter list into version k+1, so an old link is migrated
// step by step to the current version and then validated as any other. To change the format:
// bump LINK_VERSION, add MIGRATIONS[old] and a test with a real old link (docs/url-state.md).
//
// Version 0 ("pre-release", links without `v`): host keys `h_<key>`, VM keys `vm<n>_<key>` with
// n counted from 1 and `_` for nesting (`vm1_balloon_targetMiB`), time `time` in milliseconds.
// Version 1: parameter paths (`host.memoryMiB`, `vms.0.balloon.targetMiB`), time `t` in seconds,
// live changes `in=<tick>:<path>:<value>,...`.
// Version 2: the scenario's schedule `sch=<atS>:<verb>:...` (scheduleKeys.ts) in place of `in`:
// each live change becomes a set entry at its tick's time.

export type LinkParams = [string, string][];

export const LINK_VERSION = 2;

function v0ToV1(params: LinkParams): LinkParams {
  return params.map(([key, value]): [string, string] => {
    if (key === 'time') return ['t', String(Number(value) / 1000)];
    const host = /^h_([A-Za-z]+)$/.exec(key);
    if (host) return [`host.${host[1]}`, value];
    const vm = /^vm(\d{1,2})_([A-Za-z_]+)$/.exec(key);
    if (vm && Number(vm[1]) >= 1) return [`vms.${Number(vm[1]) - 1}.${vm[2].replace(/_/g, '.')}`, value];
    return [key, value];
  });
}

/** `in=30:vms.2.balloon.targetMiB:256` at tickMs 100 -> `sch=3:set:vms.2.balloon.targetMiB=256`. */
function v1ToV2(params: LinkParams): LinkParams {
  const tick = Number(params.filter(([k]) => k === 'tickMs').at(-1)?.[1] ?? 100);
  const tickMs = Number.isFinite(tick) && tick > 0 ? tick : 100;
  return params.map(([key, value]): [string, string] => {
    if (key !== 'in') return [key, value];
    const items = value.split(',').map((item) => {
      const m = /^(\d{1,9}):([A-Za-z0-9.]{1,60}):(.*)$/.exec(item);
      return m ? `${Math.round(Number(m[1]) * tickMs) / 1000}:set:${m[2]}=${m[3]}` : item;
    });
    return ['sch', items.join(',')];
  });
}

export const MIGRATIONS: Readonly<Record<number, (p: LinkParams) => LinkParams>> = {
  0: v0ToV1,
  1: v1ToV2,
};

export type MigrationResult = { ok: true; params: LinkParams; from: number } | { ok: false; error: string };

/** Migrates a parameter list from the version its `v` names (none = 0) to LINK_VERSION. */
export function migrate(params: LinkParams): MigrationResult {
  const v = params.filter(([k]) => k === 'v').at(-1)?.[1];
  const from = v === undefined ? 0 : /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(from) || from > LINK_VERSION) {
    return {
      ok: false,
      error: `this link was made by a newer or unknown version of Balloon Lab (v=${JSON.stringify(v?.slice(0, 12))}; this version reads up to v=${LINK_VERSION})`,
    };
  }
  let out = params.filter(([k]) => k !== 'v');
  for (let k = from; k < LINK_VERSION; k++) out = MIGRATIONS[k](out);
  return { ok: true, params: out, from };
}
