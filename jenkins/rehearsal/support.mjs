// The rehearsal's set-up and checks (jenkins/rehearse.mjs): two environments on this machine —
// databases with an owner and an application role each, queues under their own prefix on the
// local RabbitMQ, environment files made from jenkins/env/*.env.example — and what the
// rehearsal asserts about their databases.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pgEnv, query, quoteIdent, quoteLiteral } from '../lib/database.mjs';
import { run } from '../lib/proc.mjs';

export const secret = (n = 24) => randomBytes(n).toString('base64url');

/** A TCP port nobody listens on right now (the API of one environment). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function withDatabase(url, db, user, password) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (user) {
    u.username = user;
    u.password = password ?? '';
  }
  return u.toString();
}

/** Database `<prefix>_<env>` owned by `<prefix>_<env>_owner`, used by `<prefix>_<env>_app`. */
export async function createDatabase(adminUrl, prefix, env) {
  const db = `${prefix}_${env}`;
  const owner = { name: `${db}_owner`, password: secret() };
  const app = { name: `${db}_app`, password: secret() };
  for (const r of [owner, app])
    await query(
      adminUrl,
      `create role ${quoteIdent(r.name)} login nosuperuser nocreatedb nocreaterole password ${quoteLiteral(r.password)}`,
    );
  await query(adminUrl, `create database ${quoteIdent(db)} owner ${quoteIdent(owner.name)}`);
  return {
    db,
    ownerUrl: withDatabase(adminUrl, db, owner.name, owner.password),
    appUrl: withDatabase(adminUrl, db, app.name, app.password),
    adminUrl: withDatabase(adminUrl, db),
  };
}

export async function dropDatabases(adminUrl, prefix) {
  const dbs = await query(
    adminUrl,
    `select datname from pg_database where datname like ${quoteLiteral(`${prefix}\\_%`)}`,
  );
  for (const [db] of dbs)
    await query(adminUrl, `drop database if exists ${quoteIdent(db)} with (force)`);
  const roles = await query(
    adminUrl,
    `select rolname from pg_roles where rolname like ${quoteLiteral(`${prefix}\\_%`)}`,
  );
  for (const [r] of roles) await query(adminUrl, `drop role if exists ${quoteIdent(r)}`);
}

/**
 * An environment file made from the example: each KEY in `set` replaced (null = removed), others
 * kept — including the ${ADOPTION_…} references, which the rehearsal supplies like Jenkins would.
 */
export function rewriteEnvFile(text, set) {
  const seen = new Set();
  const lines = text.split('\n').map((line) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (!m || !Object.hasOwn(set, m[1])) return line;
    seen.add(m[1]);
    return set[m[1]] === null ? `# ${m[1]}: not used in the rehearsal` : `${m[1]}=${set[m[1]]}`;
  });
  for (const [k, v] of Object.entries(set)) if (!seen.has(k) && v !== null) lines.push(`${k}=${v}`);
  return `${lines.join('\n')}\n`;
}

/** Deletes the exchange and queues of an AMQP prefix (backend/src/messaging/topology.ts). */
export async function deleteQueues(repo, amqpUrl, prefix, retryDelays) {
  const amqp = createRequire(join(repo, 'backend', 'package.json'))('amqplib');
  const conn = await amqp.connect(amqpUrl);
  try {
    const ch = await conn.createChannel();
    const ms = retryDelays.split(',').map((s) => Math.round(Number(s) * 1000));
    for (const q of [
      `${prefix}.mail`,
      `${prefix}.mail.dead`,
      ...ms.map((d) => `${prefix}.mail.retry.${d}`),
    ])
      await ch.deleteQueue(q);
    await ch.deleteExchange(prefix);
    await ch.close();
  } finally {
    await conn.close();
  }
}

/**
 * A copy of the built tree (what jenkins/package.mjs reads) with one more migration, compiled:
 * how the rehearsal makes "the next release" without touching the repository's migrations.
 */
export async function treeWithMigration(repo, from, to, name, source) {
  rmSync(to, { recursive: true, force: true });
  for (const f of [
    'package.json',
    'tsconfig.base.json',
    'backend/package.json',
    'backend/dist',
    'backend/templates',
    'admin/dist',
    'model/package.json',
    'model/dist',
    'migrations/package.json',
    'migrations/tsconfig.json',
    'migrations/src',
  ])
    cpSync(join(from, f), join(to, f), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(to, 'node_modules'));
  writeFileSync(join(to, 'migrations/src', `${name}.ts`), source);
  const indexFile = join(to, 'migrations/src/index.ts');
  const index = readFileSync(indexFile, 'utf8');
  const id = `m${name.replace(/\W/g, '_')}`;
  const patched = index
    .replace(/(\nexport const migrations[^=]*= \{\n)/, `\nimport * as ${id} from './${name}';$1`)
    .replace(/(\nexport const migrations[^=]*= \{\n[\s\S]*?)\n\};/, `$1\n  '${name}': ${id},\n};`);
  if (!patched.includes(`'${name}': ${id}`))
    throw new Error('cannot register the migration in migrations/src/index.ts');
  writeFileSync(indexFile, patched);
  mkdirSync(join(to, 'migrations/dist'), { recursive: true });
  await run(process.execPath, [
    join(repo, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(to, 'migrations/tsconfig.json'),
  ]);
}

/** Rows and schema facts of a database, for before/after comparisons. */
export async function snapshot(url) {
  const rows = async (sql) => (await query(url, sql)).map((r) => r.join('|'));
  const tables = await rows(
    `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return {
    tables,
    migrations: await rows('select name from kysely_migration order by name'),
    children: await rows(
      'select id, given_names, surname, personal_code from children order by id',
    ),
    adopters: await rows(
      'select id, given_names, surname, personal_code from adopters order by id',
    ),
    users: await rows('select id, username, role from users order by id'),
    auditEvents: Number((await query(url, 'select count(*) from audit_events'))[0][0]),
    notes: tables.includes('rehearsal_release_notes')
      ? await rows('select id, version, note from rehearsal_release_notes order by id')
      : [],
    noteColumns: await rows(
      `select column_name from information_schema.columns where table_name = 'rehearsal_release_notes' order by ordinal_position`,
    ),
  };
}

/** Lower case without diacritics, any whitespace one space: how names are compared. */
export const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/**
 * The personal codes and names of PROD's people (children, adopters, spouses) that appear
 * anywhere in TEST's data (pg_dump text: every table, every column, free text included), each
 * with the table it is in. Empty = clean. Names are whole words, compared without diacritics.
 */
export async function prodPeopleInTest(prodUrl, testDump) {
  const people = await query(
    prodUrl,
    `select personal_code, given_names, surname from children
     union all select personal_code, given_names, surname from adopters
     union all select spouse_personal_code, spouse_given_names, spouse_surname from adopters
       where spouse_surname is not null`,
  );
  const codes = new Set(people.map(([code]) => code).filter(Boolean));
  const pairs = new Set();
  for (const [, given, surname] of people)
    for (const g of new Set([given, ...given.split(' ')]))
      for (const pair of [`${fold(g)} ${fold(surname)}`, `${fold(surname)} ${fold(g)}`])
        pairs.add(pair);
  const found = new Set();
  let table = '?';
  for (const line of testDump.split('\n')) {
    const copy = /^COPY (\S+) /.exec(line);
    if (copy) table = copy[1];
    for (const code of line.match(/(?<!\d)\d{11}(?!\d)/g) ?? [])
      if (codes.has(code)) found.add(`personal code ${code.slice(0, 6)}-… in ${table}`);
    // Words of the line, so a pair can only match whole names ("kalnins", not "kalninskis").
    const words = ` ${fold(line.replace(/\\t|\t/g, ' ')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const pair of pairs)
      if (words.includes(` ${pair} `)) found.add(`name "${pair}" in ${table}`);
  }
  return { checked: people.length, found: [...found] };
}

/** TEST's data as text (pg_dump --data-only), for prodPeopleInTest. */
export async function dataDump(url) {
  return (
    await run('pg_dump', ['--data-only', '--no-owner', '-w'], {
      env: { ...process.env, ...pgEnv(url) },
    })
  ).stdout;
}
