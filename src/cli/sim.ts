// The headless CLI: runs a scenario in Node and prints a report (text or --json), optionally
// a per-second CSV series. Exit 2 with a message on bad input.
//   npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] [--json] [--series FILE.csv]
//   npm run -s sim -- (--scenario NAME | --config FILE.json) --compare KIND,KIND,... [--seconds N] [--json]
//   npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] --walk VM[:ADDRESS | :gpa:ADDRESS] [--json]
//   npm run -s sim -- --url LINK [--json]   (the run a Balloon Lab link shows, at its time)
//   npm run -s sim -- --list
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadJsonText, loadPreset, type LoadResult } from '../sim/scenario/load.ts';
import { DEFAULT_PRESET, PRESETS } from '../sim/scenario/presets.ts';
import { buildReport } from '../sim/report.ts';
import { Simulation } from '../sim/Simulation.ts';
import { compareCommand } from './compare.ts';
import { formatReport } from './format.ts';
import { seriesHeader, seriesRow } from './series.ts';
import { urlCommand } from './urlOption.ts';
import { walkCommand } from './walk.ts';

const USAGE = `usage: npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] [--json] [--series FILE.csv]
       npm run -s sim -- (--scenario NAME | --config FILE.json) --compare esx,kvm-mom,hyperv,xen,none [--seconds N] [--json]
       npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] --walk VM[:ADDRESS | :gpa:ADDRESS] [--json]
       npm run -s sim -- --url LINK [--json]
       npm run -s sim -- --list`;
const MAX_SECONDS = 86400;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        scenario: { type: 'string' },
        config: { type: 'string' },
        seconds: { type: 'string', default: '60' },
        json: { type: 'boolean', default: false },
        series: { type: 'string' },
        compare: { type: 'string' },
        url: { type: 'string' },
        walk: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.list) {
    for (const p of PRESETS) process.stdout.write(`${p.name.padEnd(24)} ${p.title}\n`);
    return;
  }
  if (args.url !== undefined) return urlCommand(args.url, args.json);
  if (args.scenario && args.config) fail('give either --scenario or --config, not both');
  let loaded: LoadResult;
  if (args.config) {
    let text: string;
    try {
      text = readFileSync(args.config, 'utf8');
    } catch (e) {
      fail(`cannot read --config ${args.config}: ${(e as Error).message}`);
    }
    loaded = loadJsonText(text);
  } else loaded = loadPreset(args.scenario ?? DEFAULT_PRESET);
  if (!loaded.ok) fail(`invalid scenario:\n  ${loaded.errors.join('\n  ')}`);
  for (const w of loaded.warnings) process.stderr.write(`sim: warning: ${w}\n`);
  const seconds = Number(args.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) fail(`--seconds: "${args.seconds}" is not valid (allowed 0 < N <= ${MAX_SECONDS})`);

  if (args.compare !== undefined) {
    const out = compareCommand(loaded.scenario, args.compare, seconds, args.json);
    if (!out.ok) fail(out.error);
    process.stdout.write(out.text);
    return;
  }

  const sim = new Simulation(loaded.scenario);
  const rows: string[] = [];
  if (args.series) rows.push(seriesHeader(sim), seriesRow(sim));
  for (let s = 1; s <= Math.ceil(seconds); s++) {
    sim.run(Math.min(1, seconds - (s - 1)));
    if (args.series) rows.push(seriesRow(sim));
  }
  if (args.series) writeFileSync(args.series, `${rows.join('\n')}\n`);
  if (args.walk !== undefined) {
    const out = walkCommand(sim, args.walk, args.json);
    if (!out.ok) fail(out.error);
    process.stdout.write(out.text);
    return;
  }
  const report = buildReport(sim);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
}

main();
