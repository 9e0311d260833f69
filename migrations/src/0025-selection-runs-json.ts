import { sql, type Kysely } from 'kysely';

// A selection run stores its whole result: every candidate with the reasons (docs/selection.md,
// "Stored runs"). As `jsonb` PostgreSQL parsed the megabytes of a wide run into its binary form on
// every insert, the largest part of a run's time (docs/benchmarks.md, "Selection"); nothing
// queries inside the stored result with jsonb operators. `json` keeps the text as sent (checked
// that it is JSON, not converted), so the run is re-shown byte for byte as it was stored.
// `proposed` holds apart what an offer checks against a run (the proposed candidates' children
// and who is ahead in the queue), so creating an offer does not read a result of megabytes.
// lz4 stays where the server has it (0021); PGlite keeps pglz.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table selection_runs alter column result type json using result::json`.execute(
    db,
  );
  await sql`alter table selection_runs alter column inputs type json using inputs::json`.execute(
    db,
  );
  await sql`alter table selection_runs add column proposed json`.execute(db);
  await sql`
    do $$
    begin
      alter table selection_runs alter column result set compression lz4;
      alter table selection_runs alter column inputs set compression lz4;
      alter table selection_runs alter column proposed set compression lz4;
    exception when others then
      raise notice 'lz4 compression not available, selection runs keep the default';
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table selection_runs drop column proposed`.execute(db);
  await sql`alter table selection_runs alter column result type jsonb using result::jsonb`.execute(
    db,
  );
  await sql`alter table selection_runs alter column inputs type jsonb using inputs::jsonb`.execute(
    db,
  );
}
