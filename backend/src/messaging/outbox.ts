import { EventEmitter } from 'node:events';
import { encryptionKeyMaterial, secretBox, type SecretBox } from '../db/secret-box';
import type { Config } from '../config/config';
import type { Db } from '../db/database';
import type { AfterCommit } from '../db/transaction';
import type { MailTemplate } from './templates';

export type { MailTemplate };

/** What queues a mail in a request or a job: its transaction and the place for after-commit work. */
export interface MailContext {
  db: Db;
  onCommit(fn: AfterCommit): void;
}

// "Queued mail has committed" within this process. The relay, or the in-process delivery, running
// in the same process (messaging/service.ts) takes the mail at once instead of at its next poll;
// one running in another process (RUN_MESSAGING=false) still finds it by polling.
const outboxSignal = new EventEmitter().setMaxListeners(0);

/** For `onCommit` after `enqueueMail`: wakes this process's relay or in-process delivery. */
export const wakeOutbox: AfterCommit = () => void outboxSignal.emit('committed');

/** Calls `fn` whenever queued mail has committed in this process; returns the unsubscribe. */
export function onOutboxCommitted(fn: () => void): () => void {
  outboxSignal.on('committed', fn);
  return () => void outboxSignal.off('committed', fn);
}

export interface OutgoingMail {
  /** Unique per intended message: a retried business action must not queue it twice. */
  idempotencyKey: string;
  recipient: string;
  template: MailTemplate;
  language: 'lv' | 'en';
  /** Template data. Never personal data of a child; links carry one-time tokens only. */
  data: Record<string, unknown>;
}

/** Values a mail needs that must not rest readable in the database (a one-time link). */
export interface SealedValues {
  values: Record<string, string>;
  sealer: SecretBox;
}

/**
 * Queues an e-mail in the caller's transaction (transactional outbox): it goes out only if the
 * business change commits. The relay and the mail worker deliver it (messaging/). `secret`
 * values are stored encrypted and merged into the template data only when the mail is built.
 */
export async function enqueueMail(
  db: Db,
  mail: OutgoingMail,
  secret?: SealedValues,
): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      idempotencyKey: mail.idempotencyKey,
      kind: 'mail',
      recipient: mail.recipient,
      template: mail.template,
      language: mail.language,
      data: JSON.stringify(mail.data),
      sealedData: secret ? secret.sealer.seal(JSON.stringify(secret.values)) : null,
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** The box queued mails' secret values are sealed in, and opened by the mail worker. */
export function mailSecrets(config: Pick<Config, 'APP_ENV' | 'DATA_ENCRYPTION_KEY'>): SecretBox {
  return secretBox(encryptionKeyMaterial(config), 'outbox-secret');
}

/** How the mail worker opens a queued mail's sealed values. */
export function mailOpener(config: Pick<Config, 'APP_ENV' | 'DATA_ENCRYPTION_KEY'>) {
  const box = mailSecrets(config);
  return (sealed: string) => JSON.parse(box.open(sealed)) as Record<string, unknown>;
}
