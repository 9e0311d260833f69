/**
 * npm run bench:selection [-- --runs 30 --children 100000,10000 --adopters 10000,1000]
 * The selection's benchmark (docs/benchmarks.md, "Selection"): for each size a fresh PostgreSQL
 * database with the register's generated children (or adopters, demo/people.ts), then
 * - selection for one adopter (the last Latvian adopter in the queue, wishing 0–10 years, either
 *   sex, up to three siblings: a wide window and every waiting adopter ahead) — the whole run as the
 *   route does it (narrowing SQL, sibling groups, adopters ahead, rules, storing the run, the audit
 *   event, in one transaction), against the single SQL query that narrows the candidates;
 * - the reverse view for one child over the waiting adopters, against its narrowing query.
 * The two are interleaved, one at a time, `runs` times each; p50/p95 and the ratios are printed.
 * Short on purpose: the machine is shared.
 */
import { sql } from 'kysely';
import { rigaToday } from '@adoption/model';
import os from 'node:os';
import type { DatabaseHandle } from '../db/connect';
import { freshBenchDatabase } from './fresh-database';
import {
  generateAdopters,
  generateChildren,
  insertAdopters,
  insertChildren,
  peopleRefs,
} from '../demo/people';
import { insertUser } from '../users/repository';
import { recordAudit } from '../audit/chain';
import { percentile } from './measure';
import { selectForAdopterRun, selectForChildRun } from '../selection/service';
import { currentParameters } from '../selection/parameters';
import { adopterFacts, narrowAdopters, narrowChildren, narrowing } from '../selection/repository';
import type { Actor } from '../auth/actor';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '30'));
const CHILDREN = arg('children', '100000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const ADOPTERS = arg('adopters', '10000,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RUN_ON = rigaToday();
async function freshDatabase(): Promise<DatabaseHandle> {
  return (await freshBenchDatabase(process.env.BENCH_DB_NAME ?? 'adoption_bench_selection'))
    .database;
}

async function benchActor(database: DatabaseHandle): Promise<Actor> {
  const { id: userId } = await insertUser(database.db, {
    username: 'bench-specialist',
    displayName: 'Ilze Bērziņa',
    role: 'adoption_specialist',
    passwordHash: 'x',
  });
  return {
    userId,
    username: 'bench-specialist',
    role: 'adoption_specialist',
    careProviderId: null,
    orphanCourtId: null,
    sessionId: 'bench',
  };
}

const deps = (database: DatabaseHandle, actor: Actor) => ({
  run: <T>(fn: (w: Parameters<typeof selectForAdopterRun>[0]) => Promise<T>) =>
    database.db.transaction().execute((db) =>
      fn({
        db,
        actor,
        audit: async (entry) =>
          void (await recordAudit(db, { ...entry, actorUserId: actor.userId })),
      }),
    ),
});

/** Times `whole` and `query` alternately, `RUNS` times each, one at a time. */
async function compare(whole: () => Promise<unknown>, query: () => Promise<unknown>) {
  const w: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < 3; i++) await Promise.all([whole(), query()]); // warm up
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint();
    await whole();
    w.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    await query();
    q.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const r = {
    wholeP50: percentile(w, 50),
    wholeP95: percentile(w, 95),
    sqlP50: percentile(q, 50),
    sqlP95: percentile(q, 95),
  };
  return { ...r, ratio: r.wholeP95 / r.sqlP95 };
}

const fmt = (n: number) => n.toFixed(1);

async function childrenSuite(n: number) {
  const database = await freshDatabase();
  try {
    await database.db.deleteFrom('children').execute();
    await database.db.deleteFrom('siblingGroups').execute();
    const refs = await peopleRefs(database.db);
    await insertChildren(database.db, generateChildren(n, `bench-${n}`, refs, RUN_ON));
    await sql`vacuum analyze`.execute(database.db);
    const actor = await benchActor(database);
    // The last Latvian adopter in the queue, with wide wishes.
    const me = await database.db
      .selectFrom('adopters')
      .select('id')
      .where('origin', '=', 'latvian')
      .where('status', '=', 'waiting')
      .orderBy('enteredOn', 'desc')
      .executeTakeFirstOrThrow();
    await database.db
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
    const params = await currentParameters(database.db);
    const ctx = { runOn: RUN_ON, params: params.values };
    const facts = (await adopterFacts(database.db, me.id, ctx))!;
    const d = deps(database, actor);
    let proposed = 0;
    const result = await compare(
      () =>
        d.run(
          async (w) => (proposed = (await selectForAdopterRun(w, me.id, RUN_ON)).proposedCount),
        ),
      () => narrowChildren(database.db, narrowing(facts, ctx)).execute(),
    );
    const narrowed = (await narrowChildren(database.db, narrowing(facts, ctx)).execute()).length;
    return { n, narrowed, proposed, ...result };
  } finally {
    await database.close();
  }
}

async function adoptersSuite(n: number) {
  const database = await freshDatabase();
  try {
    const refs = await peopleRefs(database.db);
    await insertAdopters(database.db, generateAdopters(n, `bench-${n}`, refs, RUN_ON));
    await sql`vacuum analyze`.execute(database.db);
    const actor = await benchActor(database);
    const child = await database.db
      .selectFrom('children')
      .select(['id', 'clearedAbroad'])
      .where('status', '=', 'available')
      .where('siblingGroupId', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const d = deps(database, actor);
    let fitting = 0;
    const result = await compare(
      () =>
        d.run(
          async (w) => (fitting = (await selectForChildRun(w, child.id, RUN_ON)).proposedCount),
        ),
      () => narrowAdopters(database.db, child.clearedAbroad, RUN_ON).execute(),
    );
    const waiting = (await narrowAdopters(database.db, child.clearedAbroad, RUN_ON).execute())
      .length;
    return { n, waiting, fitting, ...result };
  } finally {
    await database.close();
  }
}

async function main() {
  console.log(`${os.cpus().length} CPUs: ${os.cpus()[0]?.model}; ${RUNS} runs each`);
  const kids = [];
  for (const n of CHILDREN) {
    const r = await childrenSuite(n);
    kids.push(r);
    console.log(
      `for adopter, ${n} children: narrowed ${r.narrowed}, proposed ${r.proposed}; whole p50 ${fmt(r.wholeP50)} p95 ${fmt(r.wholeP95)} ms; SQL p50 ${fmt(r.sqlP50)} p95 ${fmt(r.sqlP95)} ms; ratio ${r.ratio.toFixed(2)}`,
    );
  }
  const ads = [];
  for (const n of ADOPTERS) {
    const r = await adoptersSuite(n);
    ads.push(r);
    console.log(
      `reverse view, ${n} adopters: waiting ${r.waiting}, fitting ${r.fitting}; whole p50 ${fmt(r.wholeP50)} p95 ${fmt(r.wholeP95)} ms; SQL p50 ${fmt(r.sqlP50)} p95 ${fmt(r.sqlP95)} ms; ratio ${r.ratio.toFixed(2)}`,
    );
  }
  const scale = (xs: { wholeP95: number }[]) =>
    xs.length === 2 ? (xs[0]!.wholeP95 / xs[1]!.wholeP95).toFixed(2) : 'n/a';
  console.log(
    `t(${CHILDREN.join('/')}) children = ${scale(kids)}; t(${ADOPTERS.join('/')}) adopters = ${scale(ads)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
