// ESLint flat config. typescript-eslint's recommended rules everywhere; the layer rule
// (eslint/layerBoundaries.js) on src/; and src/sim kept deterministic and free of the host
// environment: no DOM or worker globals, no timers, no wall clock, no Math.random (time comes
// only through dtMs, randomness only through the seeded Rng). src/sim/tsconfig.json backs this
// with the ES library alone.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layerBoundaries } from './eslint/layerBoundaries.js';

const TIMERS = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'queueMicrotask',
  'requestIdleCallback',
];
const HOST = [
  'window',
  'document',
  'self',
  'globalThis',
  'navigator',
  'location',
  'performance',
  'fetch',
  'postMessage',
  'localStorage',
  'sessionStorage',
  'process',
  'Worker',
  'crypto',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'artifacts/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/views/**/*.ts', 'src/app/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: { rules: { boundaries: layerBoundaries } } },
    rules: { 'layers/boundaries': 'error' },
  },
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...TIMERS.map((name) => ({ name, message: 'src/sim has no timers: time passes only through dtMs.' })),
        ...HOST.map((name) => ({ name, message: 'src/sim runs anywhere (worker, Node, tests): no host globals.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim draws randomness only from its seeded Rng (src/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'src/sim has no wall clock: time passes only through dtMs.' },
        { object: 'performance', property: 'now', message: 'src/sim has no wall clock: time passes only through dtMs.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no wall clock: time passes only through dtMs.' },
      ],
    },
  },
  {
    // The built page's CSP refuses eval, so a waitForFunction string predicate (eval'd inside the
    // page, unlike page.evaluate's CDP evaluation) fails there.
    files: ['test/e2e/**/*.ts', 'bench/**/*.mts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal', 'TemplateLiteral'].map((type) => ({
          selector: `CallExpression[callee.property.name="waitForFunction"][arguments.0.type="${type}"]`,
          message: "Pass a function, not a string: the page's Content-Security-Policy refuses eval.",
        })),
      ],
    },
  },
);
