import { collectDefaultMetrics, Registry } from 'prom-client';
import { loadConfig } from './config/config';
import { openDatabase } from './db/connect';
import { createLogger } from './logger';
import { Broker } from './messaging/broker';
import { startMessaging } from './messaging/service';
import { mailOpener } from './messaging/outbox';
import { startWorkerHealth } from './health/worker-health';
import { startJobs } from './jobs/queue';
import { RegisterClient, registerSettings } from './registers/client';
import { RegisterMetrics } from './registers/metrics';
import { encryptionKeyMaterial } from './db/secret-box';

// `npm run worker`: the outbox relay and the mail worker as a process of their own (production
// runs several). `--relay-only` / `--worker-only` (or `npm run relay`) split them further.
// Without AMQP_URL it delivers from the outbox in-process, like the embedded default.
// It also runs the jobs (pg-boss workers and the nightly schedule, jobs/) unless --no-jobs.
// Health and metrics on WORKER_HEALTH_PORT (RELAY_HEALTH_PORT for --relay-only; 0 = none).
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const args = new Set(process.argv.slice(2));
  const roles = { relay: !args.has('--worker-only'), worker: !args.has('--relay-only') };
  const database = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolMax: config.DATABASE_POOL_MAX,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    log,
  });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const broker = config.AMQP_URL ? new Broker(config.AMQP_URL, log) : undefined;
  await broker?.start();
  const messaging = await startMessaging({
    db: database.db,
    config,
    log,
    broker,
    roles,
    openSealed: mailOpener(config),
    registry,
  });
  // The jobs' own state-register client (the nightly reconciliation); no URL: not asked.
  const registers = new RegisterClient({
    settings: registerSettings(config),
    keyMaterial: encryptionKeyMaterial(config),
    metrics: new RegisterMetrics(registry),
    log,
  });
  const jobs = args.has('--no-jobs')
    ? undefined
    : await startJobs({
        database,
        config,
        log,
        work: true,
        install: config.MIGRATE_ON_START,
        registers: () => registers,
      });
  const port = roles.worker ? config.WORKER_HEALTH_PORT : config.RELAY_HEALTH_PORT;
  const health = port
    ? await startWorkerHealth({
        port,
        host: config.HOST,
        database,
        registry,
        checks: () => messaging.checks(),
      })
    : undefined;
  log.info(
    {
      event: 'worker_started',
      ...roles,
      mode: messaging.mode,
      mail: messaging.sender.kind,
      healthPort: health?.port ?? null,
      jobs: Boolean(jobs),
    },
    'messaging worker started',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'worker_stopping', signal }, 'shutting down');
    await jobs?.stop();
    await registers.close();
    await messaging.stop();
    await broker?.stop();
    await health?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Worker start-up failed: ${err.message}\n`);
  process.exit(1);
});
