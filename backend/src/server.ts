import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrate } from './db/migrate';
import { Broker } from './messaging/broker';
import { startMessaging, type Messaging } from './messaging/service';
import { mailOpener } from './messaging/outbox';
import { startJobs, type JobQueue } from './jobs/queue';
import { App } from './app';
import { createLogger } from './logger';
import { readVersion } from './health/version';
import { createMetrics } from './health/metrics';
import { ephemeralSecret } from './auth/tokens';
import { ensureBootstrapAdmin, loadDemoData, loadReferenceData } from './demo/seed';
import { databaseSources, simulatedPeople } from './registers/simulator/people';
import { startRegisterSimulator, type RegisterSimulator } from './registers/simulator/server';

export interface RunningServer {
  app: App;
  server: Server;
  database: DatabaseHandle;
  url: string;
  /** Set on the first start of an empty database when the administrator's password was generated. */
  bootstrap?: { username: string; password?: string; demoUsers: string[] };
  close(): Promise<void>;
}

/** Repository root: backend/src (tests) or backend/dist (built) → two levels up. */
export const repoRoot = resolve(__dirname, '..', '..');

/** Opens the database, migrates, loads reference and demo data, connects the broker, listens. */
export async function startServer(
  config: Config,
  opts: { database?: DatabaseHandle } = {},
): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  // Only development may run without DATA_ENCRYPTION_KEY (the configuration refuses test and prod).
  if (!config.DATA_ENCRYPTION_KEY) {
    logger.warn(
      { event: 'development_encryption_key' },
      'DATA_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with the public development key',
    );
  }
  const database =
    opts.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      pgliteDir: config.PGLITE_DIR,
      poolMax: config.DATABASE_POOL_MAX,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      log: logger,
    }));
  let jobs: JobQueue | undefined;
  // The app (made below) owns the state-register client; the jobs read it when they run.
  let appRef: App | undefined;
  let sim: RegisterSimulator | undefined;
  try {
    if (config.MIGRATE_ON_START) await migrate(database.db, 'latest');
    const demo = config.DEMO_DATA ?? config.APP_ENV === 'dev';
    const bootstrap = await database.db.transaction().execute(async (trx) => {
      await loadReferenceData(trx);
      const admin = await ensureBootstrapAdmin(trx, config);
      const demoUsers = demo
        ? await loadDemoData(
            trx,
            admin ? (admin.password ?? config.BOOTSTRAP_ADMIN_PASSWORD) : undefined,
          )
        : [];
      return admin ? { ...admin, demoUsers } : undefined;
    });

    const metrics = createMetrics();
    const broker = config.AMQP_URL ? new Broker(config.AMQP_URL, logger) : undefined;
    await broker?.start();
    // The one-process default: relay and mail worker (or in-process delivery) run here too.
    const messaging: Messaging | undefined = config.RUN_MESSAGING
      ? await startMessaging({
          db: database.db,
          config,
          log: logger,
          broker,
          openSealed: mailOpener(config),
          registry: metrics.registry,
        })
      : undefined;

    // The job queue: with RUN_JOBS this process also runs the jobs and the nightly schedule;
    // without, it only queues the runs an administrator starts (a worker process runs them).
    jobs = await startJobs({
      database,
      config,
      log: logger,
      work: config.RUN_JOBS,
      install: config.MIGRATE_ON_START,
      registers: () => appRef?.registers,
    });

    // Outside production, no register URL means the simulator: the register check works out of
    // the box against this database's own people (with the simulator's deliberate differences).
    if (
      !config.REGISTER_POPULATION_URL &&
      !config.REGISTER_DISABILITY_URL &&
      process.env.NODE_ENV !== 'production'
    ) {
      const { people } = simulatedPeople(await databaseSources(database.db));
      sim = await startRegisterSimulator({
        port: Number(process.env.REGISTERS_SIM_PORT ?? 0),
        people,
      });
      config = { ...config, REGISTER_POPULATION_URL: sim.url, REGISTER_DISABILITY_URL: sim.url };
      logger.info(
        { event: 'registers_sim_started', url: sim.url, people: people.length },
        'no register URL configured: the register simulator runs in this process',
      );
    }

    const consoleDir = config.CONSOLE_DIR ?? join(repoRoot, 'admin', 'dist');
    const app = new App({
      config,
      database,
      logger,
      broker,
      version: readVersion(config),
      jwtSecret: config.JWT_SECRET ?? ephemeralSecret(),
      consoleDir: config.SERVE_CONSOLE && existsSync(consoleDir) ? consoleDir : undefined,
      metrics,
      jobs,
    });
    appRef = app;
    const queue = jobs;
    const server = createServer(app.callback());
    await new Promise<void>((ok, fail) =>
      server.once('error', fail).listen(config.PORT, config.HOST, ok),
    );
    const { port } = server.address() as AddressInfo;
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    app.publicUrl = url;
    logger.info(
      {
        event: 'started',
        port,
        database: database.kind,
        broker: broker ? 'rabbitmq' : 'in-process',
        messaging: messaging ? messaging.mode : 'off',
        jobs: config.RUN_JOBS ? 'on' : 'queue only',
        mail: messaging?.sender.kind ?? 'off',
      },
      'listening',
    );

    return {
      app,
      server,
      database,
      url,
      bootstrap,
      async close() {
        await new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await queue.stop();
        await app.close();
        await sim?.close();
        await messaging?.stop();
        await broker?.stop();
        await database.close();
      },
    };
  } catch (err) {
    await jobs?.stop(1000).catch(() => undefined);
    await sim?.close().catch(() => undefined);
    if (!opts.database) await database.close().catch(() => undefined);
    throw err;
  }
}
