import type { AnyQuery } from '../db/database';
import { addDays, rigaDayStart } from '@adoption/model';
import { sql } from 'kysely';
import { z } from 'zod';
import { equals, type FilterDef, type ListSpec } from '../http/list';
import { searchTokens } from '../latvian/search';
import { searchWords } from './mask';
import { BIGINT_MAX, idNumber } from '../http/ids';

const json = z.unknown();

/** One event of the audit trail as the API shows it. */
export const auditEventRecord = z
  .object({
    id: z.number().int(),
    occurredAt: z.string().meta({ format: 'date-time' }),
    actorUserId: z.number().int().nullable(),
    actorUsername: z.string().nullable(),
    actorRole: z.string().nullable(),
    sessionId: z.string().nullable(),
    action: z
      .string()
      .meta({ description: 'create, update, delete, read, list, export, login, …' }),
    resource: z.string(),
    recordId: z.string().nullable(),
    recordIds: z.array(z.string()).nullable().meta({ description: 'Ids a list page showed' }),
    changes: z
      .record(z.string(), z.object({ old: json.optional(), new: json.optional() }))
      .nullable()
      .meta({ description: '`{"field":{"old":…,"new":…}}`; sensitive values are "***"' }),
    detail: z.record(z.string(), json).nullable(),
    requestId: z.string().nullable(),
    clientIp: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const auditColumns = Object.keys(auditEventRecord.shape);

export const chainReport = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    lastId: z.number().int().optional(),
    lastHash: z.string().optional(),
    firstBreak: z
      .object({ id: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch']) })
      .optional(),
  })
  .meta({ id: 'AuditChainReport' });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO date (a whole day in Latvian time) or an ISO date-time with offset. */
const moment = z
  .string()
  .refine(
    (s) =>
      DAY.test(s) ? !isNaN(Date.parse(s)) : z.iso.datetime({ offset: true }).safeParse(s).success,
    'must be a date (2026-03-01) or a date-time with offset (2026-03-01T09:00:00+02:00)',
  );

const recordIdFilter: FilterDef = {
  schema: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
  // The record itself (record_id) or a list page that showed it (record_ids, GIN index).
  apply: (qb: AnyQuery, v: string) =>
    qb.where((eb) =>
      eb.or([
        eb('recordId', '=', v),
        sql<boolean>`${sql.ref('recordIds')} @> ${JSON.stringify([v])}::jsonb`,
      ]),
    ),
};

/** Words in the user name, action, resource, record id or request id (case-insensitive). */
const searchFilter: FilterDef = {
  schema: z.string().max(200),
  apply: (qb: AnyQuery, v: string) => {
    for (const token of searchTokens(v)) {
      const pattern = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb = qb.where((eb) =>
        eb.or(
          ['actorUsername', 'action', 'resource', 'recordId', 'requestId'].map((c) =>
            eb(c, 'ilike', pattern),
          ),
        ),
      );
    }
    return qb;
  },
};

/**
 * The events of searches (any list's or export's `q`) that held every word of the term, a
 * personal code with or without its hyphen, and the state registers' queries about that code for
 * a card not yet saved (`personKey`, registers/entry.ts). Terms are stored keyed (audit/mask.ts),
 * so the route keys the given term the same way and `apply` gets the keys.
 */
const searchedForFilter: FilterDef = {
  schema: z
    .string()
    .max(200)
    .refine((s) => searchWords(s).length > 0, 'must hold a word or a personal code'),
  apply: (qb: AnyQuery, keys: string[]) =>
    qb.where(
      sql<boolean>`(${sql.ref('detail')} #> '{filter,q,keyed}' @> ${JSON.stringify(keys)}::jsonb or ${sql.ref('detail')} #> '{personKey,keyed}' @> ${JSON.stringify(keys)}::jsonb)`,
    ),
};

export const auditEventList: ListSpec = {
  sort: { id: 'id', occurredAt: 'occurredAt' },
  defaultSort: ['id', 'DESC'],
  idMax: BIGINT_MAX,
  filters: {
    actorUserId: equals('actorUserId', idNumber()),
    actorUsername: equals('actorUsername', z.string().max(64)),
    resource: equals('resource', z.string().max(64)),
    action: equals('action', z.string().max(40)),
    recordId: recordIdFilter,
    occurredAt_gte: {
      schema: moment,
      apply: (qb: AnyQuery, v: string) =>
        qb.where('occurredAt', '>=', DAY.test(v) ? rigaDayStart(v) : new Date(v)),
    },
    occurredAt_lte: {
      schema: moment,
      // A whole day counts up to its end.
      apply: (qb: AnyQuery, v: string) =>
        DAY.test(v)
          ? qb.where('occurredAt', '<', rigaDayStart(addDays(v, 1)))
          : qb.where('occurredAt', '<=', new Date(v)),
    },
    q: searchFilter,
    searchedFor: searchedForFilter,
  },
};
