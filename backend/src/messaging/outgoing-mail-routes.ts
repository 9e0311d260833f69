import { sql } from 'kysely';
import { isoInstant } from '../http/instants';
import { z } from 'zod';
import type { Db, AnyQuery } from '../db/database';
import type { OutboxStatus } from '../db/tables/outbox';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { idParams } from '../http/crud';
import {
  applyFilters,
  applySort,
  equals,
  listQueryDoc,
  parseListQuery,
  setContentRange,
  type ListQuery,
  type ListSpec,
} from '../http/list';
import { addDays, rigaDayStart } from '@adoption/model';
import { MailTemplateError, mailTemplates, renderMail, type RenderedMail } from './templates';

// The outbox in the console (administrators): what was queued, sent or given up on, each mail as
// it reads, and "send again" for a dead-lettered one. The template data and the sealed
// values (a one-time link) never leave the API: the preview shows a placeholder instead.

const resource = 'outgoing-mail';
const tags = ['Outgoing mail'];

const statuses = ['queued', 'published', 'sent', 'failed', 'dead_lettered'] as const;
/** Statuses an administrator may send again: the mail did not go out and nothing will retry it. */
// Only dead letters: a `failed` mail is already on its way back (a retry queue or
// next_attempt_at), and queueing it as well could put two copies in flight.
const retryable: readonly OutboxStatus[] = ['dead_lettered'];

/** Stands for a sealed value (a one-time link) in the preview; `.invalid` never resolves. */
export const HIDDEN_LINK = 'https://link.hidden.invalid/one-time-link-not-shown';
/**
 * Fields that carry a one-time secret. Queued since the sealing (migration 0010) they are absent
 * from `data`; a row queued before it may still hold the link readable, which is masked too.
 */
const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'set-password': ['link'],
  'reset-password': ['link'],
};

const instant = z.string().meta({ format: 'date-time' });
const overview = {
  id: z.number().int(),
  recipient: z.string(),
  template: z.string(),
  language: z.enum(['lv', 'en']),
  status: z.enum(statuses),
  attempts: z.number().int(),
  createdAt: instant,
  lastAttemptAt: instant.nullable(),
  publishedAt: instant.nullable(),
  sentAt: instant.nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: instant.nullable(),
};
const columns = Object.keys(overview);

export const outgoingMailRecord = z.object(overview).meta({ id: 'OutgoingMail' });
export const outgoingMailDetail = z
  .object({
    ...overview,
    hasSealedValues: z
      .boolean()
      .meta({ description: 'The row holds encrypted secret values (never shown)' }),
    placeholders: z
      .array(z.string())
      .meta({ description: 'Data fields the preview shows as placeholders (secret values)' }),
    rendered: z
      .object({ subject: z.string(), text: z.string(), html: z.string() })
      .nullable()
      .meta({ description: 'The mail as it reads, secret values replaced by placeholders' }),
    renderError: z.string().nullable(),
    contentWithheld: z.boolean().meta({
      description:
        'A letter to an adopter or an institution: its content is not shown to administrators',
    }),
  })
  .meta({ id: 'OutgoingMailDetail' });

/**
 * Letters about the register's cases (to adopters, care institutions). The administrator keeps
 * the mail flowing but reads no case (docs/security.md), so their content is not previewed; the
 * account mails (set or reset a password, a locked account) are.
 */
const CASE_LETTERS = new Set([
  'child-information-ready',
  'offer-deadline-approaching',
  'report-due',
  'deadline-reminder',
  'post-adoption-report-due',
  // A specialist's letter to adopters (campaigns/).
  'adopter-notice',
  'register-differences-summary',
  // The specialist's comment is free text about a case.
  'change-request-accepted',
  'change-request-returned',
]);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .refine((s) => DAY.test(s) && !isNaN(Date.parse(s)), 'must be a date such as 2026-03-01');

/** Case-insensitive substring of the recipient's address (`%` and `_` are taken literally). */
const recipientSearch = {
  schema: z.string().max(254),
  apply: (qb: AnyQuery, v: string) => {
    const text = v.trim();
    if (!text) return qb;
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return qb.where('recipient', 'ilike', pattern);
  },
};

export const outgoingMailList: ListSpec = {
  sort: { id: 'id', createdAt: 'createdAt', status: 'status', template: 'template' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    status: equals('status', z.enum(statuses)),
    template: equals('template', z.string().max(64)),
    language: equals('language', z.enum(['lv', 'en'])),
    // Whole days in Latvian time, like the audit trail.
    createdAt_gte: {
      schema: day,
      apply: (qb: AnyQuery, v: string) => qb.where('createdAt', '>=', rigaDayStart(v)),
    },
    createdAt_lte: {
      schema: day,
      apply: (qb: AnyQuery, v: string) => qb.where('createdAt', '<', rigaDayStart(addDays(v, 1))),
    },
    q: recipientSearch,
  },
};

function filtered(db: Db, filter: ListQuery['filter']): AnyQuery {
  // `q` is this resource's own search (applyFilters' `q` is for folded search columns).
  const { q, ...rest } = filter;
  let qb = applyFilters(db.selectFrom('outbox') as AnyQuery, outgoingMailList, rest);
  if (q !== undefined) qb = recipientSearch.apply(qb, q as string);
  return qb;
}

const iso = isoInstant;

/** The overview of a row: never `data` nor `sealedData`. `id` is a bigint (a string from pg). */
function present(row: Record<string, unknown>) {
  return {
    id: Number(row.id),
    recipient: row.recipient as string,
    template: row.template as string,
    language: row.language as 'lv' | 'en',
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    createdAt: iso(row.createdAt)!,
    lastAttemptAt: iso(row.lastAttemptAt),
    publishedAt: iso(row.publishedAt),
    sentAt: iso(row.sentAt),
    lastError: (row.lastError as string | null) ?? null,
    nextAttemptAt: iso(row.nextAttemptAt),
  };
}

/**
 * The template data as the preview renders it: a secret field, or a missing field that takes a
 * link (what a sealed value is), becomes the placeholder link. Any other missing or bad field is
 * left for renderMail to name. The sealed values themselves are never opened.
 */
export function previewData(
  template: string,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; placeholders: string[] } {
  if (!Object.hasOwn(mailTemplates, template)) return { data, placeholders: [] };
  const shape = mailTemplates[template as keyof typeof mailTemplates].shape as Record<
    string,
    z.ZodType
  >;
  const secret = SECRET_FIELDS[template] ?? [];
  const merged = { ...data };
  const placeholders: string[] = [];
  for (const [field, schema] of Object.entries(shape)) {
    const missing = !Object.hasOwn(data, field);
    if (secret.includes(field) || (missing && schema.safeParse(HIDDEN_LINK).success)) {
      merged[field] = HIDDEN_LINK;
      placeholders.push(field);
    }
  }
  return { data: merged, placeholders };
}

function preview(row: {
  template: string;
  language: string;
  data: unknown;
  sealedData: string | null;
}) {
  const data =
    typeof row.data === 'object' && row.data !== null && !Array.isArray(row.data)
      ? (row.data as Record<string, unknown>)
      : {};
  if (CASE_LETTERS.has(row.template)) {
    return {
      hasSealedValues: row.sealedData !== null,
      placeholders: [],
      rendered: null,
      renderError: null,
      contentWithheld: true,
    };
  }
  const { data: view, placeholders } = previewData(row.template, data);
  let rendered: RenderedMail | null = null;
  let renderError: string | null = null;
  try {
    rendered = renderMail(row.template, row.language, view);
  } catch (err) {
    if (!(err instanceof MailTemplateError)) throw err;
    renderError = err.message;
  }
  return {
    hasSealedValues: row.sealedData !== null,
    placeholders,
    rendered,
    renderError,
    contentWithheld: false,
  };
}

/** `GET/POST /api/outgoing-mail…`: the outbox for administrators (list, show, send again). */
export function outgoingMailRoutes(maxPage: number): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: `/api/${resource}`,
      summary: 'List queued and sent e-mails (newest first)',
      tags,
      access: 'outgoing-mail:read',
      query: listQueryDoc,
      response: {
        description:
          'One page of the outbox, without the template data. Sort: id, createdAt, status, template. Filters: status, template, language, createdAt_gte, createdAt_lte (ISO dates, whole days in Latvian time), q (part of the recipient address, any case).',
        schema: z.array(outgoingMailRecord),
        headers: { 'Content-Range': '`outgoing-mail first-last/total`' },
      },
      // Recipients are personal data: who listed them is in the audit trail.
      handler: async ({ db, ctx, audit }) => {
        const q = parseListQuery(ctx.query, outgoingMailList, maxPage);
        const base = filtered(db, q.filter);
        const [rows, total] = await Promise.all([
          applySort(base.select(columns), outgoingMailList, q.sort)
            .limit(q.range[1] - q.range[0] + 1)
            .offset(q.range[0])
            .execute() as Promise<Record<string, unknown>[]>,
          base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
        ]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const page = rows.map(present);
        await audit({ action: 'list', resource, recordIds: page.map((r) => r.id) });
        return page;
      },
    }),
    defineRoute({
      method: 'get',
      path: `/api/${resource}/:id`,
      summary:
        'Show one e-mail as it reads (secret values such as a one-time link as placeholders)',
      tags,
      access: 'outgoing-mail:read',
      params: idParams,
      response: { description: 'The e-mail', schema: outgoingMailDetail },
      handler: async ({ db, params, audit }) => {
        const row = await db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!row) throw Problem.notFound(`No outgoing mail with id ${params.id}.`);
        await audit({ action: 'read', resource, recordId: params.id });
        return { ...present(row), ...preview(row) };
      },
    }),
    defineRoute({
      method: 'post',
      path: `/api/${resource}/:id/retry`,
      summary: 'Send a dead-lettered e-mail again: back to `queued`, attempts and last error kept',
      tags,
      access: 'outgoing-mail:write',
      params: idParams,
      response: { description: 'The e-mail, queued again', schema: outgoingMailRecord },
      handler: async ({ db, params, audit }) => {
        // Locked, so a deliverer claiming the row at this moment waits for (or skips) this change.
        const row = await db
          .selectFrom('outbox')
          .select(['id', 'status'])
          .where('id', '=', params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw Problem.notFound(`No outgoing mail with id ${params.id}.`);
        if (!retryable.includes(row.status)) {
          throw Problem.conflict(
            `Only a dead-lettered e-mail can be sent again; this one is ${row.status}${row.status === 'failed' ? ' and is retried automatically' : ''}.`,
            { status: row.status },
          );
        }
        const updated = await db
          .updateTable('outbox')
          .set({ status: 'queued', nextAttemptAt: null })
          .where('id', '=', params.id)
          .returning(columns as never[])
          .executeTakeFirstOrThrow();
        await audit({
          action: 'retry',
          resource,
          recordId: params.id,
          detail: { previousStatus: row.status },
        });
        return present(updated as Record<string, unknown>);
      },
    }),
  ] as RouteDef[];
}
