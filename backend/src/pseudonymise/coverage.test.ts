import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '../test-support/test-db';
import { migrate } from '../db/migrate';
import type { DatabaseHandle } from '../db/connect';
import { CLASSIFICATION, compareWithSchema } from './classification';
import { classificationMarkdown } from './refresh-cli';
import { assertClassified, schemaColumns, UnclassifiedColumnsError } from './scan';
import { sql } from 'kysely';

// Every column of the migrated database is classified, and nothing classified is gone: a new
// migration cannot bring a column whose data would reach TEST unpseudonymised.

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db, 'latest');
});
afterAll(() => database.close());

it('classifies every column of every table the migrations create', async () => {
  const columns = await schemaColumns(database.db);
  expect(columns.length).toBeGreaterThan(100);
  const { unclassified, missing } = compareWithSchema(columns);
  // A failure here names the columns to add to backend/src/pseudonymise/classification.ts.
  expect(unclassified).toEqual([]);
  expect(missing).toEqual([]);
  expect(new Set(columns.map((c) => c.table))).toEqual(new Set(Object.keys(CLASSIFICATION)));
});

it('refuses a database with an unclassified column', async () => {
  await sql`alter table children add column nickname text`.execute(database.db);
  try {
    await expect(assertClassified(database.db)).rejects.toThrow(UnclassifiedColumnsError);
    await expect(assertClassified(database.db)).rejects.toThrow(/children\.nickname/);
  } finally {
    await sql`alter table children drop column nickname`.execute(database.db);
  }
});

it('docs/pseudonymisation.md shows the classification as it is', () => {
  const doc = readFileSync(
    join(__dirname, '..', '..', '..', 'docs', 'pseudonymisation.md'),
    'utf8',
  );
  // Regenerate with: jenkins/refresh-test-from-prod classification
  expect(doc).toContain(classificationMarkdown());
});
