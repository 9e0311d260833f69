import type { ColumnType, Generated, JSONColumnType } from 'kysely';

import type { Language, OutboxStatus } from '@adoption/model';

export type { OutboxStatus } from '@adoption/model';

/** Transactional outbox: a message to send, written in the transaction of the change it reports. */
export interface OutboxTable {
  id: Generated<number>;
  idempotencyKey: string;
  kind: 'mail';
  recipient: string;
  template: string;
  language: Language;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  createdAt: ColumnType<Date, never, never>;
  lastAttemptAt: Date | null;
  publishedAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  /** When the in-process deliverer tries a temporarily failed mail again. */
  nextAttemptAt: Date | null;
  /** Encrypted JSON of secret template values (a one-time link); cleared once sent. */
  sealedData: string | null;
}
