import { sql, type Transaction } from 'kysely';
import { addDays, type Language } from '@adoption/model';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import { enqueueMail, wakeOutbox, type OutgoingMail } from '../messaging/outbox';
import { recordAudit } from '../audit/chain';
import { currentParameters } from '../selection/parameters';
import { defineJob, type JobContext } from './define';
import { caseReference } from '../offers/context';

/**
 * The nightly deadline job (02:30 Riga): open deadlines past due become `overdue` (with one notice
 * to the register's mailbox); open deadlines due within `reminderDaysBefore` days get one reminder
 * — the answer deadline and post-adoption reports to the adopter, the others to the register's
 * mailbox. Offers are not moved here (offers/ does that). Mail goes into the outbox in the same
 * transaction as the deadline's change, so a failed batch queues nothing.
 */

/** How a deadline's case is named in letters: the offer's reference (as in the letter that sent
 * the information), never a child's name; `TERM-<id>` for a deadline of no offer. */
const caseReferenceOf = (d: { id: number; offerId: number | null; offerSentOn: string | null }) =>
  d.offerId !== null && d.offerSentOn !== null
    ? caseReference(d.offerId, d.offerSentOn)
    : `TERM-${d.id}`;

export interface DeadlineJobOptions {
  /** Deadlines per transaction (default 200). */
  batchSize?: number;
  /** Tests: runs inside each batch's transaction before it commits (a throw rolls it back). */
  beforeCommit?: (trx: Transaction<Database>) => Promise<void>;
}

export interface DeadlineJobResult extends Record<string, number> {
  overdue: number;
  reminders: number;
  overdueNotices: number;
}

interface DueRow {
  id: number;
  kind: (typeof import('@adoption/model').deadlineKinds)[number];
  offerId: number | null;
  offerSentOn: string | null;
  dueOn: string;
  adopterId: number | null;
}

interface Recipient {
  adopterId: number;
  email: string | null;
  name: string;
  language: Language;
}

export async function runDeadlines(
  ctx: JobContext,
  opts: DeadlineJobOptions = {},
): Promise<DeadlineJobResult> {
  const batchSize = opts.batchSize ?? 200;
  const today = ctx.runFor;
  const { values } = await currentParameters(ctx.db);
  const horizon = addDays(today, values.reminderDaysBefore);
  const result: DeadlineJobResult = { overdue: 0, reminders: 0, overdueNotices: 0 };

  const base = () =>
    ctx.db
      .selectFrom('deadlines as d')
      .leftJoin('offers as o', 'o.id', 'd.offerId')
      .select([
        'd.id',
        'd.kind',
        'd.offerId',
        'o.sentOn as offerSentOn',
        'd.dueOn',
        sql<number | null>`coalesce(d.adopter_id, o.adopter_id)`.as('adopterId'),
      ])
      .where('d.status', '=', 'open')
      .orderBy('d.id')
      .limit(batchSize);

  const [{ n: overdueTotal }, { n: remindTotal }] = await Promise.all([
    ctx.db
      .selectFrom('deadlines')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'open')
      .where('dueOn', '<', today)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('deadlines')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'open')
      .where('dueOn', '>=', today)
      .where('dueOn', '<=', horizon)
      .where('remindedOn', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const total = Math.max(1, Number(overdueTotal) + Number(remindTotal));
  let done = 0;
  await ctx.progress(0, `${total} termiņi apstrādei`);

  // 1. Past due: overdue, and one notice each to the register's mailbox.
  let afterId = 0;
  for (;;) {
    await ctx.checkCancelled();
    const rows: DueRow[] = await base()
      .where('d.dueOn', '<', today)
      .where('d.id', '>', afterId)
      .execute();
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    await inTransaction(ctx.db, ctx.log, async (trx, onCommit) => {
      const marked = await trx
        .updateTable('deadlines')
        .set({ status: 'overdue' })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .where('status', '=', 'open')
        .returning('id')
        .execute();
      const ids = new Set(marked.map((m) => m.id));
      for (const d of rows.filter((r) => ids.has(r.id))) {
        await enqueueMail(trx, mailboxLetter(ctx, d, true));
        result.overdueNotices += 1;
      }
      result.overdue += ids.size;
      await opts.beforeCommit?.(trx);
      onCommit(wakeOutbox);
    });
    done += rows.length;
    await ctx.progress((done / total) * 100, `Nokavēti: ${result.overdue}`);
  }

  // 2. Due within the reminder window and not yet reminded: one reminder each.
  afterId = 0;
  for (;;) {
    await ctx.checkCancelled();
    const rows: DueRow[] = await base()
      .where('d.dueOn', '>=', today)
      .where('d.dueOn', '<=', horizon)
      .where('d.remindedOn', 'is', null)
      .where('d.id', '>', afterId)
      .execute();
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    await inTransaction(ctx.db, ctx.log, async (trx, onCommit) => {
      const marked = await trx
        .updateTable('deadlines')
        .set({ remindedOn: today })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .where('remindedOn', 'is', null)
        .where('status', '=', 'open')
        .returning('id')
        .execute();
      const ids = new Set(marked.map((m) => m.id));
      const chosen = rows.filter((r) => ids.has(r.id));
      const recipients = await recipientsOf(
        trx,
        chosen
          .filter((d) => d.kind === 'answer' || d.kind === 'post_adoption_report')
          .map((d) => d.adopterId)
          .filter((id): id is number => id !== null),
      );
      const mailed: number[] = [];
      for (const d of chosen) {
        const adopter = d.adopterId !== null ? recipients.get(d.adopterId) : undefined;
        const letter = adopterLetter(d, adopter) ?? mailboxLetter(ctx, d, false);
        if (letter.recipient === adopter?.email) mailed.push(adopter.adopterId);
        await enqueueMail(trx, letter);
        result.reminders += 1;
      }
      if (mailed.length > 0) {
        // The adopters whose contact the job read to write to them.
        await recordAudit(trx, {
          action: 'send',
          resource: 'adopters',
          recordIds: [...new Set(mailed)],
          detail: { job: 'deadlines', runId: ctx.runId, runFor: today },
        });
      }
      await opts.beforeCommit?.(trx);
      onCommit(wakeOutbox);
    });
    done += rows.length;
    await ctx.progress((done / total) * 100, `Atgādinājumi: ${result.reminders}`);
  }
  await ctx.progress(100, `Nokavēti: ${result.overdue}; atgādinājumi: ${result.reminders}`);
  return result;
}

async function recipientsOf(trx: Transaction<Database>, ids: number[]) {
  if (ids.length === 0) return new Map<number, Recipient>();
  const rows = await trx
    .selectFrom('adopters')
    .select([
      'id',
      'email',
      'givenNames',
      'surname',
      'spouseGivenNames',
      'spouseSurname',
      'preferredLanguage',
    ])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((a) => [
      a.id,
      {
        adopterId: a.id,
        email: a.email,
        name: adopterName(a),
        language: a.preferredLanguage,
      },
    ]),
  );
}

/** "Anna Kalniņa un Jānis Kalniņš": how a letter greets the adopter (or the spouses). */
export function adopterName(a: {
  givenNames: string;
  surname: string;
  spouseGivenNames: string | null;
  spouseSurname: string | null;
}): string {
  const first = `${a.givenNames} ${a.surname}`;
  if (!a.spouseGivenNames) return first;
  return `${first} un ${a.spouseGivenNames} ${a.spouseSurname ?? a.surname}`.slice(0, 200);
}

function adopterLetter(d: DueRow, adopter: Recipient | undefined): OutgoingMail | undefined {
  if (!adopter?.email) return undefined;
  const caseReference = caseReferenceOf(d);
  if (d.kind === 'answer') {
    return {
      idempotencyKey: `deadline-reminder:${d.id}:${d.dueOn}`,
      recipient: adopter.email,
      template: 'offer-deadline-approaching',
      language: adopter.language,
      data: { recipientName: adopter.name, caseReference, deadline: d.dueOn },
    };
  }
  if (d.kind === 'post_adoption_report') {
    return {
      idempotencyKey: `deadline-reminder:${d.id}:${d.dueOn}`,
      recipient: adopter.email,
      template: 'post-adoption-report-due',
      language: adopter.language,
      data: { recipientName: adopter.name, caseReference, dueDate: d.dueOn },
    };
  }
  return undefined;
}

function mailboxLetter(ctx: JobContext, d: DueRow, overdue: boolean): OutgoingMail {
  return {
    idempotencyKey: `deadline-${overdue ? 'overdue' : 'reminder'}:${d.id}:${d.dueOn}`,
    recipient: ctx.config.REGISTER_MAILBOX,
    template: 'deadline-reminder',
    language: 'lv',
    data: {
      deadlineKind: d.kind,
      dueDate: d.dueOn,
      caseReference: caseReferenceOf(d),
      overdue,
    },
  };
}

export const deadlinesJob = defineJob({
  name: 'deadlines',
  title: { lv: 'Termiņi un atgādinājumi', en: 'Deadlines and reminders' },
  cron: '30 2 * * *',
  handler: (ctx) => runDeadlines(ctx),
});
