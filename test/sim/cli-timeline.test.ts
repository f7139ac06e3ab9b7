// The researcher's CLI: a schedule in --config (a bad entry exits 2 naming schedule, the index,
// the path and the range); --series with --every and its documented columns, with --url and
// with --compare (one file per policy); --events as JSON lines; exact page counts and major
// faults in the report; --sweep's cross product in worker threads, as CSV or JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'bl-tl-'));
const scenario = {
  format: 2,
  name: 'tl',
  tickMs: 100,
  host: { memoryMiB: 1536 },
  policy: { kind: 'manual' },
  vms: [
    { name: 'web', memoryMiB: 512, workload: { kind: 'steady', activeMiB: 64, footprintMiB: 256 } },
    { name: 'idle', memoryMiB: 512, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 64 } },
  ],
  schedule: [
    { atS: 1, set: { 'vms.1.balloon.targetMiB': 256 } },
    { atS: 2, ramp: { path: 'vms.0.workload.footprintMiB', to: 384, overS: 2 } },
  ],
};
const file = (name: string, data: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

describe('sim CLI: timelines, series, events, sweeps', () => {
  it('exits 2 on a bad schedule entry, naming schedule, the index, the path and the range', () => {
    const r = cli(
      '--config',
      file('bad.json', { ...scenario, schedule: [scenario.schedule[0], { atS: 3, set: { 'vms.0.workload.writePercent': 150 } }] }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('schedule[1]: set.vms.0.workload.writePercent: 150 is not valid (allowed 0 to 100 %, whole numbers)');
  });

  it('runs the schedule, writes the series every --every with the documented columns, and the events', () => {
    const series = join(dir, 's.csv');
    const events = join(dir, 'e.jsonl');
    const r = cli(
      '--config',
      file('ok.json', scenario),
      '--seconds',
      '6',
      '--json',
      '--series',
      series,
      '--every',
      '500ms',
      '--events',
      events,
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.vms[1]).toMatchObject({ balloonTargetMiB: 256, balloonTargetPages: 65536, poweredOn: true, blocked: false });
    expect(report.vms[0].guestMajorFaults).toEqual(expect.any(Number));
    expect(report.host.freePages).toBe(Math.round(report.host.freeMiB * 256));
    const lines = readFileSync(series, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 13);
    const header = lines[0].split(',');
    const docs = readFileSync('docs/cli-series.md', 'utf8');
    for (const c of header) expect(docs).toContain(`\`${c.replace(/^(web|idle)\./, '<vm>.')}\``);
    const last = Object.fromEntries(header.map((h, i) => [h, lines.at(-1)!.split(',')[i]]));
    expect(last).toMatchObject({ simSeconds: '6', 'idle.balloonTargetPages': '65536', 'web.poweredOn': '1' });
    const kinds = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      kinds.some((e) => e.type === 'balloon-target' && e.vm === 'idle' && e.vmIndex === 1 && e.targetPages === 65536 && e.timeS >= 1),
    ).toBe(true);
  });

  it('--series works with --url and, one file per policy, with --compare', () => {
    const link =
      'v=2&scn=tl&seed=1&host.memoryMiB=1536&policy.kind=manual&vms=2&vms.0.memoryMiB=512&vms.1.memoryMiB=512&sch=1:set:vms.1.balloon.targetMiB=128&t=3';
    const series = join(dir, 'u.csv');
    const u = cli('--url', link, '--series', series);
    expect(u.status).toBe(0);
    expect(readFileSync(series, 'utf8').trim().split('\n')).toHaveLength(1 + 4);
    const c = cli('--config', file('c.json', scenario), '--seconds', '2', '--compare', 'esx,kvm-mom', '--series', join(dir, 'c.csv'));
    expect(c.status).toBe(0);
    expect(readFileSync(join(dir, 'c.esx.csv'), 'utf8').split('\n')[0]).toContain('policy.softThresholdPages');
    expect(readFileSync(join(dir, 'c.kvm-mom.csv'), 'utf8').split('\n')[0]).toContain('policy.hostFreePercent');
  });

  it('sweeps the cross product in worker threads, one CSV row or one JSON report per run', () => {
    const r = cli(
      '--config',
      file('sw.json', scenario),
      '--seconds',
      '2',
      '--sweep',
      'host.memoryMiB=1536,2048',
      '--sweep',
      'vms=2,3',
      '--jobs',
      '2',
    );
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^host\.memoryMiB,vms,policy,seed,vmCount,/);
    expect(rows.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['1536,2', '1536,3', '2048,2', '2048,3']);
    expect(rows.slice(1).map((l) => l.split(',')[4])).toEqual(['2', '3', '2', '3']);
    const j = cli('--config', file('sw.json', scenario), '--seconds', '1', '--sweep', 'seed=1,2', '--json', '--jobs', '1');
    const reports = JSON.parse(j.stdout);
    expect(reports.map((x: { sweep: unknown; seed: number }) => [x.sweep, x.seed])).toEqual([
      [{ seed: '1' }, 1],
      [{ seed: '2' }, 2],
    ]);
    expect(cli('--config', file('sw.json', scenario), '--sweep', 'host.nope=1').stderr).toContain('--sweep: host.nope is not a parameter');
  });
});
