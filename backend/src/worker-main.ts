import { loadConfig } from './config/config';
import { openDatabase } from './db/connect';
import { createLogger } from './logger';
import { Broker } from './messaging/broker';
import { startMessaging } from './messaging/service';
import { mailOpener } from './messaging/outbox';

// `npm run worker`: the outbox relay and the mail worker as a process of their own (production
// runs several). `--relay-only` / `--worker-only` (or `npm run relay`) split them further.
// Without AMQP_URL it delivers from the outbox in-process, like the embedded default.
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
  const broker = config.AMQP_URL ? new Broker(config.AMQP_URL, log) : undefined;
  await broker?.start();
  const messaging = await startMessaging({
    db: database.db,
    config,
    log,
    broker,
    roles,
    openSealed: mailOpener(config),
  });
  log.info(
    { event: 'worker_started', ...roles, mode: messaging.mode, mail: messaging.sender.kind },
    'messaging worker started',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'worker_stopping', signal }, 'shutting down');
    await messaging.stop();
    await broker?.stop();
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
