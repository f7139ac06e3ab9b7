// The reference's relative claims (§6.3, W02 §3.2): a ballooned VM performs close to a VM
// statically sized to the same memory, and the cost of host swapping grows with the swap
// device's latency.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/sim/scenario/load.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { sim } from '../helpers/scenario.ts';

const work = { kind: 'steady', activeMiB: 200, footprintMiB: 600, accessesPerSec: 5000 };

describe('cost of reclaim', () => {
  it('a VM ballooned from 1024 to 512 MiB performs within a few % of a static 512 MiB VM', () => {
    const ballooned = sim({
      host: { memoryMiB: 2048 },
      vms: [{ memoryMiB: 1024, guestSwapMiB: 1024, balloon: { targetMiB: 512 }, workload: work }],
    });
    const fixed = sim({ host: { memoryMiB: 2048 }, vms: [{ memoryMiB: 512, guestSwapMiB: 1024, workload: work }] });
    ballooned.run(60);
    fixed.run(60);
    const b = ballooned.vms[0].performance.value();
    const f = fixed.vms[0].performance.value();
    expect(Math.abs(b - f)).toBeLessThan(0.05);
    expect(ballooned.vms[0].driver!.actualPages).toBe(512 * 256);
  });

  it('the same host swapping costs far more on a hard disk than on an SSD', () => {
    const run = (name: string) => {
      const r = loadPreset(name);
      if (!r.ok) throw new Error(r.errors.join());
      const s = new Simulation(r.scenario);
      s.run(60);
      return s.vms[0].performance.value();
    };
    const ssd = run('overcommit-no-balloon');
    const hdd = run('slow-swap');
    expect(hdd).toBeLessThan(ssd - 0.3);
  });
});
