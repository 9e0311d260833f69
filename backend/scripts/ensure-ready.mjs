// scripts/: what `npm start` and `npm test` run around the build — ensure-ready (this file),
// run-tests and its Jest reporter (the "N passed, N failed" line). Delivery scripts are jenkins/.
// This file makes a fresh clone runnable: installs dependencies and builds what is missing or
// stale. Runs before `npm start` and `npm test`, using only Node's standard library (nothing is
// installed yet).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Newest modification time of the files under a path. */
function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(join(p, f))));
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(join(root, 'package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

// tsc -b is incremental: a no-op when nothing changed.
run('npx tsc -b backend');

const consoleBuilt = join(root, 'admin', 'dist', 'index.html');
const consoleSources = [
  'admin/src',
  'admin/index.html',
  'admin/vite.config.ts',
  'admin/package.json',
  'model/src',
];
if (mtime(consoleBuilt) < Math.max(...consoleSources.map((p) => newest(join(root, p))))) {
  console.log('Building the console (vite build)…');
  run('npm run --silent build -w admin');
}
