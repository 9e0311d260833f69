/**
 * bench/: benchmarks run by hand, never by npm test — `npm run bench` (this file: the list
 * endpoints against the same SQL through raw pg) and `npm run bench:mail` (mail-bench.ts: the
 * outbox, relay, RabbitMQ and worker against raw publishing); the results are docs/benchmarks.md.
 * Test helpers belong in test-support/.
 */
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import os from 'node:os';
import { Client, Pool } from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { loadDemoData, loadReferenceData } from '../demo/seed';
import { generateChildren, insertChildren, peopleRefs } from '../demo/people';
import { listQueries, parseListQuery, type ListSpec } from '../http/list';
import { careProvider, careProviderList } from '../classifiers/care-providers/schema';
import { childSpec } from '../children/spec';
import { listColumnsOf } from '../http/crud';
import { childList } from '../children/list';
import { insertUser } from '../users/repository';
import { hashPassword } from '../auth/password';
import { applyScope, recordScope } from '../policies/scopes';
import { recordAudit, type AuditEvent } from '../audit/chain';
import { termKeyer } from '../audit/mask';
import { DEV_DATA_ENCRYPTION_KEY } from '../db/secret-box';
import { liveSession } from '../auth/sessions';
import { runHttp, runLoops, waitForQuiet, type Run, type RunOptions } from './measure';
import { actorOf, explainScenarios, loadCareProviders, signIn } from './list-bench-support';
import { verifyChain } from '../audit/chain';
import { pinCpus } from './cpu-pinning';

/**
 * npm run bench [-- --rows 100000 --children 100000 --seconds 15 [--explain] [--async-commit]
 *                   [--db-cpus 0] [--api-and-raw] [--quiet-wait 90]]
 * Loads N synthetic care providers and N synthetic children (the register's generator,
 * demo/people.ts) into a fresh PostgreSQL database, drives the list endpoints with autocannon (32
 * connections) against the API in its own process, then runs the identical SQL, compiled by the
 * same listQueries code, through raw `pg` at the same concurrency, and prints p50/p95 of both and
 * the ratio. `--rows 0` or `--children 0` leaves a suite out; `--explain` prints the plans;
 * `--async-commit` is an experiment: the bench database with `synchronous_commit = off`;
 * `--db-cpus 0` gives PostgreSQL CPU 0 alone and the rest to the API and the load (cpu-pinning.ts);
 * `--api-and-raw` runs only the API and the raw list SQL of each scenario; `--quiet-wait S` waits at
 * most S seconds (default 90) for a quiet machine before each run.
 * Each run waits for the machine to be quiet first (other sessions' tests share it).
 * The children list audits every page it shows, so its scenarios also time the API's whole
 * database work (session check, list, audit append, commit) without the API around it.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const CHILDREN = arg('children', 100_000);
const SECONDS = arg('seconds', 15);
const EXPLAIN = process.argv.includes('--explain');
const ASYNC_COMMIT = process.argv.includes('--async-commit');
/** Only the API and the raw list SQL: leaves out the runs of the API's database work alone. */
const API_AND_RAW = process.argv.includes('--api-and-raw');
const dbCpusAt = process.argv.indexOf('--db-cpus');
const DB_CPUS = dbCpusAt > 0 ? process.argv[dbCpusAt + 1] : undefined;
/** Seconds each run waits at most for a quiet machine (then runs anyway and says so). */
const QUIET_WAIT = arg('quiet-wait', 90);
const CONNECTIONS = 32;
const POOL = 10;
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

export interface Scenario {
  name: string;
  query: { sort: string; range: string; filter: string };
}
interface Suite {
  resource: string;
  table: string;
  spec: ListSpec;
  columns: string[];
  user: 'admin' | 'bench-specialist';
  scenarios: Scenario[];
  /** The children list audits reads: also time the API's database work without the API. */
  audited: boolean;
}

const careProviderSuite: Suite = {
  resource: 'care-providers',
  table: 'careProviders',
  spec: careProviderList,
  columns: Object.keys(careProvider.shape),
  user: 'admin',
  audited: false,
  scenarios: [
    {
      name: 'first page, sorted by name',
      query: { sort: '["name","ASC"]', range: '[0,24]', filter: '{}' },
    },
    {
      name: 'filter + sort + search',
      query: {
        sort: '["name","DESC"]',
        range: '[25,49]',
        filter: '{"kind":"crisis_centre","q":"berz"}',
      },
    },
  ],
};
const childrenSuite: Suite = {
  resource: 'children',
  table: 'children',
  spec: childList,
  columns: listColumnsOf(childSpec),
  user: 'bench-specialist',
  audited: true,
  scenarios: [
    {
      name: 'first page, sorted by surname',
      query: { sort: '["surname","ASC"]', range: '[0,24]', filter: '{}' },
    },
    {
      name: 'filter + sort + search',
      query: {
        sort: '["surname","DESC"]',
        range: '[25,49]',
        filter: '{"status":"available","ageBand":["10-13","14-17"],"q":"berz"}',
      },
    },
    {
      name: 'filter + sort, no search',
      query: {
        sort: '["surname","ASC"]',
        range: '[0,24]',
        filter: '{"status":"available","ageBand":["0-2"]}',
      },
    },
  ],
};

async function main() {
  const dbName = 'adoption_bench';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  if (DB_CPUS) {
    pinning = await pinCpus(admin, DB_CPUS);
    console.log(pinning.describe);
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;

  const database = await openDatabase({ url: url.toString(), poolMax: POOL });
  await migrate(database.db, 'latest');
  await loadReferenceData(database.db);
  // Orphan courts and care institutions of the demo; its 120 children make way for the bench's.
  await loadDemoData(database.db, undefined);
  await database.db.deleteFrom('children').execute();
  await database.db.deleteFrom('siblingGroups').execute();
  const refs = await peopleRefs(database.db);
  if (CHILDREN > 0) await timed(`${CHILDREN} children`, () => loadChildren(database, refs));
  if (ROWS > 0) await timed(`${ROWS} care providers`, () => loadCareProviders(database, ROWS));
  // As autovacuum would after a bulk load: statistics and the visibility map for index-only counts.
  await timed('VACUUM ANALYZE', () => sql`vacuum analyze`.execute(database.db));
  const password = 'Bench-parole-2026!';
  await insertUser(database.db, {
    username: 'bench-specialist',
    displayName: 'Ilze Bērziņa',
    role: 'adoption_specialist',
    passwordHash: await hashPassword(password),
  });

  if (ASYNC_COMMIT) {
    await sql`alter database ${sql.id(dbName)} set synchronous_commit = off`.execute(database.db);
  }
  const suites = [
    ...(ROWS > 0 ? [careProviderSuite] : []),
    ...(CHILDREN > 0 ? [childrenSuite] : []),
  ];
  if (EXPLAIN) for (const s of suites) await explainScenarios(database, s, s.scenarios);

  // The API in its own process, as in production.
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = (apiProcess = spawn(
    process.execPath,
    [...cpuProfileArgs(), join(__dirname, '..', 'main.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        DATABASE_POOL_MAX: String(POOL),
        LOG_LEVEL: 'warn',
        SERVE_CONSOLE: 'false',
        DEMO_DATA: 'false',
        BOOTSTRAP_ADMIN_PASSWORD: password,
        AMQP_URL: '',
        // As in production (docs/operations.md): the API process runs neither relay nor mail
        // worker. With them, the in-process delivery's polling took 7.5 % of the API's CPU.
        RUN_MESSAGING: 'false',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ));
  await new Promise<void>((ready) => {
    // Keep reading the child's output to the end, so its shutdown message never hits a closed pipe.
    api.stdout!.on('data', (chunk) => String(chunk).includes('is running at') && ready());
  });
  const base = `http://localhost:${port}`;
  const pool = new Pool({ connectionString: url.toString(), max: POOL });
  const probe = {
    apiPid: api.pid!,
    pgPids: async () =>
      (
        await pool.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database()',
        )
      ).rows.map((r) => r.pid),
  };
  const opts: RunOptions = { connections: CONNECTIONS, seconds: SECONDS, probe };
  /** Each run on a quiet machine where possible; a run that could not wait says so. */
  const quietly = async (what: string, run: () => Promise<Run>) => {
    const quiet = await waitForQuiet(0.15, 3, QUIET_WAIT);
    if (!quiet)
      console.log(`  (machine busy for ${QUIET_WAIT} s before ${what}: figures disturbed)`);
    return run();
  };
  const results: { suite: string; scenario: string; runs: Record<string, Run> }[] = [];
  for (const suite of suites) {
    const session = await signIn(base, suite.user, password);
    const actor = await actorOf(database, suite.user);
    const scope = recordScope('children', actor);
    for (const s of suite.scenarios) {
      const path = `/api/${suite.resource}?${new URLSearchParams(s.query)}`;
      const runs: Record<string, Run> = {};
      runs.API = await quietly(s.name, () =>
        session
          .token()
          .then((token) => runHttp(`${base}${path}`, { authorization: `Bearer ${token}` }, opts)),
      );

      // The identical SQL the API runs for this request, compiled by the same code: the page with
      // its total in one statement (http/list.ts, pageAndTotal).
      const q = parseListQuery(s.query, suite.spec, 1000);
      const { pageWithTotal } = listQueries(
        database.db,
        suite.table,
        suite.columns,
        suite.spec,
        q,
        (qb) => (suite.audited ? applyScope(qb, scope) : qb),
      );
      const compiled = pageWithTotal.compile();
      const list = (run: (c: typeof compiled) => Promise<{ rows: Record<string, unknown>[] }>) =>
        run(compiled).then(({ rows }) => ({
          rows,
          total: rows[0]?.list_total ?? rows[0]?.listTotal,
        }));
      runs['raw list SQL'] = await quietly(s.name, () =>
        runLoops(() => pool.query(compiled.sql, compiled.parameters as unknown[]), opts),
      );
      if (suite.audited && !API_AND_RAW) {
        // The API keys the search term before it stores it (audit/mask.ts).
        const keyTerm = termKeyer(DEV_DATA_ENCRYPTION_KEY);
        /** The event the API writes for a page it showed. */
        const event = (ids: unknown[], total: unknown): AuditEvent => ({
          action: 'list',
          resource: suite.resource,
          recordIds: ids.map((r) => (r as { id: number }).id),
          detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total) },
          actorUserId: actor.userId,
          actorUsername: actor.username,
          actorRole: actor.role,
          sessionId: actor.sessionId,
        });
        // The API's database work for one request before group commit and the session cache: the
        // session looked up, the page read and its event appended in one transaction each (the
        // chain's lock held until that commit).
        runs['raw + session + audit per transaction'] = await quietly(s.name, () =>
          runLoops(async () => {
            await liveSession(database.db, actor.sessionId, new Date());
            await database.db.transaction().execute(async (trx) => {
              const { rows, total } = await list((c) => trx.executeQuery(c));
              await recordAudit(trx, event(rows, total), keyTerm);
            });
          }, opts),
        );
        // As the API does it now: the session from its cache, the page read outside a
        // transaction, the event group-committed.
        runs['raw + grouped audit'] = await quietly(s.name, () =>
          runLoops(async () => {
            const { rows, total } = await list((c) => pool.query(c.sql, c.parameters as unknown[]));
            await recordAudit(database.db, event(rows, total), keyTerm);
          }, opts),
        );
      }
      results.push({ suite: suite.resource, scenario: s.name, runs });
    }
  }
  api.kill('SIGTERM');
  await once(api, 'exit');
  // Every event the API and the bench appended, one by one and in groups, still forms one chain.
  const chain = await verifyChain(database.db);
  console.log(`\nAudit chain: ${chain.ok ? 'intact' : 'BROKEN'}, ${chain.checked} events`);
  await pool.end();
  await database.close();
  pinning?.restore();
  report(results);
}

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  process.stdout.write(`${what}… `);
  const t0 = Date.now();
  const result = await work();
  process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return result;
}

async function loadChildren(
  database: DatabaseHandle,
  refs: Awaited<ReturnType<typeof peopleRefs>>,
) {
  const generated = await timed('  generating', async () =>
    generateChildren(CHILDREN, 'bench', refs),
  );
  await timed('  inserting', () => insertChildren(database.db, generated, 1000));
}

/** `BENCH_API_CPU_PROF=dir` profiles the API process (node --cpu-prof) while the bench runs. */
function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_API_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function report(results: { suite: string; scenario: string; runs: Record<string, Run> }[]) {
  console.log(
    `\nList benchmark — ${ROWS} care providers, ${CHILDREN} children, ${CONNECTIONS} connections, ${SECONDS} s each, pool ${POOL}${ASYNC_COMMIT ? ', synchronous_commit off' : ''}${DB_CPUS ? `, PostgreSQL on CPU ${DB_CPUS} alone` : ''}`,
  );
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  for (const r of results) {
    console.log(`\n${r.suite}: ${r.scenario}`);
    const raw = r.runs['raw list SQL']!;
    for (const [name, x] of Object.entries(r.runs)) {
      const ratio =
        name === 'raw list SQL'
          ? ''
          : `  ratio to raw p50 ${(x.p50 / raw.p50).toFixed(2)} p95 ${(x.p95 / raw.p95).toFixed(2)}`;
      console.log(`  ${name.padEnd(22)} p50 ${x.p50} ms  p95 ${x.p95} ms  ${x.rps} req/s${ratio}`);
      console.log(
        `  ${''.padEnd(22)} CPU ms/request: postgres ${x.cpu.postgres}, bench ${x.cpu.bench}, API ${x.cpu.api}; other load ${Math.round(x.cpu.otherLoad * 100)} %`,
      );
    }
  }
}

/** The API child, ended also when the bench fails (an orphan would hold the port and the CPU). */
let apiProcess: ReturnType<typeof spawn> | undefined;
/** CPUs given back also when the bench fails. */
let pinning: Awaited<ReturnType<typeof pinCpus>> | undefined;

main().catch((err) => {
  console.error(err);
  apiProcess?.kill('SIGTERM');
  pinning?.restore();
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 2000).unref();
});
