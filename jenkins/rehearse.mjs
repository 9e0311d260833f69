#!/usr/bin/env node
// npm run rehearse [-- --keep] [-- --no-build]
// The whole delivery pipeline on this machine, without a Jenkins server: TEST and PROD side by side
// (own ports, databases with owner and application roles, queue prefixes on the local RabbitMQ),
// driven by the same scripts the Jenkinsfile calls. Release N goes to both; N+1 with a new
// migration goes to both; a broken N+2 (its migration succeeds, its API cannot start) is rolled
// back automatically — in TEST by the pipeline, then in PROD as if it had passed TEST — and PROD
// keeps serving N+1 with its data and schema intact; finally TEST is refreshed from a PROD
// backup through pseudonymisation and no PROD personal code or name may be found in TEST.
// PostgreSQL: $REHEARSAL_DATABASE_URL, else $TEST_DATABASE_URL, else postgres@127.0.0.1:5432 (a
// role that may create roles and databases); RabbitMQ: $REHEARSAL_AMQP_URL, else $AMQP_URL, else
// guest@127.0.0.1. Prints a step log; the last line is "rehearsal: N passed, N failed".
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { backup, query } from './lib/database.mjs';
import { log, run, setLogPrefix } from './lib/proc.mjs';
import { request } from './lib/http.mjs';
import {
  createDatabase,
  dataDump,
  deleteQueues,
  dropDatabases,
  freePort,
  prodPeopleInTest,
  rewriteEnvFile,
  secret,
  snapshot,
  treeWithMigration,
} from './rehearsal/support.mjs';
import {
  CLASSIFICATION_N1,
  MIGRATION_N1,
  MIGRATION_N2,
  rehearsalSettings,
} from './rehearsal/releases.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { keep: { type: 'boolean' }, 'no-build': { type: 'boolean' } },
});
setLogPrefix('rehearsal');

const steps = [];
async function step(name, fn) {
  const started = Date.now();
  process.stderr.write(`\n== step ${steps.length + 1}: ${name}\n`);
  try {
    const result = await fn();
    steps.push({ name, ok: true, s: (Date.now() - started) / 1000 });
    return result;
  } catch (err) {
    steps.push({ name, ok: false, s: (Date.now() - started) / 1000, error: err.message });
    throw err;
  }
}
const expect = (ok, message) => {
  if (!ok) throw new Error(message);
};
const same = (a, b, what) =>
  expect(
    JSON.stringify(a) === JSON.stringify(b),
    `${what} changed:\n before ${JSON.stringify(a)}\n after  ${JSON.stringify(b)}`,
  );

const adminUrl =
  process.env.REHEARSAL_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const amqpUrl =
  process.env.REHEARSAL_AMQP_URL ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const root = join(tmpdir(), `adoption-rehearsal-${process.pid}`);
const prefix = `rh_${secret(6)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}`.slice(0, 12);
const RETRY_DELAYS = '1,5';
const ENVS = ['test', 'prod'];
const E = {}; // per environment: port, database, env file, base URL
const creds = {}; // what Jenkins would bind from its credentials store

/** Runs one of the pipeline's scripts as Jenkins would (same environment variables). */
const tool = async (script, args, extraEnv = {}) =>
  (
    await run(process.execPath, [join(repo, 'jenkins', script), ...args], {
      env: { ...process.env, ...creds, ...extraEnv },
      inherit: true,
      allowFail: true,
    })
  ).code;
const mustTool = async (script, args, extraEnv) =>
  expect((await tool(script, args, extraEnv)) === 0, `${script} ${args.join(' ')} failed`);
const envArgs = (env) => ['--env-file', E[env].file];
const environmentOf = async (env) => (await request(`${E[env].base}/api/environment`)).body;

/** The Jenkinsfile's stages for one release: deploy and smoke TEST, approval, deploy and smoke PROD; a failed stage rolls its environment back and ends the run. */
async function pipeline(artifact, envs = ENVS) {
  for (const env of envs) {
    for (const [stage, script, args] of [
      [`Deploy ${env.toUpperCase()}`, 'deploy.mjs', [env, artifact]],
      [`Smoke ${env.toUpperCase()}`, 'smoke.mjs', [env]],
    ]) {
      log(`stage "${stage}"`);
      if ((await tool(script, [...args, ...envArgs(env)])) !== 0) {
        log(`stage "${stage}" failed: post { failure } rolls ${env} back`);
        await mustTool('rollback.mjs', [env, '--version', versionOf(artifact), ...envArgs(env)]);
        return { failedAt: stage };
      }
    }
    if (env === 'test')
      log('stage "Approve PROD": a release manager approves (input step in Jenkins)');
  }
  return { failedAt: null };
}

async function pack(source, build) {
  const out = join(root, 'artifacts');
  const r = await run(process.execPath, [
    join(repo, 'jenkins/package.mjs'),
    '--source',
    source,
    '--modules-from',
    repo,
    '--out',
    out,
    '--build',
    String(build),
    '--commit',
    E.commit,
  ]);
  process.stderr.write(r.stderr);
  return r.stdout.trim();
}

const versionOf = (artifact) => /adoption-register-(.+)\.tar$/.exec(artifact)[1];

async function setup() {
  mkdirSync(join(root, 'config'), { recursive: true });
  E.commit =
    (await run('git', ['rev-parse', 'HEAD'], { cwd: repo, allowFail: true })).stdout.trim() ||
    process.env.GIT_COMMIT ||
    '0000000';
  const password = secret(18); // the demo accounts' (and so the smoke account's) password
  for (const env of ENVS) {
    const port = await freePort();
    const healthPorts = { worker: await freePort(), relay: await freePort() };
    const db = await createDatabase(adminUrl, prefix, env);
    // As a DBA does once (a superuser may set the marker): refresh-test-from-prod refuses PROD.
    await run(join(repo, 'jenkins/refresh-test-from-prod'), ['mark', '--env', env], {
      env: { ...process.env, TARGET_DATABASE_URL: db.adminUrl },
    });
    const U = env.toUpperCase();
    Object.assign(creds, {
      [`ADOPTION_${U}_MIGRATION_DATABASE_URL`]: db.ownerUrl,
      [`ADOPTION_${U}_DATABASE_URL`]: db.appUrl,
      [`ADOPTION_${U}_AMQP_URL`]: amqpUrl,
      [`ADOPTION_${U}_SMOKE_PASSWORD`]: password,
      [`ADOPTION_${U}_BOOTSTRAP_ADMIN_PASSWORD`]: password,
      [`ADOPTION_${U}_DATA_ENCRYPTION_KEY`]: secret(32),
      [`ADOPTION_${U}_JWT_SECRET`]: secret(32),
      [`ADOPTION_${U}_JWT_KEYS`]: `k1:${secret(32)}`,
    });
    const file = join(root, 'config', `${env}.env`);
    const example = readFileSync(join(repo, 'jenkins/env', `${env}.env.example`), 'utf8');
    writeFileSync(
      file,
      rewriteEnvFile(
        example,
        rehearsalSettings({
          root,
          env,
          port,
          healthPorts,
          amqpPrefix: `${prefix.replace(/_/g, '-')}-${env}`,
          retryDelays: RETRY_DELAYS,
        }),
      ),
      { mode: 0o600 },
    );
    E[env] = {
      port,
      db,
      file,
      base: `http://127.0.0.1:${port}`,
      srv: join(root, 'srv', env),
      amqpPrefix: `${prefix.replace(/_/g, '-')}-${env}`,
    };
  }
  log(
    `work directory ${root}; databases ${prefix}_test, ${prefix}_prod; TEST on :${E.test.port}, PROD on :${E.prod.port}`,
  );
}

async function cleanup() {
  for (const env of ENVS)
    if (E[env]) await tool('service.mjs', [env, 'stop', ...envArgs(env)]).catch(() => undefined);
  log('cleanup: services stopped');
  await dropDatabases(adminUrl, prefix).catch((err) => log(`cleanup: ${err.message}`));
  log('cleanup: databases and roles dropped');
  for (const env of ENVS)
    if (E[env])
      await deleteQueues(repo, amqpUrl, E[env].amqpPrefix, RETRY_DELAYS).catch((err) =>
        log(`cleanup: queues of ${env}: ${err.message}`),
      );
  if (!opts.keep) rmSync(root, { recursive: true, force: true });
  else log(`kept ${root}`);
  log('cleanup: queues deleted, work directory removed');
}

async function main() {
  if (!opts['no-build'])
    await step('build (API, worker, console)', () =>
      run(process.execPath, [join(repo, 'backend/scripts/ensure-ready.mjs')], { inherit: true }),
    );
  await step('set up TEST and PROD (databases, roles, environment files)', setup);

  const n = await step('package release N', () => pack(repo, 1));
  await step(`pipeline N (${versionOf(n)}): TEST, approval, PROD`, async () => {
    expect((await pipeline(n)).failedAt === null, 'the pipeline of N failed');
    for (const env of ENVS)
      expect((await environmentOf(env)).version === versionOf(n), `${env} does not run N`);
  });

  const srcN1 = join(root, 'src-n1');
  const n1 = await step(
    'package N+1 with a new migration (9001-rehearsal-release-notes)',
    async () => {
      await treeWithMigration(repo, repo, srcN1, '9001-rehearsal-release-notes', MIGRATION_N1);
      // A new table comes with its line in the pseudonymisation's classification, or
      // refresh-test-from-prod refuses the data (backend/src/pseudonymise/classification.ts).
      const classification = join(srcN1, 'backend/dist/pseudonymise/classification.js');
      if (existsSync(classification)) appendFileSync(classification, CLASSIFICATION_N1);
      return pack(srcN1, 2);
    },
  );
  await step(`pipeline N+1 (${versionOf(n1)}): both migrated, both smoke-tested`, async () => {
    expect((await pipeline(n1)).failedAt === null, 'the pipeline of N+1 failed');
    for (const env of ENVS) {
      expect((await environmentOf(env)).version === versionOf(n1), `${env} does not run N+1`);
      const s = await snapshot(E[env].db.adminUrl);
      expect(
        s.migrations.includes('9001-rehearsal-release-notes') && s.notes.length === 1,
        `${env} lacks the N+1 migration`,
      );
    }
  });

  const before = await step(
    'PROD works with N+1: the application role writes, cannot touch the audit trail',
    async () => {
      await query(
        E.prod.db.appUrl,
        `insert into rehearsal_release_notes (version, note) values ('prod', 'written by the application before N+2')`,
      );
      const denied = await query(
        E.prod.db.appUrl,
        'alter table audit_events disable trigger audit_events_no_update_delete',
      ).then(
        () => null,
        (err) => err.message,
      );
      expect(
        denied && /must be owner/.test(denied),
        `the application role could alter audit_events: ${denied}`,
      );
      const s = await snapshot(E.prod.db.adminUrl);
      expect(
        s.children.length > 0 && s.adopters.length > 0 && s.notes.length === 2,
        'PROD has no people or notes to protect',
      );
      return s;
    },
  );

  const srcN2 = join(root, 'src-n2');
  const n2 = await step(
    'package a broken N+2 (its migration succeeds, its API cannot start)',
    async () => {
      await treeWithMigration(repo, srcN1, srcN2, '9002-rehearsal-broken-release', MIGRATION_N2);
      rmSync(join(srcN2, 'backend/dist/health/version.js')); // a file missing from the build
      return pack(srcN2, 3);
    },
  );
  await step(
    'pipeline N+2: deploy TEST fails, TEST is rolled back, PROD is never touched',
    async () => {
      const r = await pipeline(n2);
      expect(
        r.failedAt === 'Deploy TEST',
        `expected the TEST deploy to fail, got ${r.failedAt ?? 'success'}`,
      );
      expect(
        (await environmentOf('test')).version === versionOf(n1),
        'TEST does not run N+1 again',
      );
      const s = await snapshot(E.test.db.adminUrl);
      expect(
        !s.tables.includes('rehearsal_broken') &&
          !s.migrations.includes('9002-rehearsal-broken-release'),
        'TEST kept the schema of N+2',
      );
      same(before.notes.slice(0, 1), s.notes.slice(0, 1), 'TEST release notes');
      same(before, await snapshot(E.prod.db.adminUrl), 'PROD');
    },
  );
  await step(
    'N+2 fails in PROD (as if it had passed TEST): rolled back, PROD serves N+1 with data and schema intact',
    async () => {
      const r = await pipeline(n2, ['prod']);
      expect(
        r.failedAt === 'Deploy PROD',
        `expected the PROD deploy to fail, got ${r.failedAt ?? 'success'}`,
      );
      const info = await environmentOf('prod');
      expect(
        info.name === 'prod' && info.version === versionOf(n1),
        `PROD answers ${JSON.stringify(info)}`,
      );
      same(before, await snapshot(E.prod.db.adminUrl), 'PROD data or schema');
      await mustTool('smoke.mjs', ['prod', ...envArgs('prod')]);
      const backups = join(E.prod.srv, 'shared/backups');
      const sums = readdirSync(backups).filter((f) => f.endsWith('.sha256'));
      expect(
        sums.length >= 3,
        `expected a checksummed backup per PROD deploy, found ${sums.length}`,
      );
      await run('sha256sum', ['-c', ...sums], { cwd: backups });
    },
  );

  await step(
    "refresh TEST from a PROD backup through pseudonymisation; none of PROD's people in TEST",
    async () => {
      const dump = join(root, 'prod-for-refresh.dump');
      await backup(E.prod.db.ownerUrl, dump);
      const key = { PSEUDONYM_KEY: secret(32) };
      // The refresh of the release TEST runs (the same as PROD's after approval): its migrations
      // match the backup's schema. jenkins/refresh-test-from-prod runs the checkout's build.
      const refresh = (target, inherit) =>
        run(
          process.execPath,
          [
            join(E.test.srv, 'current/backend/dist/pseudonymise/refresh-cli.js'),
            'refresh',
            '--backup',
            dump,
            '--scratch-server',
            adminUrl,
          ],
          {
            env: { ...process.env, ...key, TARGET_DATABASE_URL: target },
            inherit,
            allowFail: true,
          },
        );
      const refused = await refresh(E.prod.db.ownerUrl, false);
      expect(
        refused.code === 2,
        `refreshing PROD was not refused (exit ${refused.code}): ${refused.stdout}${refused.stderr}`,
      );
      log(
        `refreshing PROD is refused: ${`${refused.stdout}${refused.stderr}`.trim().split('\n').pop()}`,
      );
      await mustTool('service.mjs', ['test', 'stop', ...envArgs('test')]);
      // TEST's own accounts (kept by the refresh) are its testers. Both environments were seeded
      // from the same demo generator, so here they would carry PROD's names; a real TEST does not.
      await query(
        E.test.db.ownerUrl,
        `update users set display_name = 'TEST konts ' || id, email = username || '@test.invalid'`,
      );
      const r = await refresh(E.test.db.ownerUrl, true);
      expect(r.code === 0, `refresh-test-from-prod failed (exit ${r.code})`);
      await mustTool('service.mjs', ['test', 'start', ...envArgs('test')]);
      await mustTool('smoke.mjs', ['test', ...envArgs('test')]);
      const test = await snapshot(E.test.db.adminUrl);
      expect(
        test.children.length === before.children.length,
        `TEST has ${test.children.length} children, PROD ${before.children.length}`,
      );
      const { checked, found } = await prodPeopleInTest(
        E.prod.db.adminUrl,
        await dataDump(E.test.db.adminUrl),
      );
      expect(
        checked > 0 && found.length === 0,
        `PROD people found in TEST: ${found.slice(0, 5).join(', ')}`,
      );
      log(`${checked} PROD people checked: none of their personal codes or names is in TEST`);
    },
  );
}

let failed = false;
const stop = () => cleanup().finally(() => process.exit(130));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  await main();
} catch (err) {
  failed = true;
  log(`FAILED: ${err.message}`);
} finally {
  await cleanup();
}
process.stderr.write('\n');
for (const s of steps)
  process.stderr.write(
    `${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.s.toFixed(1)} s)${s.error ? `\n     ${s.error.split('\n')[0]}` : ''}\n`,
  );
const passed = steps.filter((s) => s.ok).length;
console.log(`rehearsal: ${passed} passed, ${steps.length - passed} failed`);
process.exit(failed ? 1 : 0);
