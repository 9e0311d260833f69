#!/usr/bin/env node
// jenkins/package.mjs [--build N] [--commit SHA] [--out DIR] [--source DIR] [--modules-from DIR]
// Packs the built API, relay/worker and console (run `npm run build` first) with the production
// dependencies, the migrations and the shared model into a versioned release artifact:
//   <out>/adoption-register-<version>.tar        manifest.json + payload.tar.gz
//   <out>/adoption-register-<version>.tar.sha256
// Version: package.json's + build number ($BUILD_NUMBER) + short git sha ($GIT_COMMIT or HEAD).
// Prints the artifact's path on stdout (the step log goes to stderr).
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  artifactName,
  checksumLine,
  createManifest,
  PAYLOAD,
  releaseVersion,
  sha256File,
} from './lib/manifest.mjs';
import { log, run, runMain, setLogPrefix } from './lib/proc.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files a release cannot run without, relative to the source tree (built first). */
const BUILT = [
  'backend/dist/main.js',
  'backend/dist/worker-main.js',
  'backend/dist/cli/migrate.js',
  'backend/dist/cli/test-mail.js',
  'migrations/dist/index.js',
  'model/dist/index.js',
  'admin/dist/index.html',
];
/** What the release holds of the source tree (the console is served by the API). */
const INCLUDE = [
  'backend/package.json',
  'backend/dist',
  'backend/templates',
  'migrations/package.json',
  'migrations/dist',
  'model/package.json',
  'model/dist',
  'admin/dist',
];

/** Production dependencies of the API, the migrations and the model, as installed (npm ls). */
async function productionModules(from) {
  const r = await run(
    'npm',
    [
      'ls',
      '--omit=dev',
      '--all',
      '--parseable',
      '-w',
      'backend',
      '-w',
      'migrations',
      '-w',
      'model',
    ],
    {
      cwd: from,
      allowFail: true,
    },
  );
  const paths = r.stdout.split('\n').filter((p) => p.startsWith(`${from}/node_modules/`));
  if (!paths.length)
    throw new Error(`npm ls found no production dependencies in ${from}:\n${r.stderr}`);
  if (r.code !== 0)
    log(`npm ls reported problems (continuing with what is installed):\n${r.stderr.trim()}`);
  return paths;
}

/**
 * Files and links under `dir` (relative to `base`), without descending into `skip` — a package's
 * own node_modules, whose production members npm ls lists (and this walks) separately.
 */
export function walk(base, dir, skip = () => false, out = []) {
  const st = lstatSync(join(base, dir));
  if (!st.isDirectory()) {
    out.push(dir);
    return out;
  }
  for (const e of readdirSync(join(base, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory() && !skip(rel)) walk(base, rel, skip, out);
    else if (!e.isDirectory()) out.push(rel);
  }
  return out;
}

/** A GNU tar file list: `-C dir` lines, then paths (./-prefixed: a name may start with '-'). */
const tarList = (groups) =>
  groups.flatMap(({ dir, files }) => [`-C ${dir}`, ...files.map((f) => `./${f}`)]).join('\n');

async function main() {
  setLogPrefix('package');
  const { values } = parseArgs({
    options: {
      build: { type: 'string' },
      commit: { type: 'string' },
      out: { type: 'string' },
      source: { type: 'string' },
      'modules-from': { type: 'string' },
    },
  });
  const source = resolve(values.source ?? repo);
  const modulesFrom = resolve(values['modules-from'] ?? repo);
  const out = resolve(values.out ?? join(repo, 'dist', 'releases'));
  const missing = BUILT.filter((f) => !existsSync(join(source, f)));
  if (missing.length) throw new Error(`not built (run npm run build): ${missing.join(', ')}`);

  const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const build = values.build ?? process.env.BUILD_NUMBER ?? 'local';
  const commit =
    values.commit ??
    process.env.GIT_COMMIT ??
    (await run('git', ['rev-parse', 'HEAD'], { cwd: source })).stdout.trim();
  const version = releaseVersion(pkg.version, build, commit);
  const builtAt = new Date().toISOString();
  log(`packaging ${version} from ${source}`);

  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(out, '.package-'));
  try {
    // Written for the release: a package.json without workspaces or dev tooling, and what
    // /api/environment reports (backend/src/health/version.ts reads build-info.json).
    const generated = join(work, 'generated');
    mkdirSync(generated);
    const scripts = {
      start: 'node backend/dist/main.js',
      worker: 'node backend/dist/worker-main.js',
      migrate: 'node backend/dist/cli/migrate.js',
    };
    const releasePkg = {
      name: pkg.name,
      version: pkg.version,
      private: true,
      license: pkg.license,
      engines: pkg.engines,
      scripts,
    };
    writeFileSync(join(generated, 'package.json'), `${JSON.stringify(releasePkg, null, 2)}\n`);
    writeFileSync(
      join(generated, 'build-info.json'),
      `${JSON.stringify({ version, commit, build: String(build), builtAt })}\n`,
    );

    const modules = (await productionModules(modulesFrom)).map((p) => relative(modulesFrom, p));
    const moduleFiles = modules.flatMap((m) =>
      walk(modulesFrom, m, (rel) => rel === join(m, 'node_modules')),
    );
    const list = join(work, 'files.txt');
    writeFileSync(
      list,
      tarList([
        { dir: source, files: INCLUDE.flatMap((p) => walk(source, p)) },
        // A workspace link (node_modules/@adoption/migrations -> ../../migrations) is kept as a
        // link: it resolves inside the release too.
        { dir: modulesFrom, files: moduleFiles },
        { dir: generated, files: ['package.json', 'build-info.json'] },
      ]),
    );
    const migrations = JSON.parse(
      (
        await run(process.execPath, [
          '-e',
          'process.stdout.write(JSON.stringify(Object.keys(require(process.argv[1]).migrations)))',
          join(source, 'migrations', 'dist', 'index.js'),
        ])
      ).stdout,
    );

    const payload = join(work, PAYLOAD);
    // gzip -1: several times faster than the default; the payload is mostly JavaScript.
    await run('tar', [
      '--no-recursion',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '-I',
      'gzip -1',
      '-cf',
      payload,
      '-T',
      list,
    ]);
    const manifest = createManifest({
      version,
      commit,
      build,
      builtAt,
      payloadSha256: await sha256File(payload),
      payloadBytes: statSync(payload).size,
      migrations,
    });
    writeFileSync(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const name = artifactName(version);
    await run('tar', ['-cf', join(work, name), '-C', work, 'manifest.json', PAYLOAD]);
    const artifact = join(out, name);
    renameSync(join(work, name), artifact);
    writeFileSync(`${artifact}.sha256`, checksumLine(await sha256File(artifact), name));
    writeFileSync(join(out, 'LATEST'), `${name}\n`); // what jenkins/ci.sh deploy takes
    log(
      `${name}: ${(statSync(artifact).size / 1e6).toFixed(1)} MB, ${modules.length} packages, ${migrations.length} migrations`,
    );
    process.stdout.write(`${artifact}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
