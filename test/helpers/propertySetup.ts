// Vitest setup file: every fast-check property in this run starts from the run's seed (fixed in
// `npm test`, random in `npm run test:fuzz`), even one that passes no parameters of its own.
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('propertySeed'), numRuns: 100 * inject('propertyRunFactor') });
