import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { createTestDatabase } from '../test-support/test-db';
import { recordAudit } from './chain';

// `npm run audit:verify` as an operator runs it (the built CLI, same configuration as the API):
// exit 0 on an intact chain, 1 naming the first broken event.

const dist = join(__dirname, '..', '..', 'dist');
const cli = join(dist, 'cli', 'audit-verify.js');
const built = existsSync(cli);
if (!built && process.env.CI === 'true')
  throw new Error('backend/dist is missing: run npm run build');

(built ? describe : describe.skip)('audit:verify', () => {
  let dir: string;
  let env: Record<string, string>;
  let open: () => Promise<DatabaseHandle>;
  let closeServerDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adoption-audit-'));
    if (process.env.TEST_DB_MODE === 'postgresql') {
      const database = await createTestDatabase();
      await migrate(database.db, 'latest');
      env = { DATABASE_URL: database.url! };
      open = async () => ({ ...database, close: async () => {} });
      closeServerDb = () => database.close();
    } else {
      env = { PGLITE_DIR: join(dir, 'pglite') };
      open = () => openDatabase({ pgliteDir: env.PGLITE_DIR });
      const database = await open();
      await migrate(database.db, 'latest');
      await database.close();
    }
  });
  afterAll(async () => {
    await closeServerDb?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = () =>
    spawnSync(process.execPath, [cli], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 0 on an intact chain and 1 with the first broken event', async () => {
    const database = await open();
    const ids: number[] = [];
    try {
      for (let i = 1; i <= 5; i++)
        ids.push(
          (
            await recordAudit(database.db, {
              action: 'create',
              resource: 'territories',
              recordId: i,
            })
          ).id,
        );
    } finally {
      await database.close();
    }

    const intact = run();
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(
      new RegExp(
        `^Audit chain intact: 5 events checked; last event ${ids[4]}, hash [0-9a-f]{64}\\.\\n$`,
      ),
    );

    const db2 = await open();
    try {
      const raw = db2.db.withoutPlugins();
      await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
        raw,
      );
      await sql`delete from audit_events where id = ${ids[2]}`.execute(raw);
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(raw);
    } finally {
      await db2.close();
    }

    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe(
      `Audit chain BROKEN at event ${ids[3]}: prev_hash_mismatch (2 events before it are intact).\n`,
    );
    expect(JSON.parse(broken.stderr)).toMatchObject({
      event: 'audit_chain_broken',
      id: ids[3],
      reason: 'prev_hash_mismatch',
    });
  });
});
