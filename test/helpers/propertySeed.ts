// Vitest global setup: picks the one seed every property test of the run uses and prints it.
// `npm test`: the fixed seed, so CI runs the same cases every time and never flakes.
// `npm run test:fuzz` (FUZZ=1): a new random seed (or FUZZ_SEED=<n> to replay one) and
// FUZZ_RUN_FACTOR times the runs, to search further; a failure prints the seed to replay.
import type { TestProject } from 'vitest/node';

export const FIXED_SEED = 20261202;
export const FUZZ_RUN_FACTOR = 20;

declare module 'vitest' {
  export interface ProvidedContext {
    propertySeed: number;
    propertyRunFactor: number;
  }
}

export default function setup(project: TestProject): void {
  const fuzz = process.env.FUZZ === '1';
  const given = Number(process.env.FUZZ_SEED);
  const seed = !fuzz ? FIXED_SEED : Number.isInteger(given) && process.env.FUZZ_SEED ? given : (Math.random() * 2 ** 31) | 0;
  const factor = fuzz ? FUZZ_RUN_FACTOR : 1;
  project.provide('propertySeed', seed);
  project.provide('propertyRunFactor', factor);
  console.log(
    `property tests: fast-check seed ${seed}${fuzz ? `, ${factor}x runs (fuzz; replay with FUZZ=1 FUZZ_SEED=${seed})` : ' (fixed)'}`,
  );
}
