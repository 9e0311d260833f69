#!/usr/bin/env node
// jenkins/deploy.mjs ENV ARTIFACT [--env-file FILE] [--root DIR]
// Deploys a release artifact (jenkins/package.mjs) to the environment ENV (test|prod):
//  1. checks the artifact (manifest, payload checksum) and unpacks it into releases/<version>
//  2. writes the release's configuration (app.env, mode 600) from the environment file
//  3. backs up the database (pg_dump -Fc, checksum beside it) BEFORE migrating
//  4. migrates as the owner role (MIGRATION_DATABASE_URL), grants the application's role
//  5. stops the services, switches `current`, starts them, waits for /health/ready and checks
//     /api/environment reports this version
//  6. keeps the last DEPLOY_KEEP_RELEASES releases and DEPLOY_KEEP_BACKUPS backups
// Every step is recorded in deployments.json, which rollback.mjs reads. Exit 0 = deployed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  acquireLock,
  loadEnvironment,
  parseCli,
  releaseConfig,
  toolEnv,
} from './lib/environment.mjs';
import { serializeEnv } from './lib/env-file.mjs';
import { assertPayload, PAYLOAD, sha256File, validateManifest } from './lib/manifest.mjs';
import { log, run, runMain, setLogPrefix } from './lib/proc.mjs';
import {
  backupsToPrune,
  currentVersion,
  ensureTree,
  readState,
  releasesToPrune,
  switchCurrent,
  writeState,
} from './lib/releases.mjs';
import { backup, databaseMarker, grantAppRole, pgEnv, roleFindings } from './lib/database.mjs';
import { startAll, stopAll, supervisorFor, waitAllReady } from './lib/services.mjs';
import { request } from './lib/http.mjs';

/** Reads and verifies the artifact; returns its manifest and the path of the checked payload. */
async function openArtifact(artifact, workDir) {
  if (!existsSync(artifact)) throw new Error(`artifact ${artifact} does not exist`);
  await run('tar', ['-xf', artifact, '-C', workDir, 'manifest.json', PAYLOAD]);
  const manifest = validateManifest(
    JSON.parse(readFileSync(join(workDir, 'manifest.json'), 'utf8')),
  );
  const payload = join(workDir, PAYLOAD);
  assertPayload(manifest, await sha256File(payload));
  return { manifest, payload };
}

/** `node backend/dist/cli/migrate.js <command>` of the release, as the owner role. */
async function migrate(E, releaseDir, cfg, command) {
  const r = await run(
    process.execPath,
    [join(releaseDir, 'backend/dist/cli/migrate.js'), command],
    {
      cwd: releaseDir,
      env: toolEnv(cfg, { DATABASE_URL: E.migrationUrl }),
    },
  );
  return r.stdout.split('\n').filter(Boolean);
}

async function main() {
  const { positionals, values } = parseCli(process.argv.slice(2));
  const [env, artifact] = positionals;
  setLogPrefix(`deploy ${env}`);
  if (!env || !artifact)
    throw new Error('usage: deploy.mjs test|prod ARTIFACT [--env-file F] [--root DIR]');
  const E = loadEnvironment(env, { envFile: values['env-file'], root: values.root });
  const P = E.paths;
  ensureTree(P);
  acquireLock(P);
  const work = mkdtempSync(join(P.base, '.incoming-'));
  const state = readState(P);
  let record;
  try {
    const { manifest, payload } = await openArtifact(artifact, work);
    // A database marked for another environment (a TEST file pointing at PROD's server) is refused
    // before anything is touched.
    const marker = await databaseMarker(E.migrationUrl);
    if (marker && marker !== env)
      throw new Error(`the database of ${E.file} is marked "${marker}", not "${env}": refusing`);
    const previous = currentVersion(P);
    if (previous === manifest.version)
      throw new Error(`${manifest.version} is already the current release of ${env}`);
    log(
      `deploying ${manifest.version} (commit ${manifest.commit.slice(0, 12)}) over ${previous ?? 'nothing'}`,
    );
    record = {
      version: manifest.version,
      commit: manifest.commit,
      previous,
      startedAt: new Date().toISOString(),
      status: 'in-progress',
      phase: 'checked',
      backup: null,
      migrationAttempted: false,
      migrationsApplied: [],
      switched: false,
    };
    state.records.push(record);
    const save = (phase) => {
      if (phase) record.phase = phase;
      writeState(P, state);
    };
    save();

    // 1–2. Unpack next to the others, complete it, then give it its name in one rename.
    const dir = join(P.releases, manifest.version);
    const partial = `${dir}.partial-${process.pid}`;
    mkdirSync(partial, { recursive: true });
    await run('tar', ['-xzf', payload, '-C', partial]);
    writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const cfg = releaseConfig(E);
    writeFileSync(
      join(partial, 'app.env'),
      serializeEnv(
        cfg,
        `${env} configuration of ${manifest.version}, written by jenkins/deploy.mjs from ${E.file}`,
      ),
      { mode: 0o600 },
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    save('unpacked');
    log(`unpacked into ${dir}`);

    // 3. The backup comes first: nothing below may touch the database before it exists.
    const stamp = record.startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const file = join(P.backups, `${env}-${stamp}-before-${manifest.version}.dump`);
    record.backup = await backup(E.migrationUrl, file);
    save('backed-up');
    log(
      `backup ${file} (${record.backup.bytes} bytes, sha256 ${record.backup.sha256.slice(0, 16)}…)`,
    );

    // 4. Migrate as the owner; the application's role gets grants, never ownership.
    const pending = (await migrate(E, dir, cfg, 'status')).filter((l) => l.startsWith('pending'));
    if (pending.length) {
      record.migrationAttempted = true;
      save('migrating');
      const applied = await migrate(E, dir, cfg, 'latest');
      record.migrationsApplied = applied
        .filter((l) => l.startsWith('applied'))
        .map((l) => l.split(/\s+/).pop());
      log(`migrated: ${record.migrationsApplied.join(', ')}`);
    } else log('schema is up to date: no migration');
    save('migrated');
    const owner = pgEnv(E.migrationUrl).PGUSER;
    const appRole = pgEnv(E.app.DATABASE_URL).PGUSER;
    if (owner !== appRole) {
      await grantAppRole(E.migrationUrl, appRole);
      log(`granted ${appRole} the use of ${owner}'s tables`);
    }
    // Tell the database which environment it is, so refresh-test-from-prod refuses a PROD target.
    const markCli = join(dir, 'backend/dist/pseudonymise/refresh-cli.js');
    if (!marker && existsSync(markCli)) {
      const r = await run(process.execPath, [markCli, 'mark', '--env', env], {
        env: toolEnv(cfg, { TARGET_DATABASE_URL: E.migrationUrl }),
        allowFail: true,
      });
      // Setting it needs a superuser (or GRANT SET ON PARAMETER): else a DBA marks it once.
      if (r.code === 0) log(`database marked as ${env}`);
      else
        log(
          `WARNING: the database is not marked as ${env} (${(r.stdout + r.stderr).trim().split('\n').pop()}): see docs/operations.md`,
        );
    }
    const findings = await roleFindings(E.app.DATABASE_URL);
    if (findings.length && env === 'prod')
      throw new Error(`refusing: ${findings.join('; ')} (see docs/operations.md)`);
    for (const f of findings) log(`WARNING: ${f}`);

    // 5. Switch and restart.
    const sup = supervisorFor(E.tools, P, env);
    await stopAll(sup, E.services);
    switchCurrent(P, manifest.version);
    record.switched = true;
    save('switched');
    log(`current -> releases/${manifest.version}`);
    await startAll(sup, E.services);
    await waitAllReady(E, sup);
    const info = (await request(`${E.baseUrl}/api/environment`)).body;
    if (info?.name !== env || info?.version !== manifest.version)
      throw new Error(
        `/api/environment answers ${JSON.stringify(info)}, expected ${env} ${manifest.version}`,
      );
    record.status = 'deployed';
    record.finishedAt = new Date().toISOString();
    save('ready');
    log(`${env} runs ${manifest.version}: ready`);

    // 6. Housekeeping: never the release a rollback returns to, nor the backup it restores.
    const prune = releasesToPrune({
      onDisk: readdirSync(P.releases),
      records: state.records,
      current: manifest.version,
      keep: E.keepReleases,
    });
    for (const v of prune) rmSync(join(P.releases, v), { recursive: true, force: true });
    const backups = readdirSync(P.backups).filter((f) => f.endsWith('.dump'));
    const needed = new Set([record.backup.file.split('/').pop()]);
    const oldBackups = backupsToPrune({ backups, keep: E.keepBackups, needed });
    for (const b of oldBackups)
      for (const f of [b, `${b}.sha256`]) rmSync(join(P.backups, f), { force: true });
    if (prune.length || oldBackups.length)
      log(`removed releases ${prune.join(', ') || '-'}; backups ${oldBackups.join(', ') || '-'}`);
    return 0;
  } catch (err) {
    if (record) {
      record.status = 'failed';
      record.error = err.message;
      record.finishedAt = new Date().toISOString();
      writeState(P, state);
      log(
        `deployment of ${record.version} failed in phase "${record.phase}": run jenkins/rollback.mjs ${env}`,
      );
    }
    throw err;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
