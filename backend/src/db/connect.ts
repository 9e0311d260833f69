import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import { mkdirSync } from 'node:fs';
import type { Database } from './database';
import { pglitePool } from './pglite-pool';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (to start another instance from it). */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** PostgreSQL server URL; without it, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  pgliteDir?: string;
  /** PGlite only: start from this tarball of a data directory (a `dump()`). */
  pgliteDataDir?: Blob;
  poolMax?: number;
}

// Both drivers must hand back the same JS shapes: DATE as 'YYYY-MM-DD' (never a shifted Date),
// INT8 (counts) as number, TIMESTAMPTZ as Date, NUMERIC as string.
const OID = { INT8: 20, DATE: 1082 } as const;
const asIs = (v: string) => v;

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin()];
  if (opts.url) {
    const pool = new Pool({
      connectionString: opts.url,
      max: opts.poolMax ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === OID.DATE) return asIs;
          if (oid === OID.INT8) return Number;
          return pgTypes.getTypeParser(oid, format);
        }) as typeof pgTypes.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      db,
      kind: 'postgresql',
      ping: async () => void (await sql`select 1`.execute(db)),
      close: () => db.destroy(),
    };
  }

  const { PGlite, types } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const dir = opts.pgliteDir ?? './data/pglite';
  if (!dir.includes('://')) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, {
    extensions: { pg_trgm },
    parsers: { [types.DATE]: asIs, [types.INT8]: Number },
    ...(opts.pgliteDataDir ? { loadDataDir: opts.pgliteDataDir } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pglitePool(pglite) }),
    plugins,
  });
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await sql`select 1`.execute(db)),
    dump: () => pglite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
