// The fast-check parameters of a property test. In `npm test` the seed is fixed: the test's own
// seed if it names one, else the run's fixed seed (propertySeed.ts), so CI runs the same cases
// every time. In `npm run test:fuzz` every test draws from the run's random seed, with the run
// factor times the runs. Use as fc.assert(prop, properties(50)) or properties(50, 2008).
import { inject } from 'vitest';

export function properties(numRuns: number, fixedSeed?: number): { seed: number; numRuns: number } {
  const factor = inject('propertyRunFactor');
  const seed = factor > 1 || fixedSeed === undefined ? inject('propertySeed') : fixedSeed;
  return { seed, numRuns: numRuns * factor };
}
