import { loadConfig } from '../config/config';
import { openDatabase } from '../db/connect';
import { verifyChain } from '../audit/chain';

// npm run audit:verify   (same configuration as the API)
// Walks the audit trail's hash chain. Exit 0 when intact; 1 with the first broken event otherwise.
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolMax: 1,
  });
  try {
    const report = await verifyChain(database.db);
    if (report.ok) {
      process.stdout.write(
        `Audit chain intact: ${report.checked} events checked` +
          (report.lastId ? `; last event ${report.lastId}, hash ${report.lastHash}` : '') +
          '.\n',
      );
      return 0;
    }
    const { id, reason } = report.firstBreak!;
    process.stdout.write(
      `Audit chain BROKEN at event ${id}: ${reason} (${report.checked - 1} events before it are intact).\n`,
    );
    process.stderr.write(
      `${JSON.stringify({ level: 'error', event: 'audit_chain_broken', id, reason, time: new Date().toISOString() })}\n`,
    );
    return 1;
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
