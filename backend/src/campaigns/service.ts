/** Recipients by criteria, drafts, sending once through the outbox, delivery per recipient. */
import { sql } from 'kysely';
import { addMonths, rigaToday } from '@adoption/model';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AuditEntry } from '../audit/request';
import type { AfterCommit } from '../db/transaction';
import { applyScope, recordScope } from '../policies/scopes';
import { enqueueMail, wakeOutbox } from '../messaging/outbox';
import { Problem } from '../http/problem';
import { adopterName } from '../jobs/deadlines';
import type { CampaignCriteria } from './schema';

export interface CampaignWork {
  db: Db;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
  onCommit(fn: AfterCommit): void;
}

export interface Recipient {
  adopterId: number;
  name: string;
  email: string;
  preferredLanguage: 'lv' | 'en';
  origin: 'latvian' | 'foreign';
  enteredOn: string;
}

/**
 * The recipients of the criteria today: waiting adopters with an e-mail address, in queue order.
 * Only contacts and the queue date are read, never a child's data.
 */
export async function recipientsFor(
  db: Db,
  actor: Actor,
  criteria: CampaignCriteria,
  today = rigaToday(),
): Promise<Recipient[]> {
  let q = applyScope(db.selectFrom('adopters'), recordScope('adopters', actor))
    .select([
      'id',
      'givenNames',
      'surname',
      'spouseGivenNames',
      'spouseSurname',
      'email',
      'preferredLanguage',
      'origin',
      'enteredOn',
    ])
    .where('status', '=', 'waiting')
    .where('email', 'is not', null);
  if (criteria.origin) q = q.where('origin', '=', criteria.origin);
  if (criteria.waitingMoreThanMonths !== undefined) {
    // More than n whole months: the queue date lies before today minus n months.
    q = q.where('enteredOn', '<', addMonths(today, -criteria.waitingMoreThanMonths));
  }
  if (criteria.fitsGroupOfSize !== undefined) {
    q = q.where('wishedChildrenCount', '>=', criteria.fitsGroupOfSize);
    if (criteria.fitsGroupOfSize >= 2) q = q.where('acceptsSiblings', '=', true);
  }
  if (criteria.fitsAge !== undefined) {
    q = q
      .where('wishedAgeFrom', '<=', criteria.fitsAge)
      .where('wishedAgeTo', '>=', criteria.fitsAge);
  }
  if (criteria.fitsSex) q = q.where('wishedSex', 'in', [criteria.fitsSex, 'any']);
  const rows = await q.orderBy('enteredOn').orderBy('id').execute();
  return rows.map((a) => ({
    adopterId: a.id,
    name: adopterName(a),
    email: a.email!,
    preferredLanguage: a.preferredLanguage,
    origin: a.origin,
    enteredOn: a.enteredOn,
  }));
}

/** The preview: who would get the letter now. Audited as a selection of adopters. */
export async function preview(w: CampaignWork, criteria: CampaignCriteria) {
  const recipients = await recipientsFor(w.db, w.actor, criteria);
  await w.audit({
    action: 'select',
    resource: 'adopters',
    recordIds: recipients.map((r) => r.adopterId),
    detail: { purpose: 'mail-campaign-preview', criteria, count: recipients.length },
  });
  return { count: recipients.length, recipients };
}

export async function createDraft(
  w: CampaignWork,
  input: { criteria: CampaignCriteria; subject: string; body: string },
) {
  const count = (await recipientsFor(w.db, w.actor, input.criteria)).length;
  const row = await w.db
    .insertInto('mailCampaigns')
    .values({
      criteria: JSON.stringify(input.criteria),
      subject: input.subject,
      body: input.body,
      recipientCount: count,
      createdBy: w.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.audit({
    action: 'create',
    resource: 'mail-campaigns',
    recordId: row.id,
    detail: { criteria: input.criteria, recipientCount: count },
  });
  return row.id;
}

/**
 * Sends a draft: the recipients are computed again from the criteria now, stored, and each gets
 * one letter in the outbox, in this transaction. A campaign is sent once (409 `already_sent`).
 */
export async function send(w: CampaignWork, id: number) {
  const campaign = await w.db
    .selectFrom('mailCampaigns')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!campaign) throw Problem.noRecord('mail-campaigns', id);
  if (campaign.status === 'sent') {
    throw Problem.conflict('The campaign has already been sent.', { code: 'already_sent' });
  }
  const recipients = await recipientsFor(
    w.db,
    w.actor,
    campaign.criteria as unknown as CampaignCriteria,
  );
  if (recipients.length === 0) {
    throw Problem.conflict('No waiting adopter with an e-mail address fits the criteria now.', {
      code: 'no_recipients',
    });
  }
  for (const r of recipients) {
    const outboxId = await enqueueMail(w.db, {
      idempotencyKey: `campaign:${id}:${r.adopterId}`,
      recipient: r.email,
      template: 'adopter-notice',
      language: r.preferredLanguage,
      data: { recipientName: r.name, noticeSubject: campaign.subject, noticeBody: campaign.body },
    });
    await w.db
      .insertInto('mailCampaignRecipients')
      .values({
        campaignId: id,
        adopterId: r.adopterId,
        email: r.email,
        outboxId: outboxId || null,
      })
      .execute();
  }
  await w.db
    .updateTable('mailCampaigns')
    .set({
      status: 'sent',
      sentBy: w.actor.userId,
      sentAt: sql<Date>`now()`,
      recipientCount: recipients.length,
    })
    .where('id', '=', id)
    .execute();
  await w.audit({
    action: 'send',
    resource: 'mail-campaigns',
    recordId: id,
    detail: { recipientCount: recipients.length, adopterIds: recipients.map((r) => r.adopterId) },
  });
  w.onCommit(wakeOutbox);
}

/** The campaign with its recipients and each one's delivery (from the outbox). */
export async function campaignDetail(db: Db, id: number) {
  const campaign = await db
    .selectFrom('mailCampaigns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!campaign) throw Problem.noRecord('mail-campaigns', id);
  const recipients = await db
    .selectFrom('mailCampaignRecipients as r')
    .innerJoin('adopters as a', 'a.id', 'r.adopterId')
    .leftJoin('outbox as o', 'o.id', 'r.outboxId')
    .select([
      'r.adopterId',
      'r.email',
      'r.outboxId',
      'a.givenNames',
      'a.surname',
      'a.spouseGivenNames',
      'a.spouseSurname',
      'o.status as delivery',
      'o.sentAt as deliveredAt',
    ])
    .where('r.campaignId', '=', id)
    .orderBy('a.enteredOn')
    .orderBy('a.id')
    .execute();
  return {
    ...summaryOf(campaign),
    body: campaign.body,
    recipients: recipients.map((r) => ({
      adopterId: r.adopterId,
      name: adopterName(r),
      email: r.email,
      outboxId: r.outboxId,
      delivery: r.delivery ?? null,
      deliveredAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null,
    })),
  };
}

export function summaryOf(c: {
  id: number;
  criteria: unknown;
  subject: string;
  status: 'draft' | 'sent';
  recipientCount: number;
  createdBy: number;
  sentBy: number | null;
  sentAt: Date | null;
  createdAt: Date;
  version: number;
}) {
  return {
    id: c.id,
    criteria: c.criteria as CampaignCriteria,
    subject: c.subject,
    status: c.status,
    recipientCount: c.recipientCount,
    createdBy: c.createdBy,
    sentBy: c.sentBy,
    sentAt: c.sentAt ? new Date(c.sentAt).toISOString() : null,
    createdAt: new Date(c.createdAt).toISOString(),
    version: c.version,
  };
}
