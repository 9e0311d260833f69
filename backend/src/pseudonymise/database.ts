import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { recordAudit } from '../audit/chain';
import { childDerived } from '../children/schema';
import { adopterDerived } from '../adopters/schema';
import { userDerived } from '../users/repository';
import { CLASSIFICATION, type ColumnRule } from './classification';
import { placeholderFile } from './files';
import type { Needles } from './needles';
import { normaliseCode } from './needles';
import { guessSex, Pseudonymiser } from './people';
import { RecordPseudonymiser, relativeKey, type RecordContext } from './records';
import { assertClassified, type SchemaColumn } from './scan';

// Pseudonymises a whole database in place, in one transaction, following the classification:
// rows of dropped tables deleted, the audit trail restarted, every other column kept, replaced,
// cleared or pseudonymised. Meant for a scratch copy of a PROD backup (refresh.ts), never for a
// live database: nothing here can be undone.

type Row = Record<string, unknown>;
type Trx = Transaction<Database>;

export interface PseudonymiseOptions {
  key: Buffer;
  /** The PROD people (collectNeedles): never produced by chance. */
  needles: Needles;
  /** Recorded in the audit event that starts TEST's new trail (no personal data). */
  detail?: Record<string, unknown>;
}

export interface PseudonymiseReport {
  /** Rows changed per table. */
  changed: Record<string, number>;
  /** Rows deleted per table. */
  deleted: Record<string, number>;
}

const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const identityOf = (code: unknown, fallback: string) => {
  const n = typeof code === 'string' ? normaliseCode(code) : null;
  return n ? `pc:${n}` : fallback;
};

/** A table's rows without their bytea columns (files are replaced, never read). */
async function allRows(trx: Trx, table: string, columns: SchemaColumn[]): Promise<Row[]> {
  const wanted = columns.filter((c) => c.table === table && c.type !== 'bytea');
  const { rows } = await sql<Row>`select ${sql.join(wanted.map((c) => sql.ref(c.column)))}
    from ${sql.table(table)} order by id`.execute(trx.withoutPlugins());
  return rows;
}

export async function pseudonymiseDatabase(
  db: Kysely<Database>,
  opts: PseudonymiseOptions,
): Promise<PseudonymiseReport> {
  return db.transaction().execute(async (trx) => {
    const columns = await assertClassified(trx);
    const jsonb = new Set(
      columns.filter((c) => c.type === 'jsonb').map((c) => `${c.table}.${c.column}`),
    );
    const report: PseudonymiseReport = { changed: {}, deleted: {} };
    const p = new Pseudonymiser(opts.key, opts.needles);

    // Who is who: each child and adopter (and spouse) as the current record names them.
    const contexts = new Map<string, RecordContext>();
    const childrenByName = new Map<string, string>();
    const children = await allRows(trx, 'children', columns);
    for (const c of children) {
      const identity = identityOf(c.personal_code, `children:${String(c.id)}`);
      contexts.set(`children:${String(c.id)}`, {
        resource: 'children',
        main: {
          identity,
          sex: c.sex === 'female' ? 'F' : 'M',
          givenNames: str(c.given_names),
          surname: str(c.surname),
          family: c.sibling_group_id == null ? identity : `group:${String(c.sibling_group_id)}`,
        },
        latestBirth: str(c.care_decision_date) || undefined,
      });
      childrenByName.set(relativeKey(str(c.given_names), str(c.surname), c.birth_date), identity);
    }
    const adopters = await allRows(trx, 'adopters', columns);
    for (const a of adopters) {
      const family = `household:${String(a.id)}`;
      const ctx: RecordContext = {
        resource: 'adopters',
        main: {
          identity: identityOf(a.personal_code, `adopters:${String(a.id)}`),
          sex: guessSex(str(a.given_names)),
          givenNames: str(a.given_names),
          surname: str(a.surname),
          family,
        },
      };
      if (a.spouse_given_names != null) {
        ctx.spouse = {
          identity: identityOf(a.spouse_personal_code, `adopters:${String(a.id)}:spouse`),
          sex: guessSex(str(a.spouse_given_names)),
          givenNames: str(a.spouse_given_names),
          surname: str(a.spouse_surname),
          family,
        };
      }
      contexts.set(`adopters:${String(a.id)}`, ctx);
    }
    const rp = new RecordPseudonymiser(p, childrenByName);

    /** The context of a record, or one made from the values when the record is gone or new. */
    const contextOf = (resource: unknown, id: unknown, values: Row, fallback: string) => {
      const known = id == null ? undefined : contexts.get(`${String(resource)}:${String(id)}`);
      if (known) return known;
      const given = str(values.givenNames);
      const identity = identityOf(values.personalCode, fallback);
      return {
        resource: resource === 'adopters' ? 'adopters' : 'children',
        main: {
          identity,
          sex: values.sex === 'female' ? 'F' : values.sex === 'male' ? 'M' : guessSex(given),
          givenNames: given,
          surname: str(values.surname),
          family: identity,
        },
      } satisfies RecordContext;
    };
    const isRow = (v: unknown): v is Row =>
      typeof v === 'object' && v !== null && !Array.isArray(v);

    /** Person records: every field through the record pseudonymiser, then the derived columns. */
    const personRow = (table: 'children' | 'adopters') => (row: Row) => {
      const values: Row = {};
      for (const [column, rule] of Object.entries(CLASSIFICATION[table]!.columns)) {
        if (rule.treatment !== 'keep' && rule.treatment !== 'recompute' && column in row) {
          values[snakeToCamel(column)] = row[column];
        }
      }
      const out = rp.values(contexts.get(`${table}:${String(row.id)}`)!, values);
      const merged = {
        ...Object.fromEntries(Object.entries(row).map(([k, v]) => [snakeToCamel(k), v])),
        ...out,
      };
      const derived = table === 'children' ? childDerived(merged) : adopterDerived(merged);
      const update: Row = { ...out, ...derived };
      return Object.fromEntries(Object.entries(update).map(([k, v]) => [camelToSnake(k), v]));
    };

    // Columns only a table's own handler knows; anything else is handled by its rule alone.
    const special: Record<string, (row: Row) => Row> = {
      children: personRow('children'),
      adopters: personRow('adopters'),
      users: (row) => {
        const words = str(row.display_name).trim().split(/\s+/);
        const surname = words.length > 1 ? words.pop()! : '';
        const given = words.join(' ');
        const name = p.person(`users:${String(row.id)}`).name(given, surname, guessSex(given));
        const username = `pseudonym-${String(row.id)}`;
        const displayName = `${name.givenNames} ${name.surname}`;
        const email = row.email == null ? null : `${username}@example.invalid`;
        const d = userDerived({ displayName, username, email });
        return {
          username,
          display_name: displayName,
          email,
          display_name_sort: d.displayNameSort,
          search_text: d.searchText,
        };
      },
      child_attachments: (row) => {
        const file = placeholderFile(str(row.category));
        return {
          content: file.content,
          media_type: file.mediaType,
          size_bytes: file.content.length,
          sha256: file.sha256,
          file_name: `${str(row.category)}-${String(row.id)}.${file.extension}`,
        };
      },
      record_changes: (row) => ({
        changes: rp.changes(
          contextOf(
            row.resource,
            row.record_id,
            {},
            `${String(row.resource)}:${String(row.record_id)}`,
          ),
          row.changes,
        ),
      }),
      change_requests: (row) => {
        const proposed = isRow(row.proposed) ? row.proposed : {};
        const ctx = contextOf(
          row.resource,
          row.record_id ?? row.created_record_id,
          proposed,
          `change_requests:${String(row.id)}`,
        );
        return {
          proposed: isRow(row.proposed) ? rp.values(ctx, row.proposed) : rp.unknown(row.proposed),
          values_at_proposal: isRow(row.values_at_proposal)
            ? rp.values(ctx, row.values_at_proposal)
            : rp.unknown(row.values_at_proposal),
        };
      },
    };

    const generic = (table: string, column: string, rule: ColumnRule, row: Row): unknown => {
      const value = row[column];
      if (rule.treatment === 'clear') return rule.to ?? null;
      if (value === null || value === undefined) return value;
      if (rule.how === 'text') return p.text(str(value));
      if (rule.how === 'document-number') return p.documentNumber(str(value));
      if (rule.how === 'institution-email')
        return `${table.replace(/s$/, '').replace(/_/g, '-')}-${String(row.id)}@example.invalid`;
      throw new Error(`${table}.${column}: ${rule.treatment} (${rule.how ?? '-'}) has no handler`);
    };

    const order = ['children', 'adopters', ...Object.keys(CLASSIFICATION)];
    for (const table of [...new Set(order)]) {
      const rule = CLASSIFICATION[table]!;
      if (rule.rows !== 'keep') continue;
      const own = special[table];
      const work = Object.entries(rule.columns).filter(([, r]) => r.treatment !== 'keep');
      if (work.length === 0) continue;
      // Keep version and updated_at as they are: the touch triggers would bump them.
      await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
      let changed = 0;
      for (const row of await allRows(trx, table, columns)) {
        const update: Row = own ? own(row) : {};
        for (const [column, r] of work) {
          if (column in update) continue;
          if (
            own &&
            (r.treatment === 'pseudonymise' ||
              r.treatment === 'recompute' ||
              (r.how && !['text', 'document-number', 'institution-email'].includes(r.how)))
          ) {
            continue;
          }
          update[column] = generic(table, column, r, row);
        }
        const sets = Object.entries(update).filter(
          ([c, v]) => JSON.stringify(v) !== JSON.stringify(row[c]) || Buffer.isBuffer(v),
        );
        if (sets.length === 0) continue;
        const assignments = sets.map(([c, v]) => {
          const value = jsonb.has(`${table}.${c}`) && v !== null ? JSON.stringify(v) : v;
          return sql`${sql.ref(c)} = ${value}`;
        });
        await sql`update ${sql.table(table)} set ${sql.join(assignments)} where id = ${row.id}`.execute(
          trx.withoutPlugins(),
        );
        changed++;
      }
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
      report.changed[table] = changed;
    }

    await dropRows(trx, columns, report);
    await recordAudit(trx, {
      action: 'pseudonymised_copy',
      resource: 'database',
      detail: {
        note: 'Audit trail restarted: this database is a pseudonymised copy',
        ...opts.detail,
      },
    });
    return report;
  });
}

/** Empties the dropped tables and restarts the audit trail (its triggers refuse it otherwise). */
async function dropRows(trx: Trx, columns: SchemaColumn[], report: PseudonymiseReport) {
  const present = new Set(columns.map((c) => c.table));
  const tables = Object.entries(CLASSIFICATION)
    .filter(([t, r]) => r.rows !== 'keep' && present.has(t))
    .map(([t]) => t);
  for (const t of tables) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(t)}`.execute(trx);
    report.deleted[t] = rows[0]!.n;
  }
  await sql`alter table audit_events disable trigger user`.execute(trx);
  await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(trx);
  await sql`alter table audit_events enable trigger user`.execute(trx);
}
