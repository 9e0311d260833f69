/**
 * cli/: command-line tools an operator runs with the API's configuration — `npm run migrate`
 * (this file), `npm run audit:verify` (the audit trail's hash chain) and the deployment's test mail
 * (test-mail.ts). The long-running processes start in main.ts and worker-main.ts.
 */
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/connect';
import { migrate, migrationStatus } from '../db/migrate';
import { installJobQueue, jobQueuePending } from '../jobs/queue';
import { createLogger } from '../logger';

// npm run migrate -- latest|up|down|status   (same configuration as the API)
async function main() {
  const command = process.argv[2];
  if (!['latest', 'up', 'down', 'status'].includes(command ?? '')) {
    process.stderr.write('Usage: npm run migrate -- latest|up|down|status\n');
    process.exit(64);
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    if (command === 'status') {
      for (const m of await migrationStatus(database.db)) {
        process.stdout.write(
          `${m.executedAt ? 'applied ' + m.executedAt.toISOString() : 'pending'}  ${m.name}\n`,
        );
      }
      // pg-boss's own schema and the jobs' queues: installed by the owner, like the migrations.
      const jobs = await jobQueuePending(database.db);
      if (jobs) process.stdout.write(`pending  ${jobs}\n`);
    } else {
      const { results } = await migrate(database.db, command as 'latest' | 'up' | 'down');
      if (!results?.length) process.stdout.write('Nothing to do.\n');
      for (const r of results ?? [])
        process.stdout.write(
          `${r.direction === 'Up' ? 'applied' : 'reverted'}  ${r.migrationName}\n`,
        );
      if (command !== 'down') {
        const jobs = await jobQueuePending(database.db);
        if (jobs) {
          await installJobQueue({ database, config, log: createLogger('warn') });
          process.stdout.write(`applied  ${jobs}\n`);
        }
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
