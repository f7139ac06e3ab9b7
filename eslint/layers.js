// The layers of src/ and what each may import: the one table that the lint rule enforces and
// docs/architecture.md shows (a test checks that the two agree). A folder imports itself freely;
// any other folder it may import is listed here. Files directly in src/ (main.tsx) are the entry.
export const LAYERS = {
  sim: [],
  run: ['sim'],
  snapshot: ['sim'],
  worker: ['sim', 'run', 'snapshot'],
  url: ['sim', 'run', 'snapshot'],
  state: ['sim', 'run', 'snapshot', 'url', 'worker'],
  views: ['sim', 'snapshot', 'url', 'state'],
  app: ['sim', 'run', 'snapshot', 'url', 'state', 'views', 'worker'],
  cli: ['sim', 'run', 'url'],
  '(entry)': ['app', 'state', 'views'],
};
