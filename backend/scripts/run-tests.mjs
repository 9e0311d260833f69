// Runs every jest project once and ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'test-results', 'jest.json');
mkdirSync(dirname(out), { recursive: true });

const args = ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
// PGlite's CommonJS build loads its WebAssembly through a dynamic import(), which jest's module
// sandbox only allows with VM modules enabled.
const NODE_OPTIONS =
  `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim();
const result = spawnSync('npx', args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS },
});

let passed = 0;
let failed = 1; // unless the report says otherwise
let skipped = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped = report.numPendingTests + report.numTodoTests;
  const byProject = new Map();
  for (const suite of report.testResults) {
    const project = suite.displayName?.name ?? suite.displayName ?? 'tests';
    const p = byProject.get(project) ?? { passed: 0, failed: 0 };
    for (const a of suite.assertionResults) {
      if (a.status === 'passed') p.passed++;
      else if (a.status === 'failed') p.failed++;
    }
    if (suite.status === 'failed' && suite.assertionResults.length === 0) p.failed++;
    byProject.set(project, p);
  }
  console.log('');
  for (const [name, p] of byProject)
    console.log(`  ${name}: ${p.passed} passed, ${p.failed} failed`);
}
if (result.status !== 0 && failed === 0) failed = 1; // jest itself failed (config error, no tests…)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
