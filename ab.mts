import { loadPreset } from './src/sim/scenario/load.ts';
import { Simulation } from './src/sim/Simulation.ts';
const r: any = loadPreset(process.argv[2] ?? 'balloon-by-hand');
const sim = new Simulation(r.scenario);
sim.run(10);
const t = performance.now();
sim.run(60);
console.log(process.cwd().includes('base') ? 'base' : 'new ', (60 / ((performance.now() - t) / 1000)).toFixed(0) + 'x');
