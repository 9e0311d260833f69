import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { campaignStatuses, jobRunStatuses } from '@adoption/model';

// Jobs and mail campaigns: migration 0020-selection-and-offers.

/** A long or scheduled job's run: progress the console shows, a cancel flag the job checks. */
export interface JobRunsTable {
  id: Generated<number>;
  name: string;
  bossJobId: string | null;
  status: ColumnType<(typeof jobRunStatuses)[number], (typeof jobRunStatuses)[number] | undefined>;
  progress: ColumnType<number, number | undefined, number>;
  message: string | null;
  result: JSONColumnType<Record<string, unknown>, string, string> | null;
  cancelRequested: ColumnType<boolean, boolean | undefined, boolean>;
  /** A nightly job's day: unique with the name, so it runs once per day. */
  runFor: string | null;
  startedBy: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Counted by the `touch` trigger (migration 0023). */
  version: Generated<number>;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, never, Date>;
}

/** "Notify adopters": a mail to waiting adopters picked by criteria. */
export interface MailCampaignsTable {
  id: Generated<number>;
  criteria: JSONColumnType<Record<string, unknown>, string, string>;
  subject: string;
  body: string;
  status: ColumnType<
    (typeof campaignStatuses)[number],
    (typeof campaignStatuses)[number] | undefined
  >;
  recipientCount: ColumnType<number, number | undefined, number>;
  createdBy: number;
  sentBy: number | null;
  sentAt: Date | null;
  version: Generated<number>;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, never, Date>;
}

export interface MailCampaignRecipientsTable {
  campaignId: number;
  adopterId: number;
  email: string;
  outboxId: number | null;
}
