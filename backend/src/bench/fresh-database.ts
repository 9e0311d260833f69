import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { loadDemoData, loadReferenceData } from '../demo/seed';

/** The PostgreSQL server the benchmarks create their databases on. */
export const benchServerUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A benchmark's own database `name` on that server, made anew (an earlier one dropped): migrated,
 * with the reference data and the demo register, as a fresh installation has them.
 */
export async function freshBenchDatabase(
  name: string,
  poolMax = 4,
): Promise<{ database: DatabaseHandle; url: string }> {
  const admin = new Client({ connectionString: benchServerUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(benchServerUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax });
  await migrate(database.db, 'latest');
  await loadReferenceData(database.db);
  await loadDemoData(database.db, undefined);
  return { database, url: url.toString() };
}
