import type { Db } from '../db/database';
import type { MailTemplate } from './templates';

export type { MailTemplate };

export interface OutgoingMail {
  /** Unique per intended message: a retried business action must not queue it twice. */
  idempotencyKey: string;
  recipient: string;
  template: MailTemplate;
  language: 'lv' | 'en';
  /** Template data. Never personal data of a child; links carry one-time tokens only. */
  data: Record<string, unknown>;
}

/**
 * Queues an e-mail in the caller's transaction (transactional outbox): it goes out only if the
 * business change commits. The relay and mail worker (Messaging issue) deliver queued rows.
 */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      idempotencyKey: mail.idempotencyKey,
      kind: 'mail',
      recipient: mail.recipient,
      template: mail.template,
      language: mail.language,
      data: JSON.stringify(mail.data),
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? 0;
}
