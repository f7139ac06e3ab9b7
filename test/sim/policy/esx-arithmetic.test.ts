// Golden arithmetic of the VMware policies, written from the formulas of reference §1.5 and
// §1.8: the share split with and without the idle tax against the closed form, water-filling
// with min/max clamps, the minFree sliding scale, and the state thresholds with hysteresis.
import { describe, expect, it } from 'vitest';
import { allocateByShares, idleCost, type ShareClient } from '../../../src/sim/policy/esx/shareAllocation.ts';
import { minFreePages, VSPHERE_STATE_FRACTIONS } from '../../../src/sim/policy/esx/minFree.ts';
import { FreeStateMachine, levelsFromThresholds } from '../../../src/sim/policy/esx/freeStates.ts';
import { ESX_THRESHOLDS } from '../../../src/sim/policy/esxPolicy.ts';

const MiB = 256;
const client = (shares: number, activeMiB: number, minMiB = 0, maxMiB = 1 << 20): ShareClient => ({
  shares,
  activePages: activeMiB * MiB,
  minPages: minMiB * MiB,
  maxPages: maxMiB * MiB,
});
/** W02 §5.1 closed form: P_i = (S_i/ΣS)(M - ((k-1)/k)ΣA) + ((k-1)/k)A_i. */
const closedForm = (cs: ShareClient[], m: number, tau: number): number[] => {
  const k = 1 / (1 - tau);
  const sumS = cs.reduce((s, c) => s + c.shares, 0);
  const sumA = cs.reduce((s, c) => s + c.activePages, 0);
  return cs.map((c) => (c.shares / sumS) * (m - ((k - 1) / k) * sumA) + ((k - 1) / k) * c.activePages);
};

describe('share-based allocation with the idle memory tax', () => {
  it('k = 1/(1 - tau): tau = 0.75 makes an idle page cost four active pages', () => {
    expect(idleCost(0)).toBe(1);
    expect(idleCost(0.75)).toBe(4);
    expect(() => idleCost(1)).toThrow();
  });

  it('tau = 0 splits memory by shares alone, whatever the activity (W02 Fig. 7: 179 MB each)', () => {
    const cs = [client(1000, 10), client(1000, 250)];
    const p = allocateByShares(cs, 358 * MiB, 0);
    expect(p[0] / MiB).toBeCloseTo(179, 6);
    expect(p[1] / MiB).toBeCloseTo(179, 6);
    const weighted = allocateByShares([client(3000, 0), client(1000, 0)], 400 * MiB, 0);
    expect(weighted.map((x) => x / MiB)).toEqual([300, 100]);
  });

  it('tau = 0.75 matches the closed form when nothing is clamped', () => {
    // Both VMs have idle pages at the solution (S_i x > A_i), so the closed form holds exactly.
    const cs = [client(1000, 20), client(1000, 100), client(2000, 150)];
    const m = 1000 * MiB;
    const p = allocateByShares(cs, m, 0.75);
    const expected = closedForm(cs, m, 0.75);
    p.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 6));
    // By hand for VM 0: (1/4)(1000 - 0.75*270) + 0.75*20 = 199.375 + 15 = 214.375 MiB.
    expect(p[0] / MiB).toBeCloseTo(214.375, 6);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(m, 6);
  });

  it('moves idle memory to the active VM, which then pays the price of its active pages', () => {
    // Two VMs of 256 MB, 358 MB to share; VM2's working set exceeds any allocation (f = 1).
    const cs = [client(1000, 10, 0, 256), client(1000, 256, 0, 256)];
    const p = allocateByShares(cs, 358 * MiB, 0.75).map((x) => x / MiB);
    // VM2 at f = 1 gets S*x; VM1 gets (S*x + 3*10)/4; S*x*(5/4) + 7.5 = 358 -> S*x = 280.4 > 256:
    // VM2 is clamped at its max 256 and VM1 gets the rest, 102.
    expect(p[1]).toBeCloseTo(256, 6);
    expect(p[0]).toBeCloseTo(102, 6);
  });

  it('water-fills around min and max clamps and re-solves for the rest', () => {
    // Pure shares of 600 MiB would be 200 each; VM0's min 300 and VM2's max 100 are binding.
    const cs = [client(1000, 0, 300), client(1000, 0), client(1000, 0, 0, 100)];
    const p = allocateByShares(cs, 600 * MiB, 0).map((x) => x / MiB);
    expect(p).toEqual([300, 200, 100]);
    // With the tax: VM1 idle, VM2 capped; the remainder is split by the taxed price.
    const taxed = allocateByShares([client(1000, 0, 50), client(1000, 200), client(1000, 0, 0, 100)], 600 * MiB, 0.75).map((x) => x / MiB);
    expect(taxed[2]).toBeCloseTo(100, 6);
    expect(taxed[0] + taxed[1]).toBeCloseTo(500, 6);
    // Unclamped pair: P0 = S x / 4 and P1 = (S x + 600)/4 with P0 + P1 = 500 -> S x = 700.
    expect(taxed[0]).toBeCloseTo(175, 6);
    expect(taxed[1]).toBeCloseTo(325, 6);
  });

  it('gives everyone their minimum when even the minimums do not fit, and the maximum when all fit', () => {
    expect(allocateByShares([client(1, 0, 300), client(1, 0, 300)], 400 * MiB, 0.75).map((x) => x / MiB)).toEqual([300, 300]);
    expect(allocateByShares([client(1, 0, 0, 100), client(1, 0, 0, 200)], 400 * MiB, 0.75).map((x) => x / MiB)).toEqual([100, 200]);
  });
});

describe('vSphere minFree sliding scale (Mem.MinFreePct)', () => {
  const gib = (g: number): number => g * 1024 * MiB;
  const mibOf = (pages: number): number => pages / MiB;
  it('gives 6% of a 4 GiB host, 901 MB at 28 GiB, 1269.76 MiB at 64 GiB and ~1925 MB at 128 GiB', () => {
    expect(mibOf(minFreePages(gib(4)))).toBeCloseTo(245.76, 6);
    expect(mibOf(minFreePages(gib(28)))).toBeCloseTo(901.12, 6);
    expect(Math.abs(mibOf(minFreePages(gib(28))) - 901) / 901).toBeLessThan(0.02);
    expect(mibOf(minFreePages(gib(64)))).toBeCloseTo(901.12 + 0.01 * 36 * 1024, 6);
    expect(Math.abs(mibOf(minFreePages(gib(128))) - 1925) / 1925).toBeLessThan(0.02);
  });

  it("puts the 128 GiB host's states at High 7700, Clear 1925, Soft 1232, Hard 616, Low 308 MB", () => {
    const m = mibOf(minFreePages(gib(128)));
    const expected = { high: 7700, clear: 1925, soft: 1232, hard: 616, low: 308 };
    for (const [name, fraction] of Object.entries(VSPHERE_STATE_FRACTIONS)) {
      expect(Math.abs(m * fraction - expected[name as keyof typeof expected]) / expected[name as keyof typeof expected]).toBeLessThan(0.02);
    }
  });

  it('reproduces the classic 6/4/2/1% when minFree = 6% (soft 64%, hard 32%, low 16%)', () => {
    expect(0.06 * VSPHERE_STATE_FRACTIONS.soft).toBeCloseTo(0.0384, 6);
    expect(0.06 * VSPHERE_STATE_FRACTIONS.hard).toBeCloseTo(0.0192, 6);
    expect(0.06 * VSPHERE_STATE_FRACTIONS.low).toBeCloseTo(0.0096, 6);
  });
});

describe('free-memory states with hysteresis', () => {
  const host = 100000;
  const esxMachine = (h: number) =>
    new FreeStateMachine(
      levelsFromThresholds(
        ['high', 'soft', 'hard', 'low'],
        [ESX_THRESHOLDS.high, ESX_THRESHOLDS.soft, ESX_THRESHOLDS.hard, ESX_THRESHOLDS.low].map((f) => f * host),
        h,
      ),
    );

  it('drops at once below 4/2/1% and rises only above 6/4/2% plus the margin', () => {
    const m = esxMachine(0.1);
    expect(m.name).toBe('high');
    m.update(4001);
    expect(m.name).toBe('high');
    m.update(3999);
    expect(m.name).toBe('soft');
    m.update(6500); // above 6% but not by 10%
    expect(m.name).toBe('soft');
    m.update(6601);
    expect(m.name).toBe('high');
    m.update(500); // a plunge passes Soft and Hard
    expect(m.name).toBe('low');
    m.update(2100);
    expect(m.name).toBe('low');
    m.update(2201);
    expect(m.name).toBe('hard');
    m.update(10000); // a big recovery climbs all the way
    expect(m.name).toBe('high');
  });

  it('does not chatter when free memory jitters around a threshold', () => {
    const m = esxMachine(0.1);
    let changes = 0;
    for (let i = 0; i < 1000; i++) if (m.update(4000 + (i % 2 === 0 ? -150 : 150) + (i % 7) * 20)) changes++;
    expect(changes).toBe(1);
    const noMargin = esxMachine(0);
    let flips = 0;
    for (let i = 0; i < 1000; i++) if (noMargin.update(i % 2 === 0 ? 3990 : 6010)) flips++;
    expect(flips).toBe(1000); // without a margin and a wide swing it would flip every time
  });
});
