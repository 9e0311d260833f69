import { sql, type Kysely } from 'kysely';

// External registers (issue 15): the answers of PMLP and VDEĀVK kept for REGISTER_CACHE_MINUTES,
// so a card opened twice does not ask a state register twice. The personal code is never stored
// in clear: `lookup_key` is a keyed hash of it (HMAC under DATA_ENCRYPTION_KEY), and the answer,
// which holds names, addresses and disability, is encrypted (secret-box, purpose
// 'register-answer'). One row per register and person, replaced by the next answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table register_answers (
      register text not null check (register in ('population', 'disability')),
      lookup_key text not null,
      answer text not null,
      answered_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (register, lookup_key)
    )`.execute(db);
  await sql`create index register_answers_expires on register_answers (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table register_answers`.execute(db);
}
