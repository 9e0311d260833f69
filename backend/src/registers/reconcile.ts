import { sql, type Insertable, type Transaction } from 'kysely';
import type { RegisterDifferencesTable } from '../db/tables/register-differences';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { recordAudit } from '../audit/chain';
import { enqueueMail, wakeOutbox } from '../messaging/outbox';
import { defineJob, type JobContext } from '../jobs/define';
import { askRegisters } from './check';
import type { CheckResource } from './compare';
import { differencesOf, type FoundDifference } from './differences';
import type { LookupContext, RegisterClient } from './client';
import type { RegisterName } from './types';

/**
 * The nightly reconciliation (00:30 Riga, once across processes: jobs/): every active child and
 * adopter with a personal code is checked against PMLP (children against VDEĀVK too), a few at a
 * time (REGISTER_PARALLEL), and each difference is kept in the work queue `register_differences`
 * (docs/integrations.md, "Nightly reconciliation"): new ones opened, those still there marked
 * seen, those a register no longer shows resolved as `gone`. Afterwards the specialists get a
 * summary by e-mail (counts and a link, never a name). Every query is audited by the client with
 * the record it was made for and the purpose; the run's counts are its result.
 */

export const RECONCILE_PURPOSE = 'nightly reconciliation';

/** Cases still in the register's work: closed ones are not asked about (no purpose left). */
const closedChildren = ['adopted', 'withdrawn'] as const;
const closedAdopters = ['adopted', 'closed', 'revoked'] as const;

/** Who is told about the queue: those who work it. */
const queueRoles = ['adoption_specialist', 'head_of_department'] as const;

export interface ReconcileOptions {
  /** Records per batch (read, asked, written in one transaction). Default 100. */
  batchSize?: number;
  /** Queries in flight at once; default REGISTER_PARALLEL (4). */
  parallel?: number;
  /** Only these resources (the benchmark); default both. */
  resources?: readonly CheckResource[];
  /** No summary mail (the benchmark). */
  noMail?: boolean;
}

export interface ReconcileResult extends Record<string, unknown> {
  checked: number;
  withDifferences: number;
  opened: number;
  stillOpen: number;
  gone: number;
  unavailable: number;
  mailed: number;
  notConfigured?: boolean;
}

const childColumns = [
  'id',
  'personalCode',
  'givenNames',
  'surname',
  'birthDate',
  'sex',
  'disabilityGroup',
  'disabilityFrom',
  'disabilityUntil',
] as const;
const adopterColumns = [
  'id',
  'personalCode',
  'givenNames',
  'surname',
  'birthDate',
  'declaredAddress',
  'spouseGivenNames',
  'spouseSurname',
  'spouseBirthDate',
] as const;

type Row = Record<string, unknown> & { id: number };

function batchOf(ctx: JobContext, resource: CheckResource, afterId: number, size: number) {
  const rows =
    resource === 'children'
      ? ctx.db
          .selectFrom('children')
          .select([...childColumns])
          .where('status', 'not in', [...closedChildren])
          .where('personalCode', 'is not', null)
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(size)
          .execute()
      : ctx.db
          .selectFrom('adopters')
          .select([...adopterColumns])
          .where('status', 'not in', [...closedAdopters])
          .where('personalCode', 'is not', null)
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(size)
          .execute();
  return rows as Promise<Row[]>;
}

async function countOf(ctx: JobContext, resource: CheckResource) {
  const row =
    resource === 'children'
      ? await ctx.db
          .selectFrom('children')
          .select(sql<number>`count(*)`.as('n'))
          .where('status', 'not in', [...closedChildren])
          .where('personalCode', 'is not', null)
          .executeTakeFirstOrThrow()
      : await ctx.db
          .selectFrom('adopters')
          .select(sql<number>`count(*)`.as('n'))
          .where('status', 'not in', [...closedAdopters])
          .where('personalCode', 'is not', null)
          .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs `work` over `items` with at most `limit` at once, in order of the items. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export async function runReconciliation(
  ctx: JobContext,
  client: RegisterClient | undefined,
  opts: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    checked: 0,
    withDifferences: 0,
    opened: 0,
    stillOpen: 0,
    gone: 0,
    unavailable: 0,
    mailed: 0,
  };
  if (!client?.configured('population')) {
    await ctx.progress(100, 'Iedzīvotāju reģistrs nav konfigurēts: nekas netika pārbaudīts');
    return { ...result, notConfigured: true };
  }
  const batchSize = opts.batchSize ?? 100;
  const parallel = opts.parallel ?? ctx.config.REGISTER_PARALLEL ?? 4;
  const resources = opts.resources ?? (['children', 'adopters'] as const);
  // The job's queries in the trail: no person asked, the run instead.
  const check: LookupContext = {
    db: ctx.db,
    audit: async (e) =>
      void (await recordAudit(ctx.db, {
        ...e,
        detail: { ...e.detail, job: 'register-reconciliation', runId: ctx.runId },
      })),
  };
  const totals = await Promise.all(resources.map((r) => countOf(ctx, r)));
  const total = Math.max(
    1,
    totals.reduce((a, b) => a + b, 0),
  );
  await ctx.progress(0, `${total} personas pārbaudei`);

  for (const resource of resources) {
    let afterId = 0;
    for (;;) {
      await ctx.checkCancelled();
      const rows = await batchOf(ctx, resource, afterId, batchSize);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      const found = await eachLimited(rows, parallel, async (row) => {
        const asked = await askRegisters(check, client, resource, row, RECONCILE_PURPOSE);
        return { id: row.id, ...differencesOf(resource, row, asked) };
      });
      await inTransaction(ctx.db, ctx.log, (trx) =>
        keepDifferences(trx, ctx, resource, found, result),
      );
      result.checked += rows.length;
      await ctx.progress(
        (result.checked / total) * 100,
        `Pārbaudīti ${result.checked} no ${total}; jaunas atšķirības: ${result.opened}`,
      );
    }
  }
  if (!opts.noMail) result.mailed = await mailSummary(ctx, result);
  await ctx.progress(
    100,
    `Pārbaudīti ${result.checked}; jaunas atšķirības ${result.opened}, vairs neatšķiras ` +
      `${result.gone}, reģistrs neatbildēja ${result.unavailable}`,
  );
  return result;
}

const sameValues = (a: { ours: string | null; theirs: string | null }, b: FoundDifference) =>
  a.ours === b.ours && a.theirs === b.theirs;

/**
 * One batch's differences into the queue: an open item per record and field updated (seen now,
 * the values as they are tonight), a new one opened unless the same two values were explained
 * before, and the open items of a register that answered and no longer shows them resolved `gone`.
 */
async function keepDifferences(
  trx: Transaction<Database>,
  ctx: JobContext,
  resource: CheckResource,
  found: ({ id: number } & ReturnType<typeof differencesOf>)[],
  result: ReconcileResult,
) {
  const ids = found.map((f) => f.id);
  const existing = await trx
    .selectFrom('registerDifferences')
    .select(['id', 'recordId', 'register', 'field', 'status', 'resolution', 'ours', 'theirs'])
    .where('resource', '=', resource)
    .where('recordId', 'in', ids)
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('resolution', '=', 'explained')]))
    .orderBy('id', 'desc')
    .execute();
  const key = (recordId: number, field: string) => `${recordId}:${field}`;
  const open = new Map<string, (typeof existing)[number]>();
  const explained = new Map<string, (typeof existing)[number][]>();
  for (const e of existing) {
    if (e.status === 'open') open.set(key(e.recordId, e.field), e);
    else {
      const list = explained.get(key(e.recordId, e.field)) ?? [];
      list.push(e);
      explained.set(key(e.recordId, e.field), list);
    }
  }
  const now = ctx.now();
  const toInsert: Insertable<RegisterDifferencesTable>[] = [];
  const seen: number[] = [];
  const gone: number[] = [];
  for (const f of found) {
    if (f.answered.length < (resource === 'children' ? 2 : 1)) result.unavailable += 1;
    if (f.differences.length) result.withDifferences += 1;
    const here = new Set<string>();
    for (const d of f.differences) {
      const k = key(f.id, d.field);
      here.add(k);
      const item = open.get(k);
      if (item) {
        seen.push(item.id);
        result.stillOpen += 1;
        if (!sameValues(item, d)) {
          await trx
            .updateTable('registerDifferences')
            .set({
              ours: d.ours,
              theirs: d.theirs,
              state: d.state,
              version: sql<number>`version + 1`,
            })
            .where('id', '=', item.id)
            .execute();
        }
        continue;
      }
      // Explained before with these same two values: the specialist's reason still holds.
      if ((explained.get(k) ?? []).some((e) => sameValues(e, d))) continue;
      toInsert.push({
        resource,
        recordId: f.id,
        register: d.register,
        field: d.field,
        kind: d.kind,
        state: d.state,
        ours: d.ours,
        theirs: d.theirs,
        foundRunId: ctx.runId,
        foundAt: now,
        seenRunId: ctx.runId,
        seenAt: now,
      });
    }
    const answered = new Set<RegisterName>(f.answered);
    for (const [k, item] of open) {
      if (item.recordId !== f.id || here.has(k)) continue;
      if (answered.has(item.register)) gone.push(item.id);
    }
  }
  if (toInsert.length) {
    await trx.insertInto('registerDifferences').values(toInsert).execute();
    result.opened += toInsert.length;
  }
  if (seen.length) {
    await trx
      .updateTable('registerDifferences')
      .set({ seenRunId: ctx.runId, seenAt: now })
      .where('id', 'in', seen)
      .execute();
  }
  if (gone.length) {
    await trx
      .updateTable('registerDifferences')
      .set({
        status: 'resolved',
        resolution: 'gone',
        resolvedAt: now,
        seenRunId: ctx.runId,
        seenAt: now,
        version: sql<number>`version + 1`,
      })
      .where('id', 'in', gone)
      .where('status', '=', 'open')
      .execute();
    result.gone += gone.length;
  }
}

/**
 * The summary to each active specialist and head of department with an e-mail address: tonight's
 * new differences, all open ones, those assigned to them. Counts and a link only. Nobody to tell:
 * the register's mailbox. Nothing new and nothing assigned: no mail.
 */
async function mailSummary(ctx: JobContext, result: ReconcileResult): Promise<number> {
  return inTransaction(ctx.db, ctx.log, async (trx, onCommit) => {
    const { n: openCount } = await trx
      .selectFrom('registerDifferences')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const assigned = await trx
      .selectFrom('registerDifferences')
      .select(['assignedTo', sql<number>`count(*)`.as('n')])
      .where('status', '=', 'open')
      .where('assignedTo', 'is not', null)
      .groupBy('assignedTo')
      .execute();
    const assignedTo = new Map(assigned.map((a) => [a.assignedTo!, Number(a.n)]));
    const users = await trx
      .selectFrom('users')
      .select(['id', 'displayName', 'email', 'preferredLanguage'])
      .where('active', '=', true)
      .where('role', 'in', [...queueRoles])
      .where('email', 'is not', null)
      .orderBy('id')
      .execute();
    // As the app's own links (App.publicUrl): PUBLIC_URL, else this machine's port.
    const base = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT ?? 3000}`;
    const link = `${base.replace(/\/$/, '')}/#/register-differences`;
    const data = (name: string, mine: number) => ({
      recipientName: name,
      runDate: ctx.runFor,
      newCount: result.opened,
      openCount: Number(openCount),
      assignedCount: mine,
      link,
    });
    let mailed = 0;
    const recipients = users.length
      ? users.map((u) => ({
          key: `u${u.id}`,
          email: u.email!,
          lang: u.preferredLanguage,
          name: u.displayName,
          mine: assignedTo.get(u.id) ?? 0,
        }))
      : [
          {
            key: 'mailbox',
            email: ctx.config.REGISTER_MAILBOX,
            lang: 'lv' as const,
            name: 'Adopcijas reģistrs',
            mine: 0,
          },
        ];
    for (const r of recipients) {
      if (result.opened === 0 && r.mine === 0) continue;
      await enqueueMail(trx, {
        idempotencyKey: `register-reconciliation:${ctx.runId}:${r.key}`,
        recipient: r.email,
        template: 'register-differences-summary',
        language: r.lang,
        data: data(r.name, r.mine),
      });
      mailed += 1;
    }
    if (mailed) onCommit(wakeOutbox);
    return mailed;
  });
}

/** The job: nightly at 00:30 Riga time (before the deadline job; never in the 03:00 hour). */
export const registerReconciliationJob = defineJob({
  name: 'register-reconciliation',
  title: {
    lv: 'Salīdzināšana ar valsts reģistriem',
    en: 'Reconciliation with the state registers',
  },
  cron: '30 0 * * *',
  handler: (ctx) => runReconciliation(ctx, ctx.registers),
});
