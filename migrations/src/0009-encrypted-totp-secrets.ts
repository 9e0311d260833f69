import { sql, type Kysely } from 'kysely';

// TOTP secrets are stored encrypted (AES-256-GCM, `v1:<iv>:<tag>:<ciphertext>`, mfa/secret-box.ts).
// A plain base32 secret written before this change is still accepted until it is next written.

const encryptedOrLegacy = `'^(v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+|[A-Z2-7]{32})$'`;
const legacy = `'^[A-Z2-7]{32}$'`;

async function recheck(db: Kysely<unknown>, pattern: string) {
  for (const column of ['totp_secret', 'totp_pending_secret']) {
    await sql`alter table users drop constraint ${sql.id(`users_${column}_check`)}`.execute(db);
    await sql`alter table users add constraint ${sql.id(`users_${column}_check`)} check (${sql.ref(column)} ~ ${sql.raw(pattern)})`.execute(
      db,
    );
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recheck(db, encryptedOrLegacy);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Encrypted secrets cannot go back into a plain column: those second factors are reset.
  await sql`update users set totp_secret = null, totp_pending_secret = null, mfa_enabled_at = null where totp_secret like 'v1:%' or totp_pending_secret like 'v1:%'`.execute(
    db,
  );
  await recheck(db, legacy);
}
