// The docs' parameter tables against the code's: every key of the scenario format
// (docs/scenario-format.md) and of every policy (docs/policies-*.md, "Scenario keys") is
// documented with the type, numeric range and default the parameter tables give, and the docs
// list no key the code lacks. A limit changed in one place and not the other fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS_ALL, policyEntry } from '../../src/sim/policy/catalog.ts';
import { allowedText, type ParamSpec, type SpecTable } from '../../src/sim/scenario/paramSpec.ts';
import { isLiveParam } from '../../src/sim/scenario/paramPath.ts';
import { BALLOON_PARAMS, HOST_PARAMS, TOP_PARAMS, VM_PARAMS, WORKLOAD_PARAMS } from '../../src/sim/scenario/params.ts';

const docs = path.resolve(import.meta.dirname, '../../docs');
const read = (name: string): string => readFileSync(path.join(docs, name), 'utf8');

interface Row {
  key: string;
  type: string;
  range: string;
  dflt: string;
}

/** The rows of the first table after the line `heading` (cells: key, type, range, default). */
function tableAfter(text: string, heading: string, columns: { key: number; type: number; range: number; dflt: number }): Row[] {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.trim() === heading);
  expect(i, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  while (!lines[i].startsWith('|')) i++;
  const rows: Row[] = [];
  for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i]
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    rows.push({
      key: cells[columns.key].replace(/`/g, ''),
      type: cells[columns.type],
      range: cells[columns.range],
      dflt: cells[columns.dflt],
    });
  }
  return rows;
}

/** What a row says, compared with what the spec says, as comparable facts. */
function documented(row: Row, spec: ParamSpec): { doc: unknown; code: unknown } {
  const leadingNumber = (s: string): number => Number(/^-?[\d.]+/.exec(s.replace(/`/g, ''))?.[0]);
  switch (spec.kind) {
    case 'number': {
      const m = /^(-?[\d.]+) – (-?[\d.]+)/.exec(row.range);
      const isNumberType = row.type === 'integer' || row.type === 'number' || row.type === '';
      return {
        doc: {
          number: isNumberType,
          integer: row.type === 'integer' || (row.type === '' && spec.integer),
          min: m ? Number(m[1]) : leadingNumber(row.range),
          max: m ? Number(m[2]) : spec.max,
          dflt: leadingNumber(row.dflt),
        },
        code: { number: true, integer: spec.integer, min: spec.min, max: spec.max, dflt: spec.default },
      };
    }
    case 'boolean':
      return { doc: { type: row.type, dflt: row.dflt }, code: { type: 'boolean', dflt: String(spec.default) } };
    case 'enum':
      return {
        doc: { options: [...row.type.matchAll(/`([^`]+)`/g)].map((m) => m[1]), dflt: row.dflt.replace(/`/g, '') },
        code: { options: [...spec.options], dflt: spec.default },
      };
    case 'string':
      return { doc: row.type, code: 'string' };
  }
}

function expectTableDocumented(rows: Row[], table: SpecTable, extraKeys: string[] = []): void {
  expect(rows.map((r) => r.key).sort()).toEqual([...Object.keys(table), ...extraKeys].sort());
  for (const row of rows) {
    const spec = table[row.key];
    if (!spec) continue;
    const { doc, code } = documented(row, spec);
    expect(doc, `docs for ${row.key}`).toEqual(code);
  }
}

describe('docs/scenario-format.md documents every scenario key as the tables define it', () => {
  const text = read('scenario-format.md');
  const cols = { key: 0, type: 1, range: 2, dflt: 3 };
  it.each([
    ['Top level', TOP_PARAMS, ['name']],
    ['`host`', HOST_PARAMS, []],
    ['`vms[i]`', VM_PARAMS, ['name']],
    ['`vms[i].balloon`', BALLOON_PARAMS, []],
    ['`vms[i].workload`', WORKLOAD_PARAMS, []],
  ] as [string, SpecTable, string[]][])('%s', (heading, table, extra) => {
    expectTableDocumented(tableAfter(text, heading, cols), table, extra);
  });
});

describe('docs/policies-*.md document every policy key as the policy tables define it', () => {
  // Their "Scenario keys" tables: | policy | where (`policy` or each VM) | key | range | default |
  const lines = [read('policies-vmware.md'), read('policies-kvm-xen-hyperv.md')].join('\n').split('\n');
  const rowsOf = (kind: string, where: string): Row[] =>
    lines
      .filter((l) => l.startsWith(`| \`${kind}\` |`))
      .map((l) =>
        l
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim()),
      )
      .filter((cells) => cells[1] === where)
      .map((cells) => ({
        key: cells[2].replace(/`/g, ''),
        type: cells[3].startsWith('boolean') ? 'boolean' : '',
        range: cells[3],
        dflt: cells[4],
      }));
  it.each(POLICY_KINDS_ALL.filter((k) => k !== 'manual' && k !== 'none'))('%s', (kind) => {
    const entry = policyEntry(kind)!;
    expectTableDocumented(rowsOf(kind, '`policy`'), entry.params);
    expectTableDocumented(rowsOf(kind, 'each VM'), entry.vmParams);
  });
});

describe('docs/url-state.md lists every scenario key of a link as the tables define it', () => {
  it('one row per parameter path, with the range text that messages use', () => {
    const typeOf = (spec: ParamSpec): string => (spec.kind === 'number' ? `number${spec.unit ? `, ${spec.unit}` : ''}` : spec.kind);
    const rowsOf = (prefix: string, table: SpecTable): string[] =>
      Object.entries(table).map(
        ([key, spec]) =>
          `| \`${prefix}${key}\` | ${typeOf(spec)} | ${allowedText(spec)} | ${String(spec.default)} | ${spec.label}${isLiveParam(`${prefix.replace('<i>', '0')}${key}`) ? ' (live)' : ''} |`,
      );
    const expected = [
      ...rowsOf('', TOP_PARAMS),
      ...rowsOf('host.', HOST_PARAMS),
      ...rowsOf('vms.<i>.', VM_PARAMS),
      ...rowsOf('vms.<i>.balloon.', BALLOON_PARAMS),
      ...rowsOf('vms.<i>.workload.', WORKLOAD_PARAMS),
    ];
    const lines = read('url-state.md').split('\n');
    const first = lines.findIndex((l) => l === '| key | type | range | default | label |');
    expect(first).toBeGreaterThan(0);
    const documentedRows = lines.slice(first + 2, lines.indexOf('', first));
    expect(documentedRows).toEqual(expected);
  });
});
