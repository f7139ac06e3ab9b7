// Walk targets for the page-walk e2e tests, found from the model's state (never from guessed
// pixels): the same scenario run to the same time in Node gives the state the app's worker has
// (runs are deterministic), and each outcome's target is the first page whose walk ends so.
import { VA_BASE } from '../../src/sim/guest/Process.ts';
import { APP_PID } from '../../src/sim/guest/Workload.ts';
import { EPT_BALLOONED, EPT_UNTOUCHED, eptIsSwapped } from '../../src/sim/host/Ept.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { translate, type WalkTarget } from '../../src/sim/walk/index.ts';
import type { Walk } from '../../src/sim/walk/walkTypes.ts';
import { presetScenario } from '../../src/url/index.ts';

export interface OutcomeCase {
  name: string;
  scenario: Scenario;
  seconds: number;
  target: WalkTarget;
  write: boolean;
  /** data-walk-outcome the region shows. */
  outcome: Walk['outcome']['kind'];
}

const gpa = (vm: number, gpfn: number): WalkTarget => ({ space: 'guest-physical', vm, gpa: `0x${(gpfn * 4096).toString(16)}` });

function firstVirtual(sim: Simulation, wanted: (w: Walk) => boolean, write: boolean): WalkTarget {
  for (let vm = 0; vm < sim.vms.length; vm++) {
    const p = sim.vms[vm].os.processes[APP_PID];
    for (let v = 0; p && v < p.virtualPages; v += 7) {
      const address = VA_BASE + v * 4096;
      if (wanted(translate(sim, vm, APP_PID, address, { write })))
        return { space: 'guest-virtual', vm, pid: APP_PID, gva: `0x${address.toString(16)}` };
    }
  }
  throw new Error('no page walks that way');
}

function firstPhysical(sim: Simulation, test: (entry: number) => boolean): WalkTarget {
  for (let vm = 0; vm < sim.vms.length; vm++) {
    const g = sim.vms[vm].ept.entries.findIndex(test);
    if (g >= 0) return gpa(vm, g);
  }
  throw new Error('no guest-physical page has that EPT entry');
}

function ran(preset: string, seconds: number): { scenario: Scenario; sim: Simulation } {
  const scenario = presetScenario(preset)!;
  const sim = new Simulation(scenario);
  sim.run(seconds);
  return { scenario, sim };
}

/** One case per way a walk ends. */
export function outcomeCases(): OutcomeCase[] {
  const byHand = ran('balloon-by-hand', 20);
  const over = ran('overcommit-no-balloon', 20);
  const identical = ran('identical-vms', 10);
  const is = (kind: string, cause?: string) => (w: Walk) =>
    w.outcome.kind === kind && (cause === undefined || ('cause' in w.outcome && w.outcome.cause === cause));
  return [
    {
      name: 'host-frame',
      ...byHand,
      seconds: 20,
      write: false,
      outcome: 'translated',
      target: { space: 'guest-virtual', vm: 0, pid: APP_PID, gva: '0x7f0000005123' },
    },
    {
      name: 'guest-page-fault',
      ...over,
      seconds: 20,
      write: false,
      outcome: 'guest-page-fault',
      target: firstVirtual(over.sim, is('guest-page-fault', 'guest-swapped'), false),
    },
    {
      name: 'ballooned',
      ...byHand,
      seconds: 20,
      write: false,
      outcome: 'ept-violation',
      target: firstPhysical(byHand.sim, (e) => e === EPT_BALLOONED),
    },
    {
      name: 'never-touched',
      ...byHand,
      seconds: 20,
      write: false,
      outcome: 'ept-violation',
      target: firstPhysical(byHand.sim, (e) => e === EPT_UNTOUCHED),
    },
    { name: 'host-swapped', ...over, seconds: 20, write: false, outcome: 'ept-violation', target: firstPhysical(over.sim, eptIsSwapped) },
    {
      name: 'copy-on-write',
      ...identical,
      seconds: 10,
      write: true,
      outcome: 'ept-violation',
      target: firstVirtual(identical.sim, is('ept-violation', 'copy-on-write'), true),
    },
  ].map(({ sim: _sim, ...c }) => c as OutcomeCase);
}
