// PostgreSQL work of deploy and rollback, with the client tools (pg_dump, pg_restore, psql):
// the backup before migrating, its restore, and the grants that let the application's role use
// tables it does not own (an owner could disable the audit trail's append-only triggers).
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { run } from './proc.mjs';
import { checksumLine, parseChecksumLine, sha256File } from './manifest.mjs';

const bin = (name) => (process.env.DEPLOY_PG_BIN ? `${process.env.DEPLOY_PG_BIN}/${name}` : name);

/**
 * libpq variables for a postgresql:// URL, so no password appears on a command line (where `ps`
 * would show it). `?host=/run/postgresql` (a socket directory), `user`, `password` and `sslmode`
 * in the query are honoured, as libpq does.
 */
export function pgEnv(url) {
  const u = new URL(url);
  if (!['postgres:', 'postgresql:'].includes(u.protocol))
    throw new Error('not a postgresql:// URL');
  const env = {
    PGHOST: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || 'localhost'),
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
    PGUSER: u.searchParams.get('user') ?? decodeURIComponent(u.username),
  };
  const password = u.searchParams.get('password') ?? decodeURIComponent(u.password);
  if (password) env.PGPASSWORD = password;
  for (const [k, v] of [
    ['sslmode', 'PGSSLMODE'],
    ['sslrootcert', 'PGSSLROOTCERT'],
  ])
    if (u.searchParams.get(k)) env[v] = u.searchParams.get(k);
  if (!env.PGDATABASE) throw new Error('the database URL names no database');
  if (!env.PGUSER) throw new Error('the database URL names no user');
  return env;
}

const clientEnv = (url) => {
  // Only our connection's variables: a PGOPTIONS or PGSERVICE of the agent must not leak in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  return { ...base, ...pgEnv(url) };
};

export const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;
export const quoteLiteral = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** One query's rows as arrays of strings (psql unaligned, tab-separated). */
export async function query(url, sql) {
  const { stdout } = await run(
    bin('psql'),
    ['-X', '-q', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    {
      env: clientEnv(url),
    },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

/** `pg_dump -Fc` to `file`, its SHA-256 written beside it as `file.sha256` (sha256sum -c). */
export async function backup(url, file) {
  await run(bin('pg_dump'), ['-Fc', '-w', '--file', file], { env: clientEnv(url) });
  const sha256 = await sha256File(file);
  writeFileSync(`${file}.sha256`, checksumLine(sha256, basename(file)), { mode: 0o600 });
  return { file, sha256, bytes: statSync(file).size };
}

/** Throws unless the backup still has the checksum recorded when it was taken. */
export async function verifyBackup(file, expectedSha256) {
  const recorded = parseChecksumLine(readFileSync(`${file}.sha256`, 'utf8')).sha256;
  const actual = await sha256File(file);
  if (actual !== recorded || (expectedSha256 && actual !== expectedSha256))
    throw new Error(
      `backup ${basename(file)} is damaged: checksum ${actual}, recorded ${recorded}`,
    );
  return actual;
}

/** What runs before the dump's own statements: the schema as a new PostgreSQL 15 database has it. */
export const RESTORE_PRELUDE = [
  'drop schema public cascade;',
  // The job queue's schema (pg-boss): the dump holds it as it was, with its jobs.
  'drop schema if exists pgboss cascade;',
  'create schema public authorization pg_database_owner;',
  'grant usage on schema public to public;',
  "comment on schema public is 'standard public schema';",
  '',
].join('\n');

/**
 * Replaces the database's schema `public` with the backup, in one transaction: the old schema is
 * dropped (with whatever a failed migration added) and the dump replayed; any error leaves the
 * database exactly as it was. Run as the owner role, with the application stopped.
 */
export async function restore(url, file) {
  const env = clientEnv(url);
  await new Promise((resolve, reject) => {
    const psql = spawn(
      bin('psql'),
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', '-'],
      {
        env,
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    const dump = spawn(bin('pg_restore'), ['-f', '-', file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    psql.stderr.on('data', (d) => (errors += d));
    dump.stderr.on('data', (d) => (errors += d));
    psql.stdin.on('error', () => {}); // psql stopped early: its exit code tells why
    psql.stdin.write(RESTORE_PRELUDE);
    dump.stdout.pipe(psql.stdin);
    let dumpCode;
    dump.on('close', (code) => (dumpCode = code));
    psql.on('error', reject);
    dump.on('error', reject);
    psql.on('close', (code) => {
      if (code === 0 && dumpCode === 0) resolve();
      else
        reject(
          new Error(
            `restore of ${basename(file)} failed (psql ${code}, pg_restore ${dumpCode}):\n${errors.trim().split('\n').slice(-8).join('\n')}`,
          ),
        );
    });
  });
}

/** The grants of the application's role (DATABASE_URL) on what the owner (MIGRATION_DATABASE_URL) migrated. */
export function grantStatements(appRole) {
  const r = quoteIdent(appRole);
  // Revokes only on tables that exist (a rollback may restore the empty database of a first deploy).
  const revoke = (privileges, table) =>
    `do $$ begin if to_regclass('public.${table}') is not null then ` +
    `execute ${quoteLiteral(`revoke ${privileges} on table public.${table} from ${r}`)}; end if; end $$;`;
  return [
    `grant usage on schema public to ${r};`,
    `grant select, insert, update, delete on all tables in schema public to ${r};`,
    `grant usage, select on all sequences in schema public to ${r};`,
    // The trail is append-only for the application (the triggers refuse it for everyone anyway).
    revoke('update, delete, truncate', 'audit_events'),
    // Only deploy migrates (MIGRATE_ON_START=false): the app may read the history, not write it.
    revoke('insert, update, delete', 'kysely_migration'),
    revoke('insert, update, delete', 'kysely_migration_lock'),
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${r};`,
    `alter default privileges in schema public grant usage, select on sequences to ${r};`,
    // The job queue's schema (pg-boss, installed by \`npm run migrate\` as the owner): its rows only.
    `do $$ begin if to_regnamespace('pgboss') is not null then ` +
      `execute ${quoteLiteral(`grant usage on schema pgboss to ${r}`)}; ` +
      `execute ${quoteLiteral(`grant select, insert, update, delete on all tables in schema pgboss to ${r}`)}; ` +
      `execute ${quoteLiteral(`grant usage, select on all sequences in schema pgboss to ${r}`)}; ` +
      `execute ${quoteLiteral(`alter default privileges in schema pgboss grant select, insert, update, delete on tables to ${r}`)}; ` +
      `end if; end $$;`,
  ].join('\n');
}

export async function grantAppRole(ownerUrl, appRole) {
  await run(bin('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', '-'], {
    env: clientEnv(ownerUrl),
    input: grantStatements(appRole),
  });
}

/**
 * Problems with the application's role: it must not own the audit trail, nor be a superuser (both
 * could switch off the append-only triggers). Returns readable findings; none = fine.
 */
export async function roleFindings(appUrl) {
  const rows = await query(
    appUrl,
    `select current_user, r.rolsuper, (select tableowner from pg_tables
       where schemaname = 'public' and tablename = 'audit_events')
     from pg_roles r where r.rolname = current_user`,
  );
  const [user, isSuper, owner] = rows[0] ?? [];
  const findings = [];
  if (isSuper === 't') findings.push(`the application's role ${user} is a superuser`);
  if (owner && owner === user) findings.push(`the application's role ${user} owns audit_events`);
  return findings;
}

/**
 * The environment a database says it belongs to (set by `refresh-test-from-prod mark`, the
 * setting backend/src/pseudonymise/guard.ts reads), or null when unmarked.
 */
export const MARKER_SETTING = 'adoption_register.app_env';
export async function databaseMarker(url) {
  const [[value] = []] = await query(url, `select current_setting('${MARKER_SETTING}', true)`);
  return value || null;
}
