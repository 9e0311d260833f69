import { Client } from 'pg';

// TEST's application usually runs as a role that owns nothing: the owner grants it the use of the
// tables (jenkins/lib/database.mjs). Replacing schema `public` drops those grants with it, so
// the refresh reads them first and replays them, in the same transaction, on the new tables that
// have the same names: schema privileges, table and sequence privileges (audit_events' missing
// UPDATE/DELETE included, as they were) and the refreshing role's default privileges for tables
// created later (run the refresh as the owner that migrates, as deploy does).

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const grantee = (name: string | null) => (name === null ? 'public' : q(name));
const OBJECT_TYPES: Record<string, string> = {
  r: 'tables',
  S: 'sequences',
  f: 'functions',
  T: 'types',
};

interface Acl {
  name: string | null;
  grantee: string | null;
  privilege: string;
  kind?: string;
  role?: string;
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Names of the tables, views and sequences in a database's schema `public`. */
export async function relationNames(url: string): Promise<Set<string>> {
  const rows = await query<{ name: string }>(
    url,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * GRANT statements that give back what roles other than the objects' owners hold on schema
 * `public` of `url` now, limited to the relations `keep` (those the new content has).
 */
export async function grantsToReplay(url: string, keep: Set<string>): Promise<string> {
  const schema = await query<Acl>(
    url,
    `select null as name, r.rolname as grantee, a.privilege_type as privilege
     from pg_namespace n, aclexplode(n.nspacl) a left join pg_roles r on r.oid = a.grantee
     where n.nspname = 'public' and a.grantee <> n.nspowner`,
  );
  const relations = await query<Acl>(
    url,
    `select c.relname as name, r.rolname as grantee, a.privilege_type as privilege,
            case c.relkind when 'S' then 'sequence' else 'table' end as kind
     from pg_class c join pg_namespace n on n.oid = c.relnamespace,
          aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and a.grantee <> c.relowner`,
  );
  const defaults = await query<Acl>(
    url,
    `select d.defaclobjtype as kind, o.rolname as role, r.rolname as grantee, a.privilege_type as privilege,
            null as name
     from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace
          join pg_roles o on o.oid = d.defaclrole,
          aclexplode(d.defaclacl) a left join pg_roles r on r.oid = a.grantee
     where n.nspname = 'public' and o.rolname = current_user`,
  );
  const lines = [
    ...schema.map((a) => `grant ${a.privilege} on schema public to ${grantee(a.grantee)};`),
    ...relations
      .filter((a) => a.name !== null && keep.has(a.name))
      .map(
        (a) =>
          `grant ${a.privilege} on ${a.kind === 'sequence' ? 'sequence ' : ''}public.${q(a.name!)} to ${grantee(a.grantee)};`,
      ),
    ...defaults
      .filter((a) => OBJECT_TYPES[a.kind!])
      .map(
        (a) =>
          `alter default privileges for role ${q(a.role!)} in schema public grant ${a.privilege} on ${OBJECT_TYPES[a.kind!]} to ${grantee(a.grantee)};`,
      ),
  ];
  return [...new Set(lines)].join('\n');
}
