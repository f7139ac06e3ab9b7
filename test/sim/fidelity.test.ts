// The reference experiments of docs/fidelity.md, run from the same scenario files the CLI
// reproduces them with (docs/fidelity/*.json): ESX's idle memory tax with three working sets at
// the default and at a tenth of the default touch rate (W02 §5, reference §1.5), and N identical
// VMs sharing pages (W02 Fig. 4, reference §1.4). The idle-tax runs are 1500 simulated seconds of
// a 7.5 GiB guest population, so their invariants are checked every 100 s rather than every tick.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.ts';
import type { EsxPolicy } from '../../src/sim/policy/esxPolicy.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { MiB, runChecked, scenario } from '../helpers/scenario.ts';

const load = (file: string): Simulation =>
  new Simulation(scenario(JSON.parse(readFileSync(new URL(`../../docs/fidelity/${file}`, import.meta.url), 'utf8'))));

/** W02 §5 closed form: P_i = S_i/ΣS · (M − (k−1)/k · ΣA) + (k−1)/k · A_i, equal shares, k = 4. */
function closedForm(allocatableMiB: number, activeMiB: number[]): number[] {
  const k = 1 / (1 - 0.75);
  const sum = activeMiB.reduce((a, b) => a + b, 0);
  return activeMiB.map((a) => (allocatableMiB - ((k - 1) / k) * sum) / activeMiB.length + ((k - 1) / k) * a);
}

/** The figures for 256 / 1024 / 2048 MiB working sets on a 4500 MiB host. */
const EXPECTED_MIB = [744, 1320, 2088];
const TOLERANCE_MIB = 50;

function idleTax(file: string): void {
  const s = load(file);
  for (let t = 0; t < 1500; t += 100) {
    s.run(100);
    const violations = checkInvariants(s);
    if (violations.length > 0) expect.fail(`after ${s.timeMs} ms: ${violations.join('; ')}`);
  }
  const entitlement = [0, 1, 2].map((i) => s.policy.vmReport(i).entitlementPages / MiB);
  const active = [0, 1, 2].map((i) => s.policy.vmReport(i).activeEstimatePages / MiB);
  // ESX's estimates see the working sets the user set (plus the kernel's few hot pages).
  [256, 1024, 2048].forEach((ws, i) => expect(Math.abs(active[i] - ws)).toBeLessThan(TOLERANCE_MIB));
  EXPECTED_MIB.forEach((e, i) => expect(Math.abs(entitlement[i] - e)).toBeLessThan(TOLERANCE_MIB));
  // And the policy's targets are the closed form of its own estimates (no clamping here).
  const m = (s.policy as EsxPolicy).scheduler.allocatablePages() / MiB;
  closedForm(m, active).forEach((p, i) => expect(Math.abs(entitlement[i] - p)).toBeLessThan(5));
}

describe('fidelity: ESX idle memory tax, three working sets (W02 §5)', () => {
  it('gives 744 / 1320 / 2088 MiB at the default touch rate (2000 a second)', () => idleTax('esx-idle-tax-3vm.json'), 300_000);
  it('gives the same at 200 touches a second', () => idleTax('esx-idle-tax-3vm-slow.json'), 300_000);
});

describe('fidelity: N identical VMs share pages (W02 Fig. 4)', () => {
  it('10 VMs, s = 0.67 of each identical: (N - 1) s / N of all VM memory is reclaimed', () => {
    const s = load('identical-vms-10.json');
    runChecked(s, 30);
    const vmPages = s.vms.reduce((sum, vm) => sum + vm.os.mem.pages, 0);
    // s from the scenario: the kernel's text (half its memory) and the program's identical part.
    const vm = s.vms[0];
    const share = (Math.ceil(vm.os.kernelPages / 2) + vm.workload.identicalPages) / vm.os.mem.pages;
    expect(share).toBeCloseTo(0.67, 2);
    const reclaimed = s.hv.frames.sharingSavedFrames / vmPages;
    expect(reclaimed).toBeCloseTo((9 * share) / 10, 2);
    expect(reclaimed).toBeGreaterThan(0.59);
    expect(s.hv.stats.hashCollisionsRejected).toBe(0);
  }, 60_000);
});
