// The headless CLI: runs a scenario (with its schedule) in Node and prints a report (text or
// --json), optionally recording a CSV series (--series, --every) and the event log (--events);
// compares policies (--compare), sweeps parameters in worker threads (--sweep, --jobs), or runs
// a link (--url). Exit 2 with a message on bad input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadJsonText, loadPreset, type LoadResult } from '../sim/scenario/load.ts';
import { DEFAULT_PRESET, PRESETS } from '../sim/scenario/presets.ts';
import { buildReport } from '../sim/report.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { compareCommand } from './compare.ts';
import { formatReport } from './format.ts';
import { runRecorded, type Recorder } from './recordedRun.ts';
import { recordersFor, type RecordOptions } from './recordOptions.ts';
import { parseAxis, sweepCsv, sweepRuns, type SweepAxis } from './sweep.ts';
import { defaultJobs, runPool } from './sweepPool.ts';
import { urlCommand } from './urlOption.ts';
import { walkCommand } from './walk.ts';

const USAGE = `usage: npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] [--json] [--series FILE.csv [--every 1s]] [--events FILE.jsonl]
       npm run -s sim -- (--scenario NAME | --config FILE.json) --compare esx,kvm-mom,hyperv,xen,none [--seconds N] [--json] [--series FILE.csv] [--events FILE.jsonl]
       npm run -s sim -- (--scenario NAME | --config FILE.json) --sweep PATH=V1,V2,... [--sweep ...] [--jobs N] [--seconds N] [--json]
       npm run -s sim -- (--scenario NAME | --config FILE.json) [--seconds N] --walk VM[:ADDRESS | :gpa:ADDRESS] [--json]
       npm run -s sim -- --url LINK [--json] [--series FILE.csv [--every 1s]] [--events FILE.jsonl]
       npm run -s sim -- --list`;
const MAX_SECONDS = 86400;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const recorders = (o: RecordOptions, s: Scenario, suffix?: string): Recorder[] => {
  const r = recordersFor(o, s, suffix);
  return typeof r === 'string' ? fail(r) : r;
};

function load(args: { scenario?: string; config?: string }): Scenario {
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
  return loaded.scenario;
}

async function sweep(base: Scenario, texts: string[], jobsText: string | undefined, seconds: number, json: boolean): Promise<void> {
  const axes: SweepAxis[] = [];
  for (const t of texts) {
    const a = parseAxis(t);
    if (typeof a === 'string') fail(a);
    axes.push(a);
  }
  const jobs = jobsText === undefined ? defaultJobs() : Number(jobsText);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) fail(`--jobs: "${jobsText}" is not valid (allowed 1 to 256, whole numbers)`);
  const runs = sweepRuns(base, axes);
  if (typeof runs === 'string') fail(runs);
  const reports = await runPool(
    runs.map((r) => r.scenario),
    seconds,
    jobs,
  );
  const out = json
    ? `${JSON.stringify(
        reports.map((r, i) => ({ sweep: runs[i].values, ...r })),
        null,
        2,
      )}\n`
    : sweepCsv(axes, runs, reports);
  process.stdout.write(out);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        scenario: { type: 'string' },
        config: { type: 'string' },
        seconds: { type: 'string', default: '60' },
        json: { type: 'boolean', default: false },
        series: { type: 'string' },
        every: { type: 'string', default: '1s' },
        events: { type: 'string' },
        compare: { type: 'string' },
        sweep: { type: 'string', multiple: true },
        jobs: { type: 'string' },
        url: { type: 'string' },
        walk: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  if (args.list) {
    for (const p of PRESETS) process.stdout.write(`${p.name.padEnd(24)} ${p.title}\n`);
    return;
  }
  const record: RecordOptions = { series: args.series, events: args.events, every: args.every };
  if (args.url !== undefined) return urlCommand(args.url, args.json, (s) => recorders(record, s));
  const scenario = load(args);
  const seconds = Number(args.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS)
    fail(`--seconds: "${args.seconds}" is not valid (allowed 0 < N <= ${MAX_SECONDS})`);
  if (args.sweep !== undefined) {
    if (args.compare !== undefined || args.series || args.events || args.walk)
      fail('--sweep makes many runs: it does not combine with --compare, --series, --events or --walk');
    return sweep(scenario, args.sweep, args.jobs, seconds, args.json);
  }
  if (args.compare !== undefined) {
    const out = compareCommand(scenario, args.compare, seconds, args.json, (kind, s) => recorders(record, s, kind));
    if (!out.ok) fail(out.error);
    return void process.stdout.write(out.text);
  }
  const sim = runRecorded(scenario, seconds, recorders(record, scenario));
  if (args.walk !== undefined) {
    const out = walkCommand(sim, args.walk, args.json);
    if (!out.ok) fail(out.error);
    return void process.stdout.write(out.text);
  }
  const report = buildReport(sim);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
}

void main();
