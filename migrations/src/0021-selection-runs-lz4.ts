import { sql, type Kysely } from 'kysely';

// Selection runs store the whole result (every candidate with every rule's outcome): megabytes
// for a wide selection on a large register. PostgreSQL's default TOAST compression (pglz) took
// most of a run's time in the selection benchmark (docs/benchmarks.md, "Selection"); lz4 writes
// the same value about five times faster. A server built without lz4 (PGlite) keeps pglz.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$
    begin
      alter table selection_runs alter column result set compression lz4;
      alter table selection_runs alter column inputs set compression lz4;
    exception when others then
      raise notice 'lz4 compression not available, selection runs keep the default';
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table selection_runs alter column result set compression default`.execute(db);
  await sql`alter table selection_runs alter column inputs set compression default`.execute(db);
}
