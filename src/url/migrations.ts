// The link format's version history and its migration chain. A link carries `v=<version>`;
// MIGRATIONS[k] turns a version-k parameter list into version k+1, so an old link is migrated
// step by step to the current version and then validated as any other. To change the format:
// bump LINK_VERSION, add MIGRATIONS[old] and a test with a real old link (docs/url-state.md).
//
// Version 0 ("pre-release", links without `v`): host keys `h_<key>`, VM keys `vm<n>_<key>` with
// n counted from 1 and `_` for nesting (`vm1_balloon_targetMiB`), time `time` in milliseconds.
// Version 1: parameter paths (`host.memoryMiB`, `vms.0.balloon.targetMiB`), time `t` in seconds.

export type LinkParams = [string, string][];

export const LINK_VERSION = 1;

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

export const MIGRATIONS: Readonly<Record<number, (p: LinkParams) => LinkParams>> = {
  0: v0ToV1,
};

export type MigrationResult = { ok: true; params: LinkParams; from: number } | { ok: false; error: string };

/** Migrates a parameter list from the version its `v` names (none = 0) to LINK_VERSION. */
export function migrate(params: LinkParams): MigrationResult {
  const v = params.filter(([k]) => k === 'v').at(-1)?.[1];
  const from = v === undefined ? 0 : /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(from) || from > LINK_VERSION) {
    return { ok: false, error: `this link was made by a newer or unknown version of Balloon Lab (v=${JSON.stringify(v?.slice(0, 12))}; this version reads up to v=${LINK_VERSION})` };
  }
  let out = params.filter(([k]) => k !== 'v');
  for (let k = from; k < LINK_VERSION; k++) out = MIGRATIONS[k](out);
  return { ok: true, params: out, from };
}
