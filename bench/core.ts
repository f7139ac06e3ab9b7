// Core benchmark (npm run bench): simulated seconds per wall second and heap bytes per
// simulated 4 KiB page for the hand-ballooned preset, the same with working sets covering half
// of each VM's memory, the first screen's preset, 16 VMs on a 32 GiB and on a 64 GiB host
// (working sets half of guest memory; the pair shows what doubling memory at the same access
// rate costs), and a 256 GiB host with 32 VMs of the same mix (the hosts engineers size; the
// issue asks for at least 10x real time and at most 16 bytes a page there). Run with node
// --expose-gc so heap figures are measured after a full collection.
import { loadPreset } from '../src/sim/scenario/load.ts';
import { validateScenario } from '../src/sim/scenario/validate.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';
import { Simulation } from '../src/sim/Simulation.ts';
import { DEFAULT_PRESET } from '../src/sim/scenario/presets.ts';

const WINDOWS = 7;
const gc = (globalThis as { gc?: () => void }).gc;

function manyVms(hostGiB: number, count = 16): Scenario {
  const vmMiB = (hostGiB * 1024) / count;
  const r = validateScenario({
    format: 1,
    name: `host-${hostGiB}GiB-${count}vms`,
    seed: 7,
    tickMs: 100,
    host: { memoryMiB: hostGiB * 1024, swapMiB: hostGiB * 1024, pageSharing: 'zero' },
    policy: { kind: 'manual' },
    vms: Array.from({ length: count }, (_, i) => ({
      name: `vm${i + 1}`,
      memoryMiB: vmMiB,
      guestSwapMiB: vmMiB,
      balloon: { targetMiB: i % 4 === 0 ? vmMiB / 4 : 0 },
      // Working sets cover half of each VM (the file-cache VMs: a quarter of heap, a quarter of files).
      workload:
        i % 4 === 2
          ? { kind: 'filecache', activeMiB: vmMiB / 4, footprintMiB: vmMiB / 4, fileMiB: vmMiB / 2, accessesPerSec: 2000 }
          : {
              kind: (['steady', 'phased', 'filecache', 'idle'] as const)[i % 4],
              activeMiB: vmMiB / 2,
              footprintMiB: (3 * vmMiB) / 4,
              accessesPerSec: 2000,
            },
    })),
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function heapUsed(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface Row {
  case: string;
  pages: number;
  warmupSeconds: number;
  simSeconds: number;
  wallSeconds: number;
  speed: number;
  range: string;
  heapBytesPerPage: number;
}

function measure(label: string, scenario: Scenario, warmupSeconds: number, simSeconds: number): Row {
  const before = heapUsed();
  const sim = new Simulation(scenario);
  sim.run(warmupSeconds); // first touches of every footprint happen here
  const after = heapUsed();
  // Seven consecutive windows: speed on this shared machine swings by up to 3x between identical
  // windows, so the median is reported with the slowest and fastest.
  const walls: number[] = [];
  for (let i = 0; i < WINDOWS; i++) {
    const t0 = performance.now();
    sim.run(simSeconds);
    walls.push((performance.now() - t0) / 1000);
  }
  walls.sort((a, b) => a - b);
  const wallSeconds = walls[(WINDOWS - 1) / 2];
  const range = `${(simSeconds / walls[WINDOWS - 1]).toFixed(0)}-${(simSeconds / walls[0]).toFixed(0)}x`;
  const pages = sim.hv.frames.frameCount + sim.vms.reduce((s, vm) => s + vm.os.mem.pages, 0);
  return {
    case: label,
    pages,
    warmupSeconds,
    simSeconds,
    wallSeconds,
    speed: simSeconds / wallSeconds,
    range,
    heapBytesPerPage: (after - before) / pages,
  };
}

const load = (name: string): Scenario => {
  const r = loadPreset(name);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
};
/** The cases are pinned to the preset they were first measured on (balloon-by-hand, the
 * default preset until the first screen's story became the default), so the figures stay
 * comparable; the first screen's preset has its own row. */
const handBallooned = load('balloon-by-hand');
const firstScreen = load(DEFAULT_PRESET);
const described = (s: Scenario) => `${s.host.memoryMiB / 1024} GiB host, ${s.vms.length} VMs, ${s.policy.kind}`;
/** The default preset with working sets covering half of each VM: web and idle use half of
 * their memory, the file-cache VM re-reads a quarter in files and a quarter of heap; no balloon,
 * so everything fits the host and the figure is the cost of the working sets, not of thrashing. */
function halfActive(s: Scenario): Scenario {
  return {
    ...s,
    name: `${s.name}-half-active`,
    vms: s.vms.map((vm) => {
      const half = vm.memoryMiB / 2;
      const w = vm.workload;
      const workload =
        w.kind === 'filecache'
          ? { ...w, activeMiB: half / 2, footprintMiB: half / 2, fileMiB: Math.max(w.fileMiB, half / 2) }
          : { ...w, activeMiB: half, footprintMiB: Math.max(w.footprintMiB, half) };
      return { ...vm, balloon: { ...vm.balloon, targetMiB: 0 }, workload };
    }),
  };
}

const rows = [
  measure(`balloon-by-hand (${described(handBallooned)})`, handBallooned, 10, 300),
  measure('balloon-by-hand, working sets at half of each VM', halfActive(handBallooned), 10, 300),
  measure(`first screen: ${DEFAULT_PRESET} (${described(firstScreen)})`, firstScreen, 10, 300),
  measure('32 GiB host, 16 VMs', manyVms(32), 10, 60),
  measure('64 GiB host, 16 VMs', manyVms(64), 10, 60),
  measure('256 GiB host, 32 VMs', manyVms(256, 32), 10, 60),
];
console.log(
  '| case | simulated pages | simulated s per window | wall s (median of 7) | sim s / wall s (median) | slowest-fastest window | heap bytes / page |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.case} | ${r.pages.toLocaleString('en')} | ${r.simSeconds} | ${r.wallSeconds.toFixed(2)} | ${r.speed.toFixed(0)}x | ${r.range} | ${r.heapBytesPerPage.toFixed(1)} |`,
  );
const doubling = rows[3].speed / rows[4].speed;
console.log(`\nDoubling memory (32 -> 64 GiB, same access rate): ${doubling.toFixed(2)}x the wall time per simulated second.`);
console.log('(simulated pages = host frames + guest-physical pages; heap measured after the warm-up, when every footprint is populated)');
