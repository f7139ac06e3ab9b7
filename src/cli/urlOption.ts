// The CLI's --url option: runs the run a Balloon Lab link describes (scenario with its schedule,
// simulated time) exactly as the browser does (the same state hash), and prints the report the
// browser shows for it, plus the state hash the debug panel shows; --series and --events record
// the run. Corrections to the link are printed as warnings; an unreadable link is an error.
//   npm run -s sim -- --url 'https://.../#v=2&scn=balloon-by-hand&...&t=30' [--json] [--series F.csv]
import { buildReport } from '../sim/report.ts';
import { stateHashHex } from '../sim/stateHash.ts';
import { decodeLink, linkText } from '../url/codec.ts';
import { expandLink } from '../url/compact.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { formatReport } from './format.ts';
import { runRecorded, type Recorder } from './recordedRun.ts';

export type UrlRun = { ok: true; text: string; warnings: string[]; hash: string; timeMs: number } | { ok: false; error: string };

/** The recorders of a run, made once its scenario is known (--every is checked against its tick). */
export type RecordersFor = (scenario: Scenario) => Recorder[];

export async function runUrl(link: string, json: boolean, recorders: RecordersFor = () => []): Promise<UrlRun> {
  const expanded = await expandLink(linkText(link.trim()));
  if (expanded.error) return { ok: false, error: expanded.error };
  const decoded = decodeLink(expanded.text);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const { scenario, timeMs } = decoded.state;
  const sim = runRecorded(scenario, (Math.round(timeMs / scenario.tickMs) * scenario.tickMs) / 1000, recorders(scenario));
  const report = buildReport(sim);
  const text = json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`;
  return { ok: true, text, warnings: decoded.corrections, hash: stateHashHex(sim), timeMs: sim.timeMs };
}

/** Runs --url and writes the result; exit code 2 on an unreadable link. */
export function urlCommand(link: string, json: boolean, recorders: RecordersFor): void {
  runUrl(link, json, recorders).then(
    (r) => {
      if (!r.ok) {
        process.stderr.write(`sim: --url: ${r.error}\n`);
        process.exit(2);
      }
      for (const w of r.warnings) process.stderr.write(`sim: warning: link corrected: ${w}\n`);
      process.stderr.write(`sim: state hash ${r.hash} at ${r.timeMs / 1000} s\n`);
      process.stdout.write(r.text);
    },
    (e: Error) => {
      process.stderr.write(`sim: --url: ${e.message}\n`);
      process.exit(1);
    },
  );
}
