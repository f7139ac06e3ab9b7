// Sums vitest JSON reports into the one closing line CI reads: "N passed, N failed".
// A report that is missing or unreadable counts as a failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed +=
      (r.numFailedTests ?? 0) +
      (r.numRuntimeErrorTestSuites ?? 0) +
      (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  } catch (e) {
    console.error(`cannot read test report ${file}: ${e.message}`);
    failed++;
  }
}
if (process.argv.length <= 2) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
