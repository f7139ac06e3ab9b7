// The headless CLI as a user runs it: presets list, text and JSON reports, the CSV series,
// and exit code 2 with a message naming the field on bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });

describe('sim CLI', () => {
  it('lists the presets', () => {
    const r = cli('--list');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('balloon-by-hand');
    expect(r.stdout).toContain('overcommit-no-balloon');
  });

  it('prints the JSON report with the documented fields', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--scenario', 'balloon-by-hand', '--seconds', '5', '--json'], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out);
    expect(r.simSeconds).toBe(5);
    expect(Object.keys(r.host)).toEqual(expect.arrayContaining(['memoryMiB', 'freeMiB', 'state', 'swapUsedMiB', 'sharedSavedMiB']));
    expect(Object.keys(r.vms[0])).toEqual(
      expect.arrayContaining([
        'name',
        'memoryMiB',
        'balloonMiB',
        'balloonTargetMiB',
        'backedMiB',
        'guestFreeMiB',
        'guestCacheMiB',
        'guestSwapMiB',
        'hostSwappedMiB',
        'sharedMiB',
        'performance',
      ]),
    );
    expect(Object.keys(r.counters)).toEqual(
      expect.arrayContaining([
        'guestSwapOuts',
        'guestSwapIns',
        'hostSwapOuts',
        'hostSwapIns',
        'eptViolations',
        'cowFaults',
        'doublePaging',
        'oomKills',
      ]),
    );
    expect(r.invariantViolations).toEqual([]);
    expect(r.vms[2].balloonMiB).toBe(1024);
  });

  it('writes a per-second CSV series', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-'));
    const file = join(dir, 's.csv');
    expect(cli('--scenario', 'identical-vms', '--seconds', '3', '--series', file).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0].split(',')).toContain('spec1.balloonMiB');
    expect(lines[4].split(',')[0]).toBe('3');
  });

  it('exits 2 with a message naming the field and range on a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 1, host: { memoryMiB: 10 }, vms: [{ memoryMiB: 512 }] }));
    const r = cli('--config', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('host.memoryMiB: 10 is not valid (allowed 64 to 1048576 MiB');
    expect(cli('--scenario', 'nope').status).toBe(2);
    expect(cli('--seconds', '-3').stderr).toContain('--seconds');
    writeFileSync(file, '{ not json');
    expect(cli('--config', file).stderr).toContain('not valid JSON');
  });
});
