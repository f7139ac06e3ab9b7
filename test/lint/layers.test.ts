// The layer rule and the model's purity rules, run through ESLint itself on small sources
// placed (by file name) in each folder: a wrong-way import fails, a permitted one passes, and
// docs/architecture.md shows exactly the table the rule enforces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../eslint/layers.js';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('refuses a wrong-way import and names what the layer may import', async () => {
    const found = await problems(
      'src/url/probe.ts',
      "import { PROTOCOL_VERSION } from '../worker/protocol.ts';\nexport const v = PROTOCOL_VERSION;\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/^layers\/boundaries: src\/url may not import src\/worker .*may import src\/sim, src\/run, src\/snapshot/),
    ]);
  });

  it('refuses any import out of the model', async () => {
    const found = await problems(
      'src/sim/host/probe.ts',
      "import { useSimStore } from '../../state/store.ts';\nexport const s = useSimStore;\n",
    );
    expect(found).toEqual([expect.stringMatching(/src\/sim may not import src\/state .*nothing outside itself/)]);
  });

  it('allows a downward import and imports within a folder', async () => {
    expect(
      await problems(
        'src/worker/probe.ts',
        "import { SimCore } from '../run/SimCore.ts';\nimport { clampSpeed } from '../run/speed.ts';\nexport const a = [SimCore, clampSpeed];\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/views/map/probe.ts',
        "import { HostCell } from '../../snapshot/cellCodes.ts';\nimport { useSim } from '../data/SimSourceContext.tsx';\nexport const a = [HostCell, useSim];\n",
      ),
    ).toEqual([]);
  });

  it('docs/architecture.md lists exactly the imports the rule allows', () => {
    const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| [^|]+ \| `src\/([a-z.]+)` \| [^|]+ \| ([^|]+) \|$/gm)];
    const table = Object.fromEntries(
      rows.map(([, folder, may]) => [
        folder === 'main.tsx' ? '(entry)' : folder,
        may.trim() === 'nothing outside itself' ? [] : [...may.matchAll(/`src\/([a-z]+)`/g)].map((m) => m[1]),
      ]),
    );
    expect(table).toEqual(LAYERS);
  });
});

describe('the model stays deterministic and host-free', () => {
  const cases: [string, string, RegExp][] = [
    ['Math.random', 'export const r = Math.random();\n', /seeded Rng/],
    ['Date.now', 'export const t = Date.now();\n', /no wall clock/],
    ['new Date', 'export const t = new Date();\n', /no wall clock/],
    ['setTimeout', 'setTimeout(() => 0, 10);\n', /no timers/],
    ['document', 'export const d = document.title;\n', /no host globals/],
    ['performance.now', 'export const p = performance.now();\n', /no wall clock|no host globals/],
  ];
  it.each(cases)('refuses %s in src/sim', async (_name, code, message) => {
    const found = await problems('src/sim/probe.ts', code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  });

  it('allows the same code outside src/sim', async () => {
    expect(await problems('src/worker/probe.ts', 'export const t = Date.now() + Math.random();\n')).toEqual([]);
  });
});
