import { sql, type Kysely } from 'kysely';

// Orphan courts propose their sibling-separation decisions as change requests (the register's
// sibling group is changed only when a specialist accepts): the request's resource may now be a
// sibling group too.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table change_requests drop constraint change_requests_resource_check`.execute(db);
  await sql`alter table change_requests add constraint change_requests_resource_check
    check (resource in ('children', 'adopters', 'sibling-groups'))`.execute(db);
}

// Refused (the constraint fails) while a sibling-group request exists: they are records of what
// orphan courts sent, not to be dropped by a schema step.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table change_requests drop constraint change_requests_resource_check`.execute(db);
  await sql`alter table change_requests add constraint change_requests_resource_check
    check (resource in ('children', 'adopters'))`.execute(db);
}
