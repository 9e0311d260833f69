import { encryptionKeyMaterial, secretBox, type SecretBox } from '../db/secret-box';
import type { Config } from '../config/config';
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
