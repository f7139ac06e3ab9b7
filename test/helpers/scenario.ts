// Test helpers: build validated scenarios from partial JSON, and run simulations with the
// invariant check after every tick.
import { expect } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { Simulation } from '../../src/sim/Simulation.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

export function scenario(json: Record<string, unknown>): Scenario {
  const r = validateScenario({ format: 1, ...json }, 'strict');
  if (!r.ok) throw new Error(`test scenario invalid:\n${r.errors.join('\n')}`);
  return r.scenario;
}

export function sim(json: Record<string, unknown>): Simulation {
  return new Simulation(scenario(json));
}

/** Steps tick by tick, asserting the invariants after each one. */
export function runChecked(s: Simulation, seconds: number, onTick?: (s: Simulation) => void): void {
  const end = s.timeMs + seconds * 1000;
  while (s.timeMs + 1e-9 < end) {
    s.step();
    onTick?.(s);
    const violations = checkInvariants(s);
    if (violations.length > 0) expect.fail(`after ${s.timeMs} ms: ${violations.join('; ')}`);
  }
}

export const MiB = 256;
