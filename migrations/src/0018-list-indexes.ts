import { sql, type Kysely } from 'kysely';

// Indexes the children list needs at scale (docs/benchmarks.md, "Children list"): with 100,000
// children, every filtered page's total `count(*)` read the whole table (15,190 pages) although
// the page itself came from the name_sort index. Only what the plans of the console's queries
// showed is added; search (`q`) is served by the trigram index of migration 0008.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The console's children list filtered by age bands (`filter={"ageBand":["0-2"]}`, birth-date
  // ranges) and by status (`"status":"available"`), alone or together: the total becomes an
  // index-only scan (100,000 children, status + one band: 15,190 buffers / 45 ms → 0.5 ms;
  // status alone 45 → 4 ms). Birth date leads: with status first, the planner combined the
  // index's 55,000 "available" entries with every search's trigram matches (BitmapAnd), and a
  // status + search count went from 2 to 15 ms; in this order it costs a search 2–3 ms at most.
  await sql`create index children_birth_date_status on children (birth_date, status)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index children_birth_date_status`.execute(db);
}
