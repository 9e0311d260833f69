import { CompiledQuery } from 'kysely';
import { nameColumns } from '../classifiers/common';
import { createRng } from '../latvian/random';
import { randomPerson } from '../latvian/names';
import { careProviderKinds } from '../db/tables/care-providers';
import type { Actor } from '../auth/actor';
import type { DatabaseHandle } from '../db/connect';
import { listQueries, parseListQuery, type ListSpec } from '../http/list';
import { totpCode } from '../mfa/totp';

// Helpers of the list benchmark: loading care providers, signing in through the API, the actor
// behind the bench's token, and the query plans of a scenario.

/**
 * Signs in through the API. The bench's users need a second factor (administrator, adoption
 * specialist): a fresh user enrols on the way, as in the console. `token()` answers a valid access
 * token, renewed through the refresh cookie after 10 minutes (tokens live 15), since a bench that
 * waits for a quiet machine can outlast one.
 */
export async function signIn(base: string, username: string, password: string) {
  let cookie = '';
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, string>;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('ar_refresh='));
    if (set) cookie = set.split(';')[0]!;
    return json;
  };
  const { mfaToken } = await post('/api/auth/login', { username, password });
  const { secret } = await post('/api/auth/mfa/enrol', { mfaToken: mfaToken! });
  let { token } = await post('/api/auth/mfa/enrol/confirm', {
    mfaToken: mfaToken!,
    code: totpCode(secret!),
  });
  let issued = Date.now();
  return {
    async token(): Promise<string> {
      if (Date.now() - issued > 10 * 60_000) {
        ({ token } = await post('/api/auth/refresh', {}));
        issued = Date.now();
      }
      return token!;
    },
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each scenario's page and count query, and of the one statement of
 * both that the API runs (`pageWithTotal`), as the API compiles them (scope `all`: the specialist's). Printed whole; docs/benchmarks.md records the key lines.
 */
export async function explainScenarios(
  database: DatabaseHandle,
  suite: { resource: string; table: string; spec: ListSpec; columns: string[] },
  scenarios: { name: string; query: Record<string, string> }[],
) {
  for (const s of scenarios) {
    const q = parseListQuery(s.query, suite.spec, 1000);
    const { page, count, pageWithTotal } = listQueries(
      database.db,
      suite.table,
      suite.columns,
      suite.spec,
      q,
    );
    for (const [what, query] of [
      ['page', page],
      ['count', count],
      ['page with total (as the API runs it)', pageWithTotal],
    ] as const) {
      const c = query.compile();
      // Twice: the first run warms the cache, the second is what a busy server sees.
      await database.db.executeQuery(CompiledQuery.raw(c.sql, [...c.parameters]));
      const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${c.sql}`, [...c.parameters]),
      );
      console.log(`\n--- ${suite.resource}: ${s.name} — ${what}\n${c.sql}`);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
}

/** `rows` synthetic care providers with Latvian names, as the API writes them. */
export async function loadCareProviders(database: DatabaseHandle, rows: number) {
  const territories = await database.db.selectFrom('territories').select('id').execute();
  const rng = createRng(2026);
  for (let i = 0; i < rows; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => {
      const p = randomPerson(rng);
      const name = `${p.surname} ${p.givenName} ģimenes māja Nr. ${i + j}`;
      const legalAddress = `${p.surname} iela ${rng.int(1, 120)}, LV-${rng.int(1000, 5999)}`;
      return {
        name,
        kind: rng.pick(careProviderKinds),
        registrationNumber: String(90_000_000_000 + i + j),
        legalAddress,
        territoryId: rng.pick(territories).id,
        phone: null,
        email: null,
        ...nameColumns(name, legalAddress),
      };
    });
    await database.db.insertInto('careProviders').values(batch).execute();
  }
}

/** The signed-in user as the API sees it, with the session the bench's token belongs to. */
export async function actorOf(database: DatabaseHandle, username: string): Promise<Actor> {
  const row = await database.db
    .selectFrom('users as u')
    .innerJoin('sessions as s', 's.userId', 'u.id')
    .select([
      'u.id',
      'u.username',
      'u.role',
      'u.careProviderId',
      'u.orphanCourtId',
      's.id as sessionId',
    ])
    .where('u.username', '=', username)
    .orderBy('s.createdAt', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row, userId: row.id };
}
