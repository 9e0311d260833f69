#!/usr/bin/env node
// jenkins/rollback.mjs ENV [--version V] [--force-restore | --keep-database] [--env-file FILE] [--root DIR]
// Undoes the environment's last deployment (the pipeline runs it when a deploy or smoke stage
// fails): stops the services, restores the database from the backup taken before that
// deployment when it ran migrations, switches `current` back to the previous release, starts it
// and waits for /health/ready. Why restore and not down migrations: docs/operations.md.
import { rmSync } from 'node:fs';
import { acquireLock, loadEnvironment, parseCli } from './lib/environment.mjs';
import { log, runMain, setLogPrefix } from './lib/proc.mjs';
import {
  currentVersion,
  planRollback,
  readState,
  switchCurrent,
  writeState,
} from './lib/releases.mjs';
import { grantAppRole, pgEnv, restore, verifyBackup } from './lib/database.mjs';
import { startAll, stopAll, supervisorFor, waitAllReady } from './lib/services.mjs';
import { request } from './lib/http.mjs';

async function main() {
  const { positionals, values } = parseCli(process.argv.slice(2), {
    'force-restore': { type: 'boolean', default: false },
    'keep-database': { type: 'boolean', default: false },
    version: { type: 'string' },
  });
  const [env] = positionals;
  setLogPrefix(`rollback ${env}`);
  if (!env) throw new Error('usage: rollback.mjs test|prod [--force-restore|--keep-database]');
  if (values['force-restore'] && values['keep-database'])
    throw new Error('--force-restore and --keep-database contradict each other');
  const E = loadEnvironment(env, { envFile: values['env-file'], root: values.root });
  const P = E.paths;
  acquireLock(P);
  const state = readState(P);
  const plan = planRollback(state.records, {
    forceRestore: values['force-restore'],
    keepDatabase: values['keep-database'],
    version: values.version,
  });
  if (plan.nothing) {
    log(`nothing to roll back: ${plan.reason}`);
    return 0;
  }
  const { record } = plan;
  log(
    `rolling back ${record.version} (${record.status}, phase ${record.phase}) to ${plan.switchTo ?? 'nothing'}` +
      (plan.restore ? `, restoring ${plan.restore.file}` : ', keeping the database'),
  );
  // Check the backup before stopping anything: a damaged one must not cost an outage.
  if (plan.restore) await verifyBackup(plan.restore.file, plan.restore.sha256);

  const sup = supervisorFor(E.tools, P, env);
  await stopAll(sup, E.services);
  if (plan.restore) {
    await restore(E.migrationUrl, plan.restore.file);
    const owner = pgEnv(E.migrationUrl).PGUSER;
    const appRole = pgEnv(E.app.DATABASE_URL).PGUSER;
    if (owner !== appRole) await grantAppRole(E.migrationUrl, appRole);
    log(`database restored from ${plan.restore.file}`);
  }
  if (plan.switchTo) {
    if (currentVersion(P) !== plan.switchTo) switchCurrent(P, plan.switchTo);
    log(`current -> releases/${plan.switchTo}`);
    await startAll(sup, E.services);
    await waitAllReady(E, sup);
    const info = (await request(`${E.baseUrl}/api/environment`)).body;
    if (info?.version !== plan.switchTo)
      throw new Error(
        `/api/environment answers ${JSON.stringify(info)} after the rollback, expected ${plan.switchTo}`,
      );
  } else {
    // The first deployment failed: there is nothing older to run.
    rmSync(P.current, { force: true });
    log('no earlier release: the environment stays stopped');
  }
  record.status = 'rolled-back';
  record.rolledBackAt = new Date().toISOString();
  record.restored = Boolean(plan.restore);
  writeState(P, state);
  log(
    `${env} is back on ${plan.switchTo ?? 'nothing'}${plan.restore ? ' with the database as it was before ' + record.version : ''}`,
  );
  return 0;
}

runMain(main);
