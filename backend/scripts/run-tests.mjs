// Runs every jest project once and ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const summaryFile = join(root, 'test-results', 'summary.json');
rmSync(summaryFile, { force: true });

// PGlite's CommonJS build loads its WebAssembly through a dynamic import(), which jest's module
// sandbox only allows with VM modules enabled.
const NODE_OPTIONS =
  `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim();
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
// The caller's arguments first: jest's --reporters takes every following bare word as a reporter.
const args = [
  jest,
  ...process.argv.slice(2),
  '--reporters=default',
  '--reporters=./backend/scripts/summary-reporter.cjs',
];
// The PGlite test apps start from one seeded data directory, made by the first (test-app.ts).
const snapshot = join(tmpdir(), `adoption-pglite-seeded-${process.pid}.tar`);
const result = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS, TEST_PGLITE_SNAPSHOT: snapshot },
});
rmSync(snapshot, { force: true });

const projects = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : {};
let passed = 0;
let failed = 0;
let skipped = 0;
console.log('');
for (const [name, p] of Object.entries(projects)) {
  console.log(
    `  ${name}: ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''}`,
  );
  passed += p.passed;
  failed += p.failed;
  skipped += p.skipped;
}
// jest itself failed (configuration error, no tests found…) without a failing test to show for it.
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
