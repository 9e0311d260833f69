import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import {
  proposedNewChild,
  PSEUDONYM_TEST_KEY,
  storedRows,
} from '../test-support/pseudonymise-fixture';
import { createTestDatabase } from '../test-support/test-db';
import { migrate } from '../db/migrate';
import { insertUser } from '../users/repository';
import { formatPersonalCode, generatePersonalCode } from '../latvian/personal-code';
import { createRng } from '../latvian/random';
import { pseudonymKey } from './keyed';
import { namePairs } from './needles';
import { foldForSearch } from '../latvian/search';
import { readMarker, RefusedError, writeMarker } from './guard';
import { refreshTestFromProd, verifyTarget } from './refresh';
import { main } from './refresh-cli';

// The whole refresh as Jenkins runs it: a pg_dump backup of a register with demo data (and a name
// changed in the history, a proposed new child) is restored into a scratch database,
// pseudonymised, checked, and replaces another database's content. PostgreSQL only: pg_restore
// and psql need a server (PGlite runs the pseudonymisation itself: pseudonymise.test.ts).

const OTHER_KEY = pseudonymKey('another-test-key-another-test-key-another');
const onPostgres = process.env.TEST_DB_MODE === 'postgresql';
type Row = Record<string, unknown>;

let t: TestApp;
let backupDir: string;
let backup: string;
let before: Record<string, Row[]>;
let proposedCode: string;

/** The PROD register: demo data, a name changed (history), a proposed child; its backup. */
async function prepare() {
  t = await createTestApp();
  const db = t.database.db;
  const [specialist, court] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('orphan_court'),
  ]);
  const child = await db
    .selectFrom('children')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const card = (await t.as(specialist).get(`/api/children/${child.id}`).expect(200)).body;
  await t
    .as(specialist)
    .put(`/api/children/${child.id}`, { ...card, surname: 'Zvaigzne' })
    .expect(200);
  const courtId = (
    await db
      .selectFrom('users')
      .select('orphanCourtId')
      .where('username', '=', 'orphan-court')
      .executeTakeFirstOrThrow()
  ).orphanCourtId;
  proposedCode = formatPersonalCode(generatePersonalCode(createRng('refresh'), '2019-08-30'));
  await t
    .as(court)
    .post('/api/change-requests', proposedNewChild(proposedCode, courtId))
    .expect(201);
  before = {
    children: await storedRows(db, 'children'),
    adopters: await storedRows(db, 'adopters'),
  };
  backupDir = mkdtempSync(join(tmpdir(), 'refresh-test-'));
  backup = join(backupDir, 'prod.dump');
  const dump = spawnSync('pg_dump', [
    '--format=custom',
    '--file',
    backup,
    '--dbname',
    (t.database as { url?: string }).url!,
  ]);
  expect(dump.status).toBe(0);
}

afterAll(async () => {
  await t?.close();
  if (backupDir) rmSync(backupDir, { recursive: true, force: true });
});

(onPostgres ? describe : describe.skip)(
  'refresh-test-from-prod (PostgreSQL only: pg_restore needs a server)',
  () => {
    beforeAll(prepare, 120_000);
    let target: Awaited<ReturnType<typeof createTestDatabase>>;
    const server = () => new Client({ connectionString: process.env.TEST_DATABASE_URL });
    const scratches = async () => {
      const c = server();
      await c.connect();
      const { rows: r } = await c.query(
        "select datname from pg_database where datname like '%pseudonymise%'",
      );
      await c.end();
      return r
        .map((x) => x.datname as string)
        .filter((n) => n.startsWith(target.url!.split('/').pop()!.slice(0, 30)));
    };
    const names = async () =>
      await target.db
        .selectFrom('children')
        .select(['givenNames', 'surname'])
        .orderBy('id')
        .execute();

    const appRole = `refresh_app_${process.pid}`;
    const privileges = async () =>
      (
        await sql<Row>`select has_table_privilege(${appRole}, 'public.children', 'SELECT,INSERT,UPDATE,DELETE') as children,
          has_table_privilege(${appRole}, 'public.audit_events', 'UPDATE') as rewrite_audit,
          has_schema_privilege(${appRole}, 'public', 'USAGE') as schema`.execute(target.db)
      ).rows[0];

    beforeAll(async () => {
      target = await createTestDatabase();
      await migrate(target.db, 'latest');
      // TEST's application role owns nothing; the owner granted it the tables (as deploy does).
      for (const statement of [
        `create role ${appRole} login`,
        `grant usage on schema public to ${appRole}`,
        `grant select, insert, update, delete on all tables in schema public to ${appRole}`,
        `revoke update, delete on audit_events from ${appRole}`,
        `alter default privileges in schema public grant select on tables to ${appRole}`,
      ]) {
        await sql.raw(statement).execute(target.db);
      }
      await insertUser(target.db, {
        username: 'testeris',
        displayName: 'Testa Lietotājs',
        role: 'analyst',
        passwordHash: 'scrypt$kept',
      });
      // Search text left from a name the account had before (seen in the rehearsal: a demo
      // account renamed for TEST still searchable by a name that a PROD child also had).
      await target.db
        .updateTable('users')
        .set({ searchText: 'mara kalnina vecais vards', displayNameSort: 'vecais' })
        .where('username', '=', 'testeris')
        .execute();
    });
    afterAll(async () => {
      await target?.close();
      const c = server();
      await c.connect();
      await c.query(`drop role if exists ${appRole}`);
      await c.end();
    });

    it('replaces TEST with a pseudonymised copy, keeps TEST accounts, marks it test, drops the scratch database', async () => {
      const lines: string[] = [];
      const report = await refreshTestFromProd({
        backup,
        target: target.url!,
        key: PSEUDONYM_TEST_KEY,
        log: (l) => lines.push(l),
      });
      expect(report.verified.findings).toEqual([]);
      expect(report.carriedUsers).toBe(1);
      expect(lines.join('\n')).toMatch(/scratch database .* dropped/);
      // A personal code standing alone, not digits inside the backup's sha256 or a database name
      // (a hex digest holds 11 digits in a row about one run in nine).
      expect(lines.join('\n')).not.toMatch(/(?<![\da-z])\d{6}-?\d{5}(?![\da-z])/i);
      expect(await target.db.selectFrom('children').select('id').execute()).toHaveLength(
        before.children!.length,
      );
      expect(
        await target.db
          .selectFrom('users')
          .select(['passwordHash', 'active'])
          .where('username', '=', 'testeris')
          .executeTakeFirst(),
      ).toEqual({ passwordHash: 'scrypt$kept', active: true });
      const carried = await target.db
        .selectFrom('users')
        .select(['searchText', 'displayNameSort'])
        .where('username', '=', 'testeris')
        .executeTakeFirstOrThrow();
      expect(carried.searchText).not.toMatch(/kalnina|vecais/);
      expect(carried.searchText).toMatch(/^testa lietotajs testeris/);
      expect(await readMarker(target.url!)).toBe('test');
      expect(await privileges()).toEqual({ children: true, rewriteAudit: false, schema: true });
      expect(await scratches()).toEqual([]);
      // The independent check the rehearsal runs: from the backup, and from the PROD database.
      expect((await verifyTarget({ target: target.url!, backup })).findings).toEqual([]);
      // And independently of that check, in TEST's data as pg_dump writes it: no code, e-mail or
      // phone, and no name pair as neighbouring words anywhere in a row (across columns too).
      const dump = spawnSync('pg_dump', ['--data-only', '--dbname', target.url!], {
        encoding: 'utf8',
      }).stdout;
      expect(dump.length).toBeGreaterThan(10_000);
      const pairs = new Set<string>();
      for (const p of [...before.children!, ...before.adopters!]) {
        if (p.personal_code) expect(dump).not.toContain(String(p.personal_code));
        if (p.email) expect(dump).not.toContain(String(p.email));
        if (p.phone) expect(dump).not.toContain(String(p.phone));
        for (const [g, s] of [
          [p.given_names, p.surname],
          [p.spouse_given_names, p.spouse_surname],
        ]) {
          if (g && s) namePairs(String(g), String(s)).forEach((pair) => pairs.add(pair));
        }
      }
      const rowsWithPairs = dump.split('\n').filter((line) => {
        const words = ` ${foldForSearch(line.replace(/\t/g, ' ')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
        return [...pairs].some((pair) => words.includes(` ${pair} `));
      });
      expect(rowsWithPairs).toEqual([]);
      expect(dump).not.toContain(proposedCode.replace('-', ''));
      expect(await names()).not.toEqual(
        before.children!.map((c) => ({ givenNames: c.given_names, surname: c.surname })),
      );
    }, 180_000);

    it('gives the same pseudonyms with the same key and others with another', async () => {
      const first = await names();
      await refreshTestFromProd({ backup, target: target.url!, key: PSEUDONYM_TEST_KEY });
      expect(await names()).toEqual(first);
      await refreshTestFromProd({ backup, target: target.url!, key: OTHER_KEY });
      expect(await names()).not.toEqual(first);
    }, 240_000);

    it('drops the scratch database when the restore fails, and leaves TEST as it was', async () => {
      const bad = join(backupDir, 'broken.dump');
      writeFileSync(bad, 'not a backup');
      const first = await names();
      await expect(
        refreshTestFromProd({ backup: bad, target: target.url!, key: PSEUDONYM_TEST_KEY }),
      ).rejects.toThrow(/pg_restore failed/);
      expect(await scratches()).toEqual([]);
      expect(await names()).toEqual(first);
    }, 60_000);

    it('refuses a target that says production, by its name, its marker or the environment', async () => {
      const prodUrl = target.url!.replace(/\/([^/]+)$/, '/adoption_prod');
      await expect(
        refreshTestFromProd({ backup, target: prodUrl, key: PSEUDONYM_TEST_KEY }),
      ).rejects.toThrow(RefusedError);
      await expect(
        refreshTestFromProd({
          backup,
          target: target.url!,
          key: PSEUDONYM_TEST_KEY,
          env: { ...process.env, APP_ENV: 'prod' },
        }),
      ).rejects.toThrow(/APP_ENV=prod/);
      await writeMarker(target.url!, 'prod');
      try {
        await expect(
          refreshTestFromProd({ backup, target: target.url!, key: PSEUDONYM_TEST_KEY }),
        ).rejects.toThrow(/marked adoption_register.app_env=prod/);
        const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
        const code = await main(['refresh', '--backup', backup, '--target', target.url!], {
          ...process.env,
          PSEUDONYM_KEY: 'refresh-test-key-refresh-test-key-refresh',
        });
        expect(code).toBe(2);
        expect(String(stderr.mock.calls[0]?.[0])).toMatch(
          /^refresh-test-from-prod: refused: refusing to write to .*marked/,
        );
        stderr.mockRestore();
      } finally {
        await writeMarker(target.url!, 'test');
      }
      expect(await scratches()).toEqual([]);
    });
  },
);
