import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Database } from './database';
import { pglitePool } from './pglite-pool';
import { DatabaseAvailability, isDatabaseUnavailable } from './availability';
import { listenPostgres, type ListenHandlers, type Unlisten } from './listen';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /** Whether the last attempt to reach the server succeeded, and why not (readiness, the log). */
  availability: DatabaseAvailability;
  /**
   * LISTEN on `channel`: every committed NOTIFY reaches `on.notify`. PostgreSQL: a client of its
   * own outside the pool (db/listen.ts), which reconnects after a loss (`on.down`, then `on.up`
   * again). PGlite: PGlite's own `listen`; a PGlite database belongs to one process, whose
   * NOTIFYs are delivered in that process and never lost. close() stops every listener.
   */
  listen(channel: string, on: ListenHandlers): Unlisten;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (to start another instance from it). */
  dump?(): Promise<Blob>;
  /** PostgreSQL: the server URL the pool connects to (pg-boss opens its own pool with it). */
  url?: string;
  /**
   * PGlite: raw SQL on the one session, in turn with the pool (pg-boss's `db` adapter, jobs/);
   * several statements allowed without values.
   */
  executeSql?(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface OpenOptions {
  /** PostgreSQL server URL; without it, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  pgliteDir?: string;
  /** PGlite only: start from this tarball of a data directory (a `dump()`). */
  pgliteDataDir?: Blob;
  poolMax?: number;
  /** PostgreSQL only: how long to wait for a new connection before failing (default 5 s). */
  connectTimeoutMs?: number;
  /** Warns once when the database goes away, and says when it is back. */
  log?: Pick<Logger, 'warn' | 'info'>;
}

// Both drivers must hand back the same JS shapes: DATE as 'YYYY-MM-DD' (never a shifted Date),
// INT8 (counts) as number, TIMESTAMPTZ as Date, NUMERIC as string.
const OID = { INT8: 20, DATE: 1082 } as const;
const asIs = (v: string) => v;

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin()];
  const availability = new DatabaseAvailability(opts.log);
  const listeners = new Listeners();
  if (opts.url) {
    const pool = new Pool({
      connectionString: opts.url,
      max: opts.poolMax ?? 10,
      // Fail a connection attempt that gets no answer (a host that is gone) instead of waiting.
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      // Lets the kernel notice a peer that vanished without closing the connection.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === OID.DATE) return asIs;
          if (oid === OID.INT8) return Number;
          return pgTypes.getTypeParser(oid, format);
        }) as typeof pgTypes.getTypeParser,
      },
    });
    // Without these listeners a connection that dies (a restart, pg_terminate_backend, a proxy's
    // idle timeout) emits an unhandled 'error' and takes the whole process down. pg-pool removes
    // a dead idle client itself; a client in use fails its query, and is dropped on release.
    pool.on('error', (err) => availability.down(err));
    pool.on('connect', (client) => {
      availability.up();
      client.on('error', (err) => availability.down(err));
    });
    const tracked = {
      async connect() {
        try {
          return await pool.connect();
        } catch (err) {
          if (isDatabaseUnavailable(err)) availability.down(err);
          throw err;
        }
      },
      end: () => pool.end(),
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: tracked }), plugins });
    return {
      db,
      kind: 'postgresql',
      url: opts.url,
      availability,
      ping: async () => {
        try {
          await sql`select 1`.execute(db);
          availability.up();
        } catch (err) {
          if (isDatabaseUnavailable(err)) availability.down(err);
          throw err;
        }
      },
      listen: (channel, on) => listeners.add(listenPostgres(opts.url!, channel, on, opts)),
      close: async () => {
        await listeners.stopAll();
        await db.destroy();
      },
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
  const pool = pglitePool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return {
    db,
    kind: 'pglite',
    availability,
    executeSql: (text, values) => pool.executeSql(text, values),
    ping: async () => void (await sql`select 1`.execute(db)),
    dump: () => pglite.dumpDataDir('none'),
    listen: (channel, on) => {
      const unlisten = pglite.listen(channel, (payload) => on.notify(payload));
      // Listening once PGlite has run the LISTEN; a failure (closed database) is reported as lost.
      unlisten.then(() => on.up(), on.down);
      return listeners.add(async () => {
        await (await unlisten.catch(() => undefined))?.().catch(() => undefined);
      });
    },
    close: async () => {
      await listeners.stopAll();
      await db.destroy();
      await pglite.close();
    },
  };
}

/** The listeners of one database handle, stopped when it closes. */
class Listeners {
  private readonly all = new Set<Unlisten>();

  add(unlisten: Unlisten): Unlisten {
    const stop = async () => {
      this.all.delete(stop);
      await unlisten();
    };
    this.all.add(stop);
    return stop;
  }

  async stopAll() {
    await Promise.all([...this.all].map((stop) => stop()));
  }
}
