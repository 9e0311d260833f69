/**
 * node --cpu-prof backend/dist/bench/selection-profile.js [--children 10000] [--runs 10] [--reverse]
 * One database like the selection bench's (BENCH_DB_NAME, default adoption_bench_selprof), then
 * `runs` whole selections for the bench's adopter (or the reverse view for its child) in a
 * transaction each, as the bench calls the service, each timed by phase-free wall clock: a script
 * to profile, not a benchmark (docs/benchmarks.md, "Selection").
 */
import { sql } from 'kysely';
import { rigaToday } from '@adoption/model';
import { Client } from 'pg';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { loadDemoData, loadReferenceData } from '../demo/seed';
import {
  generateAdopters,
  generateChildren,
  insertAdopters,
  insertChildren,
  peopleRefs,
} from '../demo/people';
import { insertUser } from '../users/repository';
import { recordAudit } from '../audit/chain';
import { selectForAdopterRun, selectForChildRun, type RunDeps } from '../selection/service';
import type { Actor } from '../auth/actor';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUN_ON = rigaToday();

async function main() {
  const n = Number(arg('children', arg('adopters', '10000')));
  const reverse = process.argv.includes('--reverse');
  const runs = Number(arg('runs', '10'));
  const serverUrl =
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = process.env.BENCH_DB_NAME ?? 'adoption_bench_selprof';
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  if (!process.argv.includes('--reuse')) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    await admin.end();
  }
  const database = await openDatabase({ url: url.toString(), poolMax: 4 });
  const { db } = database;
  if (!process.argv.includes('--reuse')) {
    await migrate(db, 'latest');
    await loadReferenceData(db);
    await loadDemoData(db, undefined);
    const refs = await peopleRefs(db);
    if (reverse) {
      await insertAdopters(db, generateAdopters(n, `bench-${n}`, refs, RUN_ON));
    } else {
      await db.deleteFrom('children').execute();
      await db.deleteFrom('siblingGroups').execute();
      await insertChildren(db, generateChildren(n, `bench-${n}`, refs, RUN_ON));
    }
    await sql`vacuum analyze`.execute(db);
    await insertUser(db, {
      username: 'bench-specialist',
      displayName: 'Ilze Bērziņa',
      role: 'adoption_specialist',
      passwordHash: 'x',
    });
  }
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'bench-specialist')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: user.id,
    username: 'bench-specialist',
    role: 'adoption_specialist',
    careProviderId: null,
    orphanCourtId: null,
    sessionId: 'bench',
  };
  const me = await db
    .selectFrom('adopters')
    .select('id')
    .where('origin', '=', 'latvian')
    .where('status', '=', 'waiting')
    .orderBy('enteredOn', 'desc')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('adopters')
    .set({
      wishedAgeFrom: 0,
      wishedAgeTo: 10,
      wishedSex: 'any',
      acceptsSiblings: true,
      wishedChildrenCount: 3,
      birthDate: '1980-01-01',
      spouseBirthDate: null,
      spouseGivenNames: null,
      spouseSurname: null,
      spousePersonalCode: null,
    })
    .where('id', '=', me.id)
    .execute();
  const child = await db
    .selectFrom('children')
    .select('id')
    .where('status', '=', 'available')
    .where('siblingGroupId', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await db.transaction().execute((tx) => {
      const w: RunDeps = {
        db: tx,
        actor,
        audit: async (entry) =>
          void (await recordAudit(tx, { ...entry, actorUserId: actor.userId })),
      };
      return reverse
        ? selectForChildRun(w, child.id, RUN_ON)
        : selectForAdopterRun(w, me.id, RUN_ON);
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(times.map((t) => t.toFixed(0)).join(' '));
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
