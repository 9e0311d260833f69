import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { pseudonymKey } from '../pseudonymise/keyed';

// What the pseudonymisation tests (in place: pseudonymise.test.ts; from a backup: refresh.test.ts)
// set up the same way.

export const PSEUDONYM_TEST_KEY = pseudonymKey('refresh-test-key-refresh-test-key-refresh');

type Row = Record<string, unknown>;

/** Every row of a table as stored (snake_case columns, no plugin), to compare before and after. */
export const storedRows = async (db: Kysely<Database>, table: string): Promise<Row[]> =>
  (await sql<Row>`select * from ${sql.table(table)}`.execute(db.withoutPlugins())).rows;

/**
 * The orphan court's proposal of a new child, a PROD person who lives only in the proposal's JSON
 * (never accepted): `POST /api/change-requests` as the court.
 */
export const proposedNewChild = (personalCode: string, careOrphanCourtId: number | null) => ({
  resource: 'children',
  kind: 'create',
  changes: {
    givenNames: 'Krišjānis',
    surname: 'Vītoliņš',
    sex: 'male',
    personalCode,
    birthDate: '2019-08-30',
    nationalityKind: 'citizen',
    religion: null,
    recordSheetReceivedOn: '2026-01-12',
    careForm: 'foster_family',
    careOrphanCourtId,
    careDecisionNumber: 'BT-2025/301',
    careDecisionDate: '2025-12-01',
    health: 'Vesels.',
    relatives: [
      { kind: 'mother', givenNames: 'Inga', surname: 'Vītoliņa', birthDate: '1998-02-03' },
    ],
  },
});
