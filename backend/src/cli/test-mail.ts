import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/connect';
import { readVersion } from '../health/version';
import { queueSmokeMail, waitForSmokeMail, type SmokeMailGoal } from '../messaging/smoke-mail';

// node backend/dist/cli/test-mail.js --to ops@example.lv [--reference R] [--wait queued|published|sent]
//   [--timeout SECONDS] [--language lv|en] [--name "whom the letter greets"]
// Queues the deployment smoke test's mail in this environment's outbox (same configuration as
// the API) and waits until it has come as far as --wait. Prints one JSON line
// {id, reference, status, reached}; exit 0 when reached, 1 when not, 64 on bad arguments.
const usage =
  'Usage: test-mail --to ADDRESS [--reference R] [--wait queued|published|sent] [--timeout S] [--language lv|en] [--name N]\n';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      reference: { type: 'string' },
      wait: { type: 'string', default: 'queued' },
      timeout: { type: 'string', default: '60' },
      language: { type: 'string', default: 'lv' },
      name: { type: 'string' },
    },
  });
  const goal = values.wait as SmokeMailGoal;
  const timeout = Number(values.timeout);
  if (
    !values.to ||
    !['queued', 'published', 'sent'].includes(goal) ||
    !(timeout >= 0) ||
    !['lv', 'en'].includes(values.language!)
  ) {
    process.stderr.write(usage);
    return 64;
  }
  const config = loadConfig();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolMax: 1,
  });
  try {
    const reference = values.reference ?? `smoke-${randomBytes(6).toString('hex')}`;
    const id = await queueSmokeMail(database.db, {
      recipient: values.to,
      displayName: values.name,
      environment: config.APP_ENV,
      version: readVersion(config).version,
      reference,
      language: values.language as 'lv' | 'en',
    });
    const result = await waitForSmokeMail(database.db, id, goal, timeout * 1000);
    process.stdout.write(`${JSON.stringify({ reference, ...result })}\n`);
    return result.reached ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  },
);
