import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseName } from './guard';

// PostgreSQL's own tools (pg_restore, pg_dump, psql) and the scratch database the PROD backup is
// restored into. PG_BIN names their directory when they are not on PATH.

const running = new Set<ChildProcess>();

/** Stops the tools still running (on SIGINT/SIGTERM, before the scratch database is dropped). */
export function killRunningTools(): void {
  for (const child of running) child.kill('SIGTERM');
}

/**
 * Runs a tool; rejects with its exit code and the first lines of its error output. Lines that can
 * quote data (CONTEXT, DETAIL: a COPY row of the backup) are left out, so no personal data
 * reaches the log.
 */
export function runTool(tool: string, args: string[], env = process.env): Promise<void> {
  const bin = env.PG_BIN ? join(env.PG_BIN, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    running.add(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => {
      running.delete(child);
      reject(new Error(`${tool} could not be started: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) return resolve();
      const lines = stderr
        .split('\n')
        .filter((l) => l.trim() && !/^\s*(CONTEXT|DETAIL|LINE \d+|QUERY):?/i.test(l))
        .slice(0, 5)
        .map((l) => l.replace(/postgres(ql)?:\/\/[^\s"']+/g, '<url>'));
      reject(new Error(`${tool} failed (${signal ?? `exit ${code}`}): ${lines.join(' | ')}`));
    });
  });
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A connection to a server's maintenance database, for CREATE/DROP DATABASE. */
export async function adminClient(serverUrl: string): Promise<Client> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  return client;
}

/** Scratch databases are named after the target, so a crashed run's leftovers are found. */
export const scratchPrefix = (targetUrl: string) =>
  `${databaseName(targetUrl)
    .slice(0, 30)
    .replace(/[^a-zA-Z0-9_]/g, '_')}_pseudonymise_`;

export async function createScratch(admin: Client, targetUrl: string): Promise<string> {
  const name = `${scratchPrefix(targetUrl)}${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${quote(name)}`);
  return name;
}

export async function dropDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`drop database if exists ${quote(name)} with (force)`);
}

/** Scratch databases of this target left by a run that was killed (they may hold PROD data). */
export async function leftoverScratches(admin: Client, targetUrl: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where starts_with(datname, $1)`,
    [scratchPrefix(targetUrl)],
  );
  return rows.map((r) => r.datname);
}
