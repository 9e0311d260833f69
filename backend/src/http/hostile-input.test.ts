import fc from 'fast-check';
import { sql } from 'kysely';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { roles, type Role } from '../policies/roles';
import { can, type Permission } from '../policies/permissions';

/**
 * Generated hostile input for every operation of the app's own OpenAPI document: prototype names,
 * NUL, huge and deeply nested values, wrong types and bogus headers in path parameters, query
 * parameters (and the JSON inside `sort`, `range`, `filter`) and JSON bodies, sent as a role that
 * may call the operation, so that the request reaches validation. Every answer must be below 500,
 * a problem+json unless it is a documented success, and no stored data may change.
 *
 * Reproducible and bounded: a fixed seed and number of runs per operation (HOSTILE_SEED and
 * HOSTILE_RUNS change them); a failure prints the seed, the path and the shrunk request.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261204);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 40);

// ---------------------------------------------------------------------------------------------
// Hostile JSON, as a small tree that prints compactly when fast-check reports a counterexample.

type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { obj: [string, Json][] }
  /** A string of that many characters (ā: two bytes each in UTF-8). */
  | { long: number }
  /** Arrays nested that deep. */
  | { deep: number }
  /** JSON text as is: numbers JavaScript cannot hold. */
  | { raw: string }
  /** In a query parameter: the value as JSON text (`filter`, `sort`, `range`). */
  | { json: Json };

function jsonText(j: Json): string {
  if (j === null || typeof j !== 'object') return JSON.stringify(j);
  if (Array.isArray(j)) return `[${j.map(jsonText).join(',')}]`;
  if ('obj' in j)
    return `{${j.obj.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if ('long' in j) return JSON.stringify('ā'.repeat(j.long));
  if ('deep' in j) return '['.repeat(j.deep) + ']'.repeat(j.deep);
  if ('json' in j) return jsonText(j.json);
  return j.raw;
}

const PROTO = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'prototype',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
];
const NUL = ['\u0000', 'x\u0000', 'Rīga\u0000', '\u0000constructor', 'a\u0000b'];
const ODD = [
  '',
  ' ',
  '0x10',
  '1e1',
  '0b10000',
  ' 16',
  '+16',
  '-1',
  '١٦',
  '１６',
  "'; select pg_sleep(1); --",
  '%00',
  '\\u0000',
  '../../etc/passwd',
  '\u202eevil',
  '\ud800',
  '\uffff',
  'null',
  '[]',
  '{}',
];
// Filter names of the register's lists, so that hostile values reach their schemas too.
const FILTERS = [
  'id',
  'q',
  'status',
  'kind',
  'action',
  'actorUsername',
  'actorUserId',
  'resource',
  'recordId',
  'careProviderId',
  'orphanCourtId',
  'ageBand',
  'consent',
  'waitingMonthsMin',
  'wishedAge',
  'occurredAt_gte',
  'createdAt_lte',
  'template',
  'role',
  'complete',
];

const hostileString = fc.oneof(
  fc.constantFrom(...PROTO),
  fc.constantFrom(...NUL),
  fc.string({ maxLength: 6 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(...ODD),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const hostileNumber = fc.constantFrom<Json>(
  2 ** 31,
  2 ** 53 + 2,
  2 ** 63,
  -1,
  0,
  1.5,
  1e308,
  -2147483649,
  { raw: '1e400' },
  { raw: '12345678901234567890123' },
  { raw: '-0' },
);
const leaf: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom<Json>(null, true, false, [], { obj: [] }),
);
const keyOf = fc.oneof(fc.constantFrom(...PROTO), fc.constantFrom('a\u0000', '\u0000', ''));
const protoObject = (value: fc.Arbitrary<Json>) =>
  fc.array(fc.tuple(keyOf, value), { minLength: 1, maxLength: 3 }).map((obj): Json => ({ obj }));
/** Sizes of the large values: a body holds more than a URL (Node refuses a URL past 16 KiB). */
const hostileValueOf = (size: { long: number; deep: number; items: number }) =>
  fc.oneof(
    { weight: 5, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Json>({ long: size.long }, { deep: 40 }, { deep: size.deep }),
    },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant<Json>(Array.from({ length: size.items }, () => 'x')) },
    { weight: 2, arbitrary: protoObject(leaf) },
  );
const hostileValue = hostileValueOf({ long: 100_000, deep: 5000, items: 5000 });
const hostileParam = hostileValueOf({ long: 300, deep: 500, items: 100 });

// ---------------------------------------------------------------------------------------------
// The operations, from the OpenAPI document.

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  format?: string;
  $ref?: string;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  access: string;
  pathParams: string[];
  queryParams: string[];
  body?: JsonSchema;
  successes: string[];
}

/** A value the schema could take, for the fields a request leaves plausible. */
function plausible(schema: JsonSchema | undefined): Json {
  const s = schema?.anyOf?.find((x) => x.type !== 'null') ?? schema ?? {};
  if (s.enum?.length) return s.enum[0] as Json;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return { obj: [] };
  return s.format === 'date' ? '2020-01-01' : 'a';
}

interface HostileRequest {
  params: Record<string, string>;
  query: [string, Json][];
  /** Raw text appended to the query string (malformed percent-encoding). */
  rawQuery: string;
  body: Json | undefined;
  header: { 'content-encoding'?: string; 'content-type'?: string; gzip?: true };
}

// Path segments as sent (already percent-encoded where they need it).
const hostileSegment = fc.constantFrom(
  '0x10',
  '1e1',
  '0b10000',
  '%2016',
  '16%20',
  '+16',
  '-1',
  '0',
  '016',
  '1.5',
  '16%00',
  '%00',
  'constructor',
  '__proto__',
  'toString',
  '2147483648',
  '99999999999999999999',
  '9223372036854775808',
  '%E0%A4%A',
  '%ZZ',
  '%C0%80',
  '%D9%A1%D9%A6',
  '%EF%BC%91%EF%BC%96',
  'null',
  '%5B1%5D',
  'x'.repeat(3000),
);

const listQuery = (): fc.Arbitrary<[string, Json][]> => {
  const filter = fc.oneof(
    fc
      .array(fc.tuple(fc.oneof(keyOf, fc.constantFrom(...FILTERS)), hostileParam), {
        minLength: 1,
        maxLength: 3,
      })
      .map((obj): Json => ({ json: { obj } })),
    hostileParam.map((j): Json => ({ json: j })),
    fc.constantFrom<Json>('{', '{"q":', '"\\u0000"', 'x'),
  );
  const sort = fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...PROTO), hostileString),
        fc.constantFrom('ASC', 'desc', 'ASC\u0000', 'sideways'),
      )
      .map((j): Json => ({ json: j })),
    hostileParam.map((j): Json => ({ json: j })),
  );
  const range = fc.oneof(
    fc.tuple(fc.oneof(hostileNumber, fc.integer()), hostileNumber).map((j): Json => ({ json: j })),
    hostileParam.map((j): Json => ({ json: j })),
  );
  return fc.oneof(
    filter.map((f): [string, Json][] => [['filter', f]]),
    sort.map((s): [string, Json][] => [['sort', s]]),
    range.map((r): [string, Json][] => [['range', r]]),
    fc.tuple(filter, sort, range).map(([f, s, r]): [string, Json][] => [
      ['filter', f],
      ['sort', s],
      ['range', r],
    ]),
    fc.tuple(filter, filter).map(([a, b]): [string, Json][] => [
      ['filter', a],
      ['filter', b],
    ]),
  );
};

const queryValue: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  hostileParam.map((j): Json => ({ json: j })),
  fc.constant({ long: 600 }),
);

/** A query parameter's text: strings as they are, a long one bare, anything else as JSON. */
const queryText = (j: Json) =>
  typeof j === 'string'
    ? j
    : j !== null && typeof j === 'object' && 'long' in j
      ? 'ā'.repeat(j.long)
      : jsonText(j);

function otherQuery(names: string[]): fc.Arbitrary<[string, Json][]> {
  return fc.oneof(
    fc
      .tuple(
        fc.subarray(names, { minLength: 1 }),
        fc.array(queryValue, { minLength: names.length }),
      )
      .map(([bad, values]) => bad.map((n, i): [string, Json] => [n, values[i]!])),
    fc
      .tuple(fc.constantFrom(...PROTO, 'a\u0000'), queryValue)
      .map(([k, v]): [string, Json][] => [[k, v]]),
  );
}

function bodyOf(schema: JsonSchema): fc.Arbitrary<Json> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const documented = names.length
    ? fc
        .tuple(
          fc.subarray(names, { minLength: 1 }),
          fc.array(hostileValue, { minLength: names.length, maxLength: names.length }),
          fc.boolean(),
        )
        .map(([bad, values, withOthers]): Json => ({
          obj: names
            .filter((n) => withOthers || bad.includes(n))
            .map((n, i): [string, Json] => [n, bad.includes(n) ? values[i]! : plausible(props[n])]),
        }))
    : protoObject(hostileValue);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom<Json>([], 'text', 1, true, null, [{ obj: [] }]) },
    { weight: 2, arbitrary: protoObject(hostileValue) },
    { weight: 5, arbitrary: documented },
  );
}

const hostileHeader = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('gzip', 'br', 'deflate', 'compress', 'x-gzip', 'GZIP', 'gzip, br', '*')
      .map((e) => ({ 'content-encoding': e })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/xml',
        'image/png',
      )
      .map((c) => ({ 'content-type': c })),
  },
  { weight: 1, arbitrary: fc.constant({ gzip: true as const }) },
);

type Slot = 'params' | 'query' | 'body';

/** At least one of the operation's inputs hostile; the others plausible (an id of 1, nothing). */
function hostileRequest(op: Operation): fc.Arbitrary<HostileRequest> {
  const slots: Slot[] = [];
  if (op.pathParams.length) slots.push('params');
  if (op.queryParams.length) slots.push('query');
  if (op.body) slots.push('body');
  // A body nobody validates cannot be hostile: its route would run with a plausible id.
  const canBeCalm = (slot: Slot) => slot !== 'params' || Boolean(op.body || op.queryParams.length);
  const isList = op.queryParams.includes('filter') && op.queryParams.includes('range');
  return fc
    .subarray(slots, { minLength: slots.length ? 1 : 0 })
    .map((bad) => slots.filter((s) => bad.includes(s) || !canBeCalm(s)))
    .chain((bad) =>
      fc.record({
        params: bad.includes('params')
          ? fc
              .array(hostileSegment, {
                minLength: op.pathParams.length,
                maxLength: op.pathParams.length,
              })
              .map((v) => Object.fromEntries(op.pathParams.map((p, i) => [p, v[i]!])))
          : fc.constant(Object.fromEntries(op.pathParams.map((p) => [p, '1']))),
        query: bad.includes('query')
          ? isList
            ? listQuery()
            : otherQuery(op.queryParams)
          : fc.constant<[string, Json][]>([]),
        rawQuery: bad.includes('query')
          ? fc.constantFrom('', '', '', '&%ZZ=1', '&filter=%E0%A4%A', '&%00=%00')
          : fc.constant(''),
        body: bad.includes('body')
          ? bodyOf(op.body!)
          : fc.constant(op.body ? { obj: [] } : undefined),
        header: hostileHeader,
      }),
    );
}

/**
 * The issue's own findings, sent to every operation they fit before the generated requests (a
 * seed could miss them): ids that Number() reads, prototype names and NUL in filters, NUL in each
 * string field of a body whose other fields are plausible, corrupt and unknown encodings.
 */
function fixedExamples(op: Operation): HostileRequest[] {
  const calm: HostileRequest = {
    params: Object.fromEntries(op.pathParams.map((p) => [p, '1'])),
    query: [],
    rawQuery: '',
    body: op.body ? { obj: [] } : undefined,
    header: {},
  };
  const out: HostileRequest[] = [];
  for (const id of ['0x10', '1e1', '0b10000', '%2016']) {
    if (op.pathParams.length) {
      out.push({ ...calm, params: Object.fromEntries(op.pathParams.map((p) => [p, id])) });
    }
  }
  if (op.queryParams.includes('filter')) {
    for (const key of [...PROTO.slice(0, 5), 'q', 'action', 'actorUsername', 'id']) {
      for (const value of [1, 'x\u0000']) {
        out.push({ ...calm, query: [['filter', { json: { obj: [[key, value]] } }]] });
      }
    }
  }
  for (const name of op.queryParams.filter((n) => n !== 'filter')) {
    out.push({ ...calm, query: [[name, 'x\u0000']] });
  }
  const props = op.body?.properties ?? {};
  const plausibleBody = (bad: string, value: Json): Json => ({
    obj: Object.keys(props).map((n): [string, Json] => [
      n,
      n === bad ? value : plausible(props[n]),
    ]),
  });
  for (const [name, schema] of Object.entries(props)) {
    if (typeof plausible(schema) === 'string')
      out.push({ ...calm, body: plausibleBody(name, 'x\u0000') });
    if (plausible(schema) === 1) out.push({ ...calm, body: plausibleBody(name, 2 ** 31) });
  }
  if (op.body) {
    const sample = plausibleBody('', null);
    for (const encoding of ['gzip', 'br', 'deflate', 'compress']) {
      out.push({ ...calm, body: sample, header: { 'content-encoding': encoding } });
    }
    out.push({ ...calm, body: { obj: [['__proto__', { obj: [] }]] } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

let t: TestApp;
const operations: Operation[] = [];
let before: Record<string, string>;

/** The first role (policies/roles.ts order) that holds the permission. */
function roleFor(access: string): Role | undefined {
  if (access === 'public') return undefined;
  if (access === 'signed-in') return 'analyst';
  const role = roles.find((r) => can(r, access as Permission));
  if (!role) throw new Error(`no role has ${access}`);
  return role;
}

/**
 * One digest per table of stored data. Left out, because a refused request may still (rightly)
 * touch them: `audit_events` (refused sign-ins, reads and list pages are audited), `sessions` and
 * `refresh_tokens` (the test's own sign-ins; sign-out routes take no input to be hostile in) and
 * the sign-in bookkeeping columns of `users` (failed attempts, last sign-in, the TOTP step used).
 */
const SKIPPED_TABLES = ['audit_events', 'sessions', 'refresh_tokens'];
const BOOKKEEPING = [
  'failed_logins',
  'last_failed_login_at',
  'locked_at',
  'last_login_at',
  'totp_last_step',
];

async function fingerprint(): Promise<Record<string, string>> {
  const db = t.database.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (SKIPPED_TABLES.includes(name)) continue;
    const drop = name === 'users' ? BOOKKEEPING : [];
    const { rows } = await sql<{ digest: string; n: number }>`
      select md5(coalesce(string_agg(v, '|' order by v), '')) as digest, count(*)::int as n
      from (select (to_jsonb(t) - ${sql.lit(`{${drop.join(',')}}`)}::text[])::text as v
            from ${sql.table(name)} t) rows`.execute(db);
    out[name] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.request().get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined =>
    s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const parameters = (op.parameters ?? []) as { name: string; in: string }[];
      const body = (
        op.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined
      )?.content['application/json']?.schema;
      operations.push({
        method: method as Operation['method'],
        path,
        access: op['x-access'] as string,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: resolve(body),
        successes: Object.keys(op.responses as object).filter((s) => Number(s) < 300),
      });
    }
  }
  // Sign-in of the roles that need one, before the first digest (sign-in writes sessions).
  for (const access of new Set(operations.map((o) => o.access))) {
    const role = roleFor(access);
    if (role) await t.token(role);
  }
  before = await fingerprint();
}, 120_000);
afterAll(() => t.close());

/** Sends the request as described; answers what the test needs to judge it. */
async function send(op: Operation, req: HostileRequest) {
  const role = roleFor(op.access);
  // Sign-out and its kind end the caller's session: a session of their own for those.
  const token = !role
    ? undefined
    : op.access === 'signed-in' && op.method !== 'get'
      ? (await t.signIn(role)).token
      : await t.token(role);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => req.params[name]!);
  const wellFormed = (s: string) => s.replace(/[\ud800-\udfff]/g, '\ufffd');
  const query =
    req.query
      .map(
        ([k, v]) =>
          `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(queryText(v)))}`,
      )
      .join('&') + req.rawQuery;
  const url = query ? `${path}?${query.replace(/^&/, '')}` : path;
  const r = t.request()[op.method](url);
  if (token) r.set('Authorization', `Bearer ${token}`);
  if (req.header['content-encoding']) r.set('Content-Encoding', req.header['content-encoding']);
  if ((op.method === 'post' || op.method === 'put') && req.body !== undefined) {
    r.set('Content-Type', req.header['content-type'] ?? 'application/json');
    const text = jsonText(req.body);
    // superagent would serialise a Buffer sent as JSON: sent as it is.
    if (req.header.gzip)
      r.set('Content-Encoding', 'gzip')
        .serialize((raw: unknown) => raw as string)
        .send(gzipSync(text));
    else r.send(text);
  }
  const res = await r;
  return { url, status: res.status, type: String(res.headers['content-type'] ?? ''), res };
}

describe('hostile input on every route of the OpenAPI document', () => {
  it('reads the operations and their access from the document', () => {
    expect(operations.length).toBeGreaterThan(80);
    for (const op of operations) expect(op.access).toEqual(expect.any(String));
    // The routes this issue was about are there.
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'get /api/territories',
        'post /api/auth/login',
        'get /api/adopters',
        'get /api/audit-events',
        'put /api/sibling-groups/{id}',
      ]),
    );
  });

  // One test per operation (read once the document is there), so a failure names it.
  it('answers no 5xx, only problems or documented successes, and changes no stored data', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      try {
        await fc.assert(
          fc.asyncProperty(hostileRequest(op), async (req) => {
            const { url, status, type, res } = await send(op, req);
            const seen = `${op.method.toUpperCase()} ${url.slice(0, 300)} → ${status} ${JSON.stringify(res.body).slice(0, 300)}`;
            if (status >= 500) throw new Error(`server error: ${seen}`);
            if (status >= 400 && !type.startsWith('application/problem+json')) {
              throw new Error(`not a problem: ${seen}`);
            }
            if (status < 400 && !op.successes.includes(String(status))) {
              throw new Error(`undocumented success: ${seen}`);
            }
          }),
          {
            seed: SEED,
            numRuns: op.pathParams.length || op.queryParams.length || op.body ? RUNS : 4,
            examples: fixedExamples(op).map((req): [HostileRequest] => [req]),
          },
        );
      } catch (err) {
        // fast-check's report: the seed and path first, the counterexample, then our error.
        const report = (err as Error).message;
        const [, seedLine] = report.split('\n');
        const cause = ((err as Error).cause as Error | undefined)?.message ?? report;
        const example = /Counterexample: (.*)/.exec(report)?.[1]?.slice(0, 600);
        failures.push(`${name}: ${cause}\n  ${seedLine}\n  ${example}`);
      }
      const after = await fingerprint();
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) {
        failures.push(`${name}: stored data changed in ${changed.join(', ')}`);
        before = after;
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
