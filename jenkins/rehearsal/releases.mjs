// What the rehearsal (jenkins/rehearse.mjs) changes: in the environment files made from
// jenkins/env/*.env.example, and in its scratch copies to make releases N+1 and N+2 — migrations
// (never part of the repository's migrations/src) and the classification line a new table needs
// before refresh-test-from-prod accepts its data.
import { join } from 'node:path';

/** The example's values replaced for one machine (null = line removed); secrets stay ${…}. */
export const rehearsalSettings = ({ root, env, port, healthPorts, amqpPrefix, retryDelays }) => ({
  DEPLOY_ROOT: join(root, 'srv'),
  DEPLOY_SERVICE_MANAGER: 'local',
  DEPLOY_SYSTEMCTL: null,
  DEPLOY_HEALTH_URL: `http://127.0.0.1:${port}`,
  DEPLOY_READY_TIMEOUT: '60',
  DEPLOY_KEEP_RELEASES: '2',
  DEPLOY_KEEP_BACKUPS: '3',
  // The demo analyst (DEMO_DATA): the rehearsal's smoke-test account, of a role without MFA.
  SMOKE_USER: 'analitikis',
  SMOKE_MAIL_TO: `smoke-${env}@register.invalid`,
  SMOKE_MAIL_SINK_URL: null,
  PORT: String(port),
  WORKER_HEALTH_PORT: String(healthPorts.worker),
  RELAY_HEALTH_PORT: String(healthPorts.relay),
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  TRUST_PROXY: 'false',
  SMTP_URL: null, // mails become .eml files under MAIL_DIR: TEST's sink
  AMQP_PREFIX: amqpPrefix,
  MAIL_RETRY_DELAYS: retryDelays,
  DATABASE_POOL_MAX: '3',
  // Synthetic people stand in for PROD's real ones (and give TEST its first content).
  DEMO_DATA: 'true',
  LOG_LEVEL: 'warn',
});

export const MIGRATION_N1 = `import { sql, type Kysely } from 'kysely';
// Made by jenkins/rehearse.mjs for its release N+1: a new table, with a row (never in the repository).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql\`create table rehearsal_release_notes (id integer generated always as identity primary key, version text not null, note text not null)\`.execute(db);
  await sql\`insert into rehearsal_release_notes (version, note) values ('N+1', 'written by the migration of N+1')\`.execute(db);
}
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql\`drop table rehearsal_release_notes\`.execute(db);
}
`;
export const CLASSIFICATION_N1 = `
// Added by jenkins/rehearse.mjs to its release N+1, with the migration 9001.
exports.CLASSIFICATION.rehearsal_release_notes = {
  rows: 'keep',
  why: 'release notes of the rehearsal: no personal data',
  columns: { id: { treatment: 'keep' }, version: { treatment: 'keep' }, note: { treatment: 'replace', how: 'text' } },
};
`;
// Succeeds, and changes schema and data: only a restore brings both back.
export const MIGRATION_N2 = `import { sql, type Kysely } from 'kysely';
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql\`create table rehearsal_broken (id integer primary key)\`.execute(db);
  await sql\`alter table rehearsal_release_notes add column reviewed boolean not null default false\`.execute(db);
  await sql\`update rehearsal_release_notes set note = 'overwritten by the broken N+2'\`.execute(db);
}
export async function down(): Promise<void> {}
`;
