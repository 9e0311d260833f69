import { sql, type Kysely } from 'kysely';

// Photos and attached documents of the child's card (Register issue). A file is kept either in
// the row (`content`, when ATTACHMENTS_DIR is unset) or under a random key in that directory
// (`storage_key`), never both. The API checks type by content and size before it gets here;
// these checks are the last line. Deleting a child deletes its rows (files on disk: see
// docs/attachments.md).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table child_attachments (
      id integer generated always as identity primary key,
      child_id integer not null references children (id) on delete cascade,
      category text not null check (category in
        ('photo', 'record_sheet', 'court_decision', 'medical', 'birth_family', 'other')),
      file_name text not null check (
        length(file_name) between 1 and 200
        and strpos(file_name, '/') = 0 and strpos(file_name, '\\') = 0
        and file_name not in ('.', '..')),
      media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea,
      storage_key text check (storage_key ~ '^[0-9a-f]{2}/[0-9a-f]{32}$'),
      note text check (length(note) <= 2000),
      uploaded_by integer not null references users (id),
      created_at timestamptz not null default now(),
      constraint child_attachments_storage check ((content is null) <> (storage_key is null)),
      constraint child_attachments_size check (content is null or octet_length(content) = size_bytes)
    )`.execute(db);
  await sql`create index child_attachments_child on child_attachments (child_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table child_attachments`.execute(db);
}
