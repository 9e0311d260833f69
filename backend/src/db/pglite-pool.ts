import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one embedded PGlite instance as the `pg` Pool that Kysely's own PostgresDialect expects,
 * so both database paths share one SQL compiler and adapter. PGlite is a single session: a client
 * is lent to one caller at a time (a transaction keeps it until release), the others queue.
 */
/** The part of PGlite this adapter uses. */
export interface PGliteLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  /** Several statements in one string (simple protocol); PGlite's `exec`. */
  exec?(sql: string): Promise<Array<{ rows: unknown[] }>>;
}

/** The pool, plus a way to use the session for one call in turn with the pool's clients. */
export interface PGlitePool extends PostgresPool {
  /**
   * `executeSql(text, values)` on the shared session, waiting its turn like a pool client (so it
   * never runs inside someone else's transaction). Without values the text may hold several
   * statements (pg-boss's migrations do); the rows are the last statement's.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function pglitePool(pglite: PGliteLike): PGlitePool {
  let tail: Promise<void> = Promise.resolve();

  const client = {
    async query(
      sql: string,
      parameters: readonly unknown[],
    ): Promise<PostgresQueryResult<unknown>> {
      const result = await pglite.query(sql, parameters as unknown[]);
      return {
        command: commandOf(sql),
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      };
    },
  };

  const takeTurn = () => {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => turn);
    return ready.then(() => release);
  };

  return {
    connect() {
      return takeTurn().then(
        (release) => ({ ...client, release }) as unknown as PostgresPoolClient,
      );
    },
    async executeSql(text, values) {
      const release = await takeTurn();
      try {
        if (values?.length || !pglite.exec) return await pglite.query(text, values ?? []);
        const results = await pglite.exec(text);
        return { rows: results[results.length - 1]?.rows ?? [] };
      } finally {
        release();
      }
    },
    async end() {
      await tail;
    },
  };
}

/** Kysely reports affected rows only for these commands; `with … update` counts as its verb. */
function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const verb = /\b(insert|update|delete|merge)\b/i.exec(sql.replace(/'(?:[^']|'')*'/g, "''"));
  const head = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase();
  if (head === 'select') return 'SELECT';
  return (verb?.[1]?.toUpperCase() as PostgresQueryResult<unknown>['command']) ?? 'SELECT';
}
