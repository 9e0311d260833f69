import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { pseudonymiseDatabase, type PseudonymiseReport } from './database';
import {
  assertNotRunningAsProd,
  assertTargetNotMarkedProd,
  assertTargetUrlNotProd,
  databaseName,
  describeUrl,
  RefusedError,
  writeMarker,
} from './guard';
import type { Needles } from './needles';
import { collectNeedles, describeFindings, scanForNeedles, type ScanReport } from './scan';
import { carryOverUsers, snapshotUsers } from './target-users';
import { grantsToReplay, relationNames } from './grants';
import {
  adminClient,
  createScratch,
  dropDatabase,
  killRunningTools,
  leftoverScratches,
  runTool,
  sha256File,
  withDatabase,
} from './tools';

// refresh-test-from-prod: PROD backup → scratch database → pseudonymised there → checked → TEST's
// content replaced in one transaction → checked again. Raw data lives only in the scratch
// database, which is dropped at the end whatever happens (also on SIGINT/SIGTERM); TEST is
// touched only after the scratch copy passed the check.

export interface RefreshOptions {
  /** A PROD backup, `pg_dump -Fc`. */
  backup: string;
  /** TEST's database (its owner's credentials). */
  target: string;
  /** Server for the scratch database (its maintenance database); default: the target's server. */
  scratchServer?: string;
  key: Buffer;
  /** Carry TEST's own accounts over (default true). */
  keepTargetUsers?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface RefreshReport {
  backupSha256: string;
  pseudonymised: PseudonymiseReport;
  carriedUsers: number;
  verified: ScanReport;
}

export class VerificationError extends Error {
  constructor(
    message: string,
    readonly report: ScanReport,
  ) {
    super(`${message}\n${describeFindings(report).join('\n')}`);
  }
}

const serverOf = (url: string, given?: string) => given ?? withDatabase(url, 'postgres');

/**
 * Restores the backup into a fresh scratch database, runs `work` on it, and drops it at the end,
 * also when `work` fails or the process is told to stop. The scratch databases of earlier runs
 * that were killed are dropped first; an advisory lock keeps two runs for one target apart.
 */
async function withScratch<T>(
  o: { backup: string; target: string; scratchServer?: string; env: NodeJS.ProcessEnv },
  log: (line: string) => void,
  work: (scratch: DatabaseHandle, scratchUrl: string) => Promise<T>,
): Promise<T> {
  const server = serverOf(o.target, o.scratchServer);
  const admin: Client = await adminClient(server);
  let scratchName: string | undefined;
  let scratch: DatabaseHandle | undefined;
  const cleanUp = async () => {
    await scratch?.close().catch(() => undefined);
    scratch = undefined;
    if (scratchName) {
      await dropDatabase(admin, scratchName);
      log(`scratch database ${scratchName} dropped`);
      scratchName = undefined;
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping, dropping the scratch database`);
    killRunningTools();
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [`refresh:${o.target}`]);
    for (const old of await leftoverScratches(admin, o.target)) {
      await dropDatabase(admin, old);
      log(`dropped ${old}, left by an interrupted run`);
    }
    scratchName = await createScratch(admin, o.target);
    const scratchUrl = withDatabase(server, scratchName);
    log(`restoring the backup into scratch database ${scratchName}`);
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--no-comments',
        '--exit-on-error',
        '--dbname',
        scratchUrl,
        o.backup,
      ],
      o.env,
    );
    scratch = await openDatabase({ url: scratchUrl, poolMax: 2 });
    // A backup of an older release gets this release's schema, which the classification covers.
    await migrate(scratch.db, 'latest');
    return await work(scratch, scratchUrl);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    try {
      await cleanUp();
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
}

/** Replaces the target's schema with the scratch copy, in one transaction (all or nothing). */
async function replaceTarget(scratchUrl: string, target: string, env: NodeJS.ProcessEnv) {
  const grants = await grantsToReplay(target, await relationNames(scratchUrl));
  const dir = await mkdtemp(join(tmpdir(), 'refresh-test-'));
  try {
    const dump = join(dir, 'pseudonymised.sql');
    await runTool(
      'pg_dump',
      // Not the job queue's schema (jobs/queue.ts): PROD's queued jobs must not run on TEST, and
      // TEST keeps its own queue.
      [
        '--no-owner',
        '--no-privileges',
        '--no-comments',
        '--exclude-schema=pgboss',
        '--file',
        dump,
        '--dbname',
        scratchUrl,
      ],
      env,
    );
    await runTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set',
        'ON_ERROR_STOP=1',
        '--command',
        // The schema as a new PostgreSQL 15 database has it, then the copy, then the grants.
        "set local lock_timeout = '60s'; drop schema if exists public cascade; " +
          'create schema public authorization pg_database_owner; grant usage on schema public to public;',
        '--file',
        dump,
        ...(grants ? ['--command', grants] : []),
        '--dbname',
        target,
      ],
      env,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function scanTarget(target: string, needles: Needles): Promise<ScanReport> {
  const db = await openDatabase({ url: target, poolMax: 2 });
  try {
    return await scanForNeedles(db.db, needles);
  } finally {
    await db.close();
  }
}

export async function refreshTestFromProd(o: RefreshOptions): Promise<RefreshReport> {
  const env = o.env ?? process.env;
  const log = o.log ?? (() => undefined);
  assertNotRunningAsProd(env);
  assertTargetUrlNotProd(o.target);
  await assertTargetNotMarkedProd(o.target);
  log(`target ${describeUrl(o.target)}: not production`);
  const backupSha256 = await sha256File(o.backup);
  log(`backup sha256 ${backupSha256}`);

  const target = await openDatabase({ url: o.target, poolMax: 2 });
  const users = await snapshotUsers(target.db, o.keepTargetUsers !== false).finally(() =>
    target.close(),
  );

  let needles: Needles = {
    codes: new Set(),
    pairs: new Set(),
    emails: new Set(),
    phones: new Set(),
  };
  const result = await withScratch({ ...o, env }, log, async (scratch, scratchUrl) => {
    needles = await collectNeedles(scratch.db);
    log(`PROD people: ${needles.codes.size} personal codes, ${needles.pairs.size} name forms`);
    const pseudonymised = await pseudonymiseDatabase(scratch.db, {
      key: o.key,
      needles,
      detail: { source: 'PROD backup', backupSha256, refreshedAt: new Date().toISOString() },
    });
    log(
      `pseudonymised: ${JSON.stringify(pseudonymised.changed)}; emptied: ${JSON.stringify(pseudonymised.deleted)}`,
    );
    const carriedUsers = await carryOverUsers(scratch.db, users, log);
    const before = await scanForNeedles(scratch.db, needles);
    if (before.findings.length > 0) {
      throw new VerificationError(
        'the pseudonymised copy still holds PROD data; TEST was not touched',
        before,
      );
    }
    log(
      `scratch copy checked: ${before.rows} rows in ${before.tables} tables, no PROD personal data`,
    );
    await scratch.close();
    log(`replacing the content of ${describeUrl(o.target)}`);
    await replaceTarget(scratchUrl, o.target, env);
    return { pseudonymised, carriedUsers };
  });

  try {
    await writeMarker(o.target, 'test');
  } catch (err) {
    log(`could not mark the target as test (${(err as Error).message}); mark it as its owner`);
  }
  const verified = await scanTarget(o.target, needles);
  if (verified.findings.length > 0) {
    await emptyTarget(o.target, env);
    throw new VerificationError('TEST held PROD data after the refresh and was emptied', verified);
  }
  log(
    `TEST checked: ${verified.rows} rows in ${verified.tables} tables, no PROD personal code, name, e-mail or phone`,
  );
  return { backupSha256, ...result, verified };
}

async function emptyTarget(target: string, env: NodeJS.ProcessEnv) {
  await runTool(
    'psql',
    [
      '--no-psqlrc',
      '--quiet',
      '--command',
      'drop schema public cascade; create schema public;',
      '--dbname',
      target,
    ],
    env,
  );
}

/**
 * The check on its own (for the rehearsal): the people of PROD — from its database, read only, or
 * from a backup restored into a scratch database — must not appear in the target.
 */
export async function verifyTarget(o: {
  target: string;
  source?: string;
  backup?: string;
  scratchServer?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<ScanReport> {
  const env = o.env ?? process.env;
  const log = o.log ?? (() => undefined);
  let needles: Needles;
  if (o.source) {
    if (
      databaseName(o.source) === databaseName(o.target) &&
      new URL(o.source).host === new URL(o.target).host
    ) {
      throw new RefusedError('the source and the target are the same database');
    }
    const source = await openDatabase({ url: o.source, poolMax: 2 });
    needles = await collectNeedles(source.db).finally(() => source.close());
  } else if (o.backup) {
    needles = await withScratch(
      { backup: o.backup, target: o.target, scratchServer: o.scratchServer, env },
      log,
      (s) => collectNeedles(s.db),
    );
  } else {
    throw new Error('verify needs --source URL or --backup FILE');
  }
  log(`PROD people: ${needles.codes.size} personal codes, ${needles.pairs.size} name forms`);
  return scanTarget(o.target, needles);
}
