/**
 * npm run bench:registers [-- --people 10000 --parallel 1,4,8 --latency 0,100 --format json]
 * The nightly reconciliation's benchmark (docs/benchmarks.md, "External registers"): a fresh
 * PostgreSQL database with the demo register plus generated children and adopters (about
 * `people` to check), the register simulator as a process of its own (as a state service would
 * be: its CPU apart from ours) knowing exactly those people, and for each bound on parallel
 * queries (REGISTER_PARALLEL) and each simulated answer latency one whole reconciliation: every
 * person asked (the cache emptied before each run), compared, audited, the queue kept. Printed:
 * people per second, and the CPU of this process (the job: client, comparison, audit, queue),
 * of the database's backends and of the simulator — the share outside the simulator is ours.
 */
import { sql } from 'kysely';
import { rigaToday } from '@adoption/model';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/connect';
import { freshBenchDatabase } from './fresh-database';
import {
  generateAdopters,
  generateChildren,
  insertAdopters,
  insertChildren,
  peopleRefs,
} from '../demo/people';
import { createLogger } from '../logger';
import { RegisterClient } from '../registers/client';
import { RegisterMetrics } from '../registers/metrics';
import { runReconciliation } from '../registers/reconcile';
import type { JobContext } from '../jobs/define';
import { machineSeconds, processSeconds } from './measure';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const list = (s: string) => s.split(',').map(Number);
const PEOPLE = Number(arg('people', '10000'));
const PARALLEL = list(arg('parallel', '1,4,8'));
const LATENCY = list(arg('latency', '0,100'));
const FORMAT = arg('format', 'json') as 'json' | 'soap';
const dbName = process.env.BENCH_DB_NAME ?? 'adoption_bench_registers';

async function freshDatabase(): Promise<{ database: DatabaseHandle; url: string }> {
  const fresh = await freshBenchDatabase(dbName, 10);
  const { database } = fresh;
  // About seven children to three adopters, as in the register; the demo's people count too.
  const refs = await peopleRefs(database.db);
  const children = Math.round(PEOPLE * 0.7);
  await insertChildren(database.db, generateChildren(children, 'bench-reg', refs, rigaToday()));
  await insertAdopters(
    database.db,
    generateAdopters(PEOPLE - children, 'bench-reg-adopters', refs, rigaToday()),
  );
  await sql`vacuum analyze`.execute(database.db);
  return fresh;
}

/** The simulator as its own process (npm run registers-sim), knowing the bench database's people. */
async function startSimulator(url: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const proc = spawn(
    process.execPath,
    [join(__dirname, '..', 'registers', 'simulator', 'main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        REGISTERS_SIM_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { proc, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('the simulator did not start');
}

async function backendPids(database: DatabaseHandle): Promise<number[]> {
  const rows = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(database.db);
  return rows.rows.map((r) => r.pid);
}

async function main() {
  const log = createLogger('silent');
  const { database, url } = await freshDatabase();
  const sim = await startSimulator(url);
  try {
    process.stdout.write(
      `machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} vCPUs, Node ${process.version}; ` +
        `format ${FORMAT}\n`,
    );
    for (const latency of LATENCY) {
      await fetch(`${sim.base}/admin/switches`, { method: 'DELETE' });
      if (latency > 0) {
        await fetch(`${sim.base}/admin/switches`, {
          method: 'POST',
          body: JSON.stringify({ mode: 'slow', delayMs: latency }),
        });
      }
      for (const parallel of PARALLEL) {
        const client = new RegisterClient({
          settings: Object.fromEntries(
            (['population', 'disability'] as const).map((r) => [
              r,
              {
                url: sim.base,
                format: FORMAT,
                timeoutMs: 10_000,
                retries: 2,
                breakerThreshold: 50,
                breakerCooldownMs: 30_000,
                cacheMs: 60 * 60_000,
              },
            ]),
          ),
          keyMaterial: 'bench-key-material-bench-key-material',
          metrics: new RegisterMetrics(new Registry()),
          log,
        });
        // Every run asks the simulator about everyone, and finds the queue as a first night does.
        await database.db.deleteFrom('registerAnswers').execute();
        await database.db.deleteFrom('registerDifferences').execute();
        const run = await database.db
          .insertInto('jobRuns')
          .values({ name: 'register-reconciliation', status: 'running' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const ctx: JobContext = {
          db: database.db,
          log,
          config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv', REGISTER_PARALLEL: parallel },
          registers: client,
          runId: run.id,
          runFor: rigaToday(),
          now: () => new Date(),
          progress: async () => undefined,
          checkCancelled: async () => undefined,
        };
        // Every pooled connection open, so their backends are all measured.
        await Promise.all(
          Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(database.db)),
        );
        const pids = await backendPids(database);
        const pg0 = pids.map((p) => processSeconds(p) ?? 0);
        const sim0 = processSeconds(sim.proc.pid!) ?? 0;
        const self0 = process.cpuUsage();
        const machine0 = machineSeconds();
        const t0 = process.hrtime.bigint();
        const result = await runReconciliation(ctx, client, { noMail: true });
        const wall = Number(process.hrtime.bigint() - t0) / 1e9;
        const self = process.cpuUsage(self0);
        const machine1 = machineSeconds();
        const pgCpu = pids.reduce((s, p, i) => s + ((processSeconds(p) ?? pg0[i]!) - pg0[i]!), 0);
        const simCpu = (processSeconds(sim.proc.pid!) ?? sim0) - sim0;
        const ours = (self.user + self.system) / 1e6;
        const other = machine1.busy - machine0.busy - pgCpu - simCpu - ours;
        await client.close();
        const perPerson = (s: number) => ((s / result.checked) * 1000).toFixed(2);
        process.stdout.write(
          `latency ${String(latency).padStart(3)} ms, parallel ${String(parallel).padStart(2)}: ` +
            `${result.checked} people in ${wall.toFixed(1)} s = ` +
            `${(result.checked / wall).toFixed(0)} people/s ` +
            `(${result.opened} differences, ${result.unavailable} unavailable); ` +
            `CPU ms/person: job ${perPerson(ours)}, PostgreSQL ${perPerson(pgCpu)}, ` +
            `simulator ${perPerson(simCpu)}; outside the simulator ` +
            `${Math.round(((ours + pgCpu) / (ours + pgCpu + simCpu)) * 100)} % of the CPU; ` +
            `other load ${Math.max(0, other).toFixed(1)} s\n`,
        );
      }
    }
  } finally {
    sim.proc.kill();
    await database.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
