// `sim --walk VM[:ADDRESS]` as a user runs it: the JSON walk of the workload's first mapped page
// (24 references, in order), a guest-physical walk of a ballooned page (an EPT violation), the
// text form with the worked index arithmetic, and exit 2 naming a bad VM or address and the range.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EPT_BALLOONED } from '../../src/sim/host/Ept.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { scenario } from '../helpers/scenario.ts';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
const PRESET = findPreset('balloon-by-hand')!.scenario;

function configFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bl-walk-')), 'c.json');
  writeFileSync(file, JSON.stringify(PRESET));
  return file;
}

describe('sim --walk', () => {
  it("prints the walk of the workload's first mapped page as JSON: 24 references in order, translated", () => {
    const r = cli('--config', configFile(), '--seconds', '2', '--walk', 'web', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ vm: 'web', address: '0x7f0000000000', outcome: { kind: 'translated', reason: null } });
    expect(out.references).toHaveLength(24);
    expect(out.references.map((s: { step: number }) => s.step)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(out.references[4]).toMatchObject({ dimension: 'guest', table: 'guest PML4', index: 254 });
    const byIndex = JSON.parse(cli('--config', configFile(), '--seconds', '2', '--walk', '0:0x7f0000000000', '--json').stdout);
    expect(byIndex.references).toEqual(out.references);
  });

  it('walks a guest-physical address through the EPT alone: a ballooned page is an EPT violation', () => {
    const sim = new Simulation(scenario(PRESET));
    sim.run(3);
    const gpfn = sim.vms[2].ept.entries.findIndex((e) => e === EPT_BALLOONED);
    expect(gpfn).toBeGreaterThanOrEqual(0);
    const r = cli('--config', configFile(), '--seconds', '3', '--walk', `idle:gpa:0x${(gpfn * 4096).toString(16)}`, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.references).toHaveLength(4);
    expect(out.outcome).toMatchObject({ kind: 'ept-violation', reason: 'ballooned' });
    expect(out.outcome.explanation).toContain('The guest never touches it');
  });

  it('prints the references with the worked index arithmetic as text', () => {
    const r = cli('--scenario', 'balloon-by-hand', '--seconds', '1', '--walk', 'db');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('24 memory references');
    expect(r.stdout).toContain('bits 47-39 of guest-virtual 0x7f0000000000 = 0xfe -> entry 254');
    expect(r.stdout).toContain('Outcome: translated');
  });

  it('exits 2 naming a bad VM or address and the allowed range', () => {
    const vm = cli('--scenario', 'balloon-by-hand', '--seconds', '1', '--walk', 'nope');
    expect(vm.status).toBe(2);
    expect(vm.stderr).toContain('there is no VM "nope" (allowed: a name, web, db, idle, or an index, 0 to 2)');
    const va = cli('--scenario', 'balloon-by-hand', '--seconds', '1', '--walk', 'web:0x1000');
    expect(va.status).toBe(2);
    expect(va.stderr).toMatch(
      /guest-virtual address "0x1000" is not in VM web's workload process \(allowed 0x7f0000000000 to 0x7f00[0-9a-f]+fff/,
    );
    const gpa = cli('--scenario', 'balloon-by-hand', '--seconds', '1', '--walk', 'web:gpa:zz');
    expect(gpa.status).toBe(2);
    expect(gpa.stderr).toContain('guest-physical address "zz" is not valid for VM web (allowed 0x0 to 0x5fffffff)');
  });
});
