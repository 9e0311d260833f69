import autocannon from 'autocannon';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { Client, Pool } from 'pg';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { loadReferenceData } from '../demo/seed';
import { listQueries, parseListQuery } from '../http/list';
import { careProvider, careProviderList } from '../classifiers/care-providers/schema';
import { nameColumns } from '../classifiers/common';
import { createRng } from '../latvian/random';
import { randomPerson } from '../latvian/names';
import { careProviderKinds } from '../db/tables/care-providers';
import { totpCode } from '../mfa/totp';

/**
 * npm run bench [-- --rows 100000 --seconds 15]
 * Loads N synthetic care providers into a fresh PostgreSQL database, drives GET /api/care-providers
 * with autocannon (32 connections) against the API in its own process, then runs the identical SQL
 * through raw `pg` at the same concurrency, and prints p50/p95 of both and the ratio.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const SECONDS = arg('seconds', 15);
const CONNECTIONS = 32;
const POOL = 10;
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

const scenarios = [
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
];

async function main() {
  const dbName = 'adoption_bench';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;

  const database = await openDatabase({ url: url.toString() });
  await migrate(database.db, 'latest');
  await loadReferenceData(database.db);
  const territories = await database.db.selectFrom('territories').select('id').execute();
  const rng = createRng(2026);
  process.stdout.write(`Loading ${ROWS} care providers… `);
  for (let i = 0; i < ROWS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, ROWS - i) }, (_, j) => {
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
  // As autovacuum would after a bulk load: statistics and the visibility map for index-only counts.
  await sql`vacuum analyze`.execute(database.db);
  process.stdout.write('done\n');

  // The API in its own process, as in production.
  const port = 3900 + Math.floor(Math.random() * 90);
  const password = 'Bench-parole-2026!';
  const api = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
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
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready) => {
    // Keep reading the child's output to the end, so its shutdown message never hits a closed pipe.
    api.stdout!.on('data', (chunk) => String(chunk).includes('is running at') && ready());
  });
  const post = async (path: string, body: object) =>
    (await (
      await fetch(`http://localhost:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as Record<string, string>;
  // The administrator needs a second factor: the fresh database's admin enrols first.
  const { mfaToken } = await post('/api/auth/login', { username: 'admin', password });
  const { secret } = await post('/api/auth/mfa/enrol', { mfaToken: mfaToken! });
  const { token } = await post('/api/auth/mfa/enrol/confirm', {
    mfaToken: mfaToken!,
    code: totpCode(secret!),
  });

  const pool = new Pool({ connectionString: url.toString(), max: POOL });
  const columns = Object.keys(careProvider.shape);
  const results = [];
  for (const s of scenarios) {
    const path = `/api/care-providers?${new URLSearchParams(s.query)}`;
    const apiLatencies: number[] = [];
    const cpuBefore = cpuNow(api.pid!);
    const http = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        {
          url: `http://localhost:${port}${path}`,
          connections: CONNECTIONS,
          duration: SECONDS,
          headers: { authorization: `Bearer ${token}` },
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      run.on('response', (_client, _status, _bytes, ms) => apiLatencies.push(ms));
    });
    if (http.non2xx) throw new Error(`${http.non2xx} non-2xx answers from the API`);
    const apiCpu = cpuSince(cpuBefore, cpuNow(api.pid!), apiLatencies.length);

    // The identical SQL the API runs for this request, compiled by the same code.
    const q = parseListQuery(s.query, careProviderList, 1000);
    const { page, count } = listQueries(database.db, 'careProviders', columns, careProviderList, q);
    const compiled = [page.compile(), count.compile()];
    const latencies: number[] = [];
    const rawBefore = cpuNow(api.pid!);
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) {
          const t0 = process.hrtime.bigint();
          await Promise.all(compiled.map((c) => pool.query(c.sql, c.parameters as unknown[])));
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
    const rawCpu = cpuSince(rawBefore, cpuNow(api.pid!), latencies.length);
    results.push({
      cpu: { api: apiCpu, raw: rawCpu },
      scenario: s.name,
      api: {
        p50: percentile(apiLatencies, 50),
        p95: percentile(apiLatencies, 95),
        rps: Math.round(apiLatencies.length / SECONDS),
      },
      raw: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        rps: Math.round(latencies.length / SECONDS),
      },
    });
  }
  api.kill('SIGTERM');
  await once(api, 'exit');
  await pool.end();
  await database.close();

  console.log(
    `\nList benchmark — ${ROWS} rows, ${CONNECTIONS} connections, ${SECONDS} s each, pool ${POOL}`,
  );
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  for (const r of results) {
    console.log(`\n${r.scenario}`);
    console.log(`  API  p50 ${r.api.p50} ms  p95 ${r.api.p95} ms  ${r.api.rps} req/s`);
    console.log(`  raw  p50 ${r.raw.p50} ms  p95 ${r.raw.p95} ms  ${r.raw.rps} req/s`);
    console.log(
      `  ratio p50 ${(r.api.p50 / r.raw.p50).toFixed(2)}  p95 ${(r.api.p95 / r.raw.p95).toFixed(2)}`,
    );
    const c = (x: CpuSample) =>
      `postgres ${x.postgres}, load generator/client ${x.bench}, API ${x.api}`;
    console.log(`  CPU ms per request — API run: ${c(r.cpu.api)}; raw run: ${c(r.cpu.raw)}`);
  }
}

interface CpuSample {
  postgres: number;
  bench: number;
  api: number;
}

/** CPU seconds so far of PostgreSQL's processes, this process and the API child (Linux /proc). */
function cpuNow(apiPid: number): CpuSample {
  const seconds = (pid: string | number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ = 100
    } catch {
      return 0; // the process ended meanwhile
    }
  };
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += seconds(pid);
    } catch {
      /* the process ended meanwhile */
    }
  }
  const self = process.cpuUsage();
  return { postgres, bench: (self.user + self.system) / 1e6, api: seconds(apiPid) };
}

/** CPU milliseconds per request between two samples. */
function cpuSince(a: CpuSample, b: CpuSample, requests: number): CpuSample {
  const per = (x: number) => Math.round((x / requests) * 1000 * 100) / 100;
  return {
    postgres: per(b.postgres - a.postgres),
    bench: per(b.bench - a.bench),
    api: per(b.api - a.api),
  };
}

/** Nearest-rank percentile, computed the same way for both sides. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return Math.round(v * 100) / 100;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
