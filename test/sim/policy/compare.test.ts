// The CLI's --compare: one workload under several policies, side by side. Checks the JSON and
// table shape, the per-policy scenario (native drivers, per-VM keys validated again), and a
// clear error with exit 2 for a policy that is not registered.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareCommand, parseKinds, scenarioForPolicy, type CompareRow } from '../../../src/cli/compare.ts';
import { scenario } from '../../helpers/scenario.ts';

const small = scenario({
  seed: 11,
  host: { memoryMiB: 768, swapMiB: 1024 },
  policy: { kind: 'manual' },
  vms: [
    { name: 'busy', memoryMiB: 512, workload: { kind: 'steady', activeMiB: 200, footprintMiB: 350 } },
    { name: 'idle', memoryMiB: 512, workload: { kind: 'idle', activeMiB: 16, footprintMiB: 200 } },
  ],
});

describe('--compare', () => {
  it('prints one JSON row per policy with reclaimed memory, swapping, double paging and per-VM performance', () => {
    const out = compareCommand(small, 'kvm-mom, xen,hyperv,none', 30, true);
    if (!out.ok) throw new Error(out.error);
    const json = JSON.parse(out.text) as { scenario: string; seed: number; simSeconds: number; policies: CompareRow[] };
    expect(json.seed).toBe(11);
    expect(json.simSeconds).toBe(30);
    expect(json.policies.map((r) => r.policy)).toEqual(['kvm-mom', 'xen', 'hyperv', 'none']);
    for (const r of json.policies) {
      const m = r.reclaimedMiB;
      expect(m.total).toBeCloseTo(m.balloon + m.hostSwap + m.compressed + m.sharing, 0);
      expect(Object.keys(r.performance)).toEqual(['busy', 'idle']);
      for (const key of ['guestSwapOutMiB', 'guestSwapInMiB', 'hostSwapOutMiB', 'hostSwapInMiB', 'doublePaging', 'oomKills'] as const)
        expect(r[key]).toBeGreaterThanOrEqual(0);
      expect(r.invariantViolations).toBe(0);
      expect(typeof r.hostState).toBe('string');
    }
    const none = json.policies[3];
    const xen = json.policies[1];
    expect(none.reclaimedMiB.balloon).toBe(0);
    expect(xen.reclaimedMiB.balloon).toBeGreaterThan(0); // squeezed balloons the idle domain down
  });

  it('prints a side-by-side table', () => {
    const out = compareCommand(small, 'none,kvm-mom', 5, false);
    if (!out.ok) throw new Error(out.error);
    const lines = out.text.split('\n');
    const head = lines.find((l) => l.startsWith('policy'))!;
    for (const col of ['balloon', 'hSwap', 'shared', 'total', 'gSwapOut', 'hSwapOut', 'dblPg', 'busy', 'idle']) expect(head).toContain(col);
    expect(lines.some((l) => l.startsWith('none '))).toBe(true);
    expect(lines.some((l) => l.startsWith('kvm-mom '))).toBe(true);
  });

  it('gives each policy its native balloon driver and validates the per-VM keys again', () => {
    const hv = scenarioForPolicy(small, 'hyperv');
    if (!hv.ok) throw new Error(hv.error);
    expect(hv.scenario.policy.kind).toBe('hyperv');
    expect(hv.scenario.vms.map((v) => v.balloon.driver)).toEqual(['hyperv', 'hyperv']);
    expect(hv.scenario.vms[0].policy).toMatchObject({ bufferPercent: 20, weight: 50 });
    const xen = scenarioForPolicy(small, 'xen');
    if (!xen.ok) throw new Error(xen.error);
    expect(xen.scenario.vms[0].balloon.driver).toBe('xen');
    expect(xen.scenario.vms[0].policy).toMatchObject({ dynamicMinMiB: 256 });
    expect(parseKinds(' esx,,none,esx ')).toEqual(['esx', 'none']);
  });

  it('rejects a policy kind that is not registered, with exit 2 from the CLI', () => {
    const r = compareCommand(small, 'kvm-mom,bogus', 5, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/policy "bogus" is not available \(registered: .*kvm-mom/);
    const cli = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--scenario', 'balloon-by-hand', '--compare', 'none,bogus', '--seconds', '1'], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/bogus/);
  });
});
