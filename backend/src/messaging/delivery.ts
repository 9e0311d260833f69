import { sql } from 'kysely';
import type { Db } from '../db/database';
import { renderMail } from './templates';
import { isPermanentMailError, isSmtpUnavailable, type MailSender } from './mail-sender';
import type { SmtpGate } from './smtp-gate';

/** What travels from the outbox to the worker (the broker's message body, JSON). */
export interface MailMessage {
  outboxId: number;
  idempotencyKey: string;
  recipient: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  /** Encrypted secret template values (a one-time link), opened only to render the mail. */
  sealed: string | null;
}

export type Outcome =
  { kind: 'sent' } | { kind: 'retry' | 'dead'; error: string; smtp?: SmtpFailure };

/** How the mail server failed: for this mail only or for all (`isSmtpUnavailable`), for now or for good. */
export interface SmtpFailure {
  temporary: boolean;
  serverWide: boolean;
}

export interface DeliveryDeps {
  sender: MailSender;
  maxAttempts: number;
  /** Opens `sealed` into template values. */
  openSealed(sealed: string): Record<string, unknown>;
}

/**
 * Renders and sends one mail, and says what should happen next. A template or data error and a
 * permanent SMTP refusal go straight to the dead letters; anything else is retried until the
 * last attempt.
 */
export async function attemptDelivery(
  deps: DeliveryDeps,
  msg: MailMessage,
  attempt: number,
): Promise<Outcome> {
  let rendered;
  try {
    const secret = msg.sealed ? deps.openSealed(msg.sealed) : {};
    rendered = renderMail(msg.template, msg.language, { ...msg.data, ...secret });
  } catch (err) {
    return { kind: 'dead', error: `cannot build the mail: ${(err as Error).message}` };
  }
  try {
    await deps.sender.send({ to: msg.recipient, ...rendered, idempotencyKey: msg.idempotencyKey });
    return { kind: 'sent' };
  } catch (err) {
    const error = describe(err);
    const serverWide = isSmtpUnavailable(err);
    if (isPermanentMailError(err))
      return { kind: 'dead', error, smtp: { temporary: false, serverWide } };
    const smtp = { temporary: true, serverWide };
    return attempt >= deps.maxAttempts
      ? { kind: 'dead', error: `gave up after ${attempt} attempts: ${error}`, smtp }
      : { kind: 'retry', error, smtp };
  }
}

/** A mail given back untried: the mail server is away (the gate is open). */
export type Gated = Outcome | { kind: 'held'; reason: string };

/**
 * One attempt through the gate: a mail is tried only while the server is there, and a failure
 * that shows the server is away gives the mail back instead of spending one of its attempts.
 */
export async function deliverGated(
  gate: SmtpGate,
  deps: DeliveryDeps,
  msg: MailMessage,
  attempt: number,
): Promise<Gated> {
  if ((await gate.admit()) === 'hold') return { kind: 'held', reason: gate.reason ?? 'paused' };
  const startedAt = Date.now();
  const outcome = await attemptDelivery(deps, msg, attempt);
  if (outcome.kind === 'sent' || (outcome.smtp && !outcome.smtp.temporary))
    gate.answered(startedAt);
  else if (!outcome.smtp)
    gate.release(); // never reached the server (the mail could not be built)
  else if (
    gate.temporaryFailure(outcome.error, outcome.smtp.serverWide, msg.idempotencyKey) === 'hold'
  )
    return { kind: 'held', reason: outcome.error };
  return outcome;
}

/** The SMTP answer or the error, one line, without the recipient's address. */
function describe(err: unknown): string {
  const e = err as { response?: string; message?: string; code?: string };
  return (e.response ?? e.message ?? String(err)).replace(/\s+/g, ' ').slice(0, 500);
}

/** Whether this mail was already delivered (a redelivered message must not go out again). */
export async function alreadySent(db: Db, idempotencyKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('status')
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
  return row?.status === 'sent';
}

/**
 * Writes the outcome of an attempt to the outbox row. A sent mail loses its sealed values
 * (nobody needs the link any more); a dead one keeps them, still encrypted, so an
 * administrator's retry can build it again. `nextAttemptAt` is for the in-process deliverer.
 */
export async function recordOutcome(
  db: Db,
  idempotencyKey: string,
  attempt: number,
  outcome: Outcome,
  nextAttemptAt: Date | null = null,
): Promise<void> {
  const common = { attempts: attempt, lastAttemptAt: sql<Date>`now()` };
  const set =
    outcome.kind === 'sent'
      ? {
          ...common,
          status: 'sent' as const,
          sentAt: sql<Date>`now()`,
          lastError: null,
          sealedData: null,
          nextAttemptAt: null,
        }
      : outcome.kind === 'retry'
        ? { ...common, status: 'failed' as const, lastError: outcome.error, nextAttemptAt }
        : {
            ...common,
            status: 'dead_lettered' as const,
            lastError: outcome.error,
            nextAttemptAt: null,
          };
  await db
    .updateTable('outbox')
    .set(set)
    .where('idempotencyKey', '=', idempotencyKey)
    // A late duplicate never turns a delivered mail back into a failed one.
    .where('status', '!=', 'sent')
    .execute();
}

/** The broker message of an outbox row. */
export function toMessage(row: {
  id: number;
  idempotencyKey: string;
  recipient: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  sealedData: string | null;
}): MailMessage {
  return {
    outboxId: Number(row.id),
    idempotencyKey: row.idempotencyKey,
    recipient: row.recipient,
    template: row.template,
    language: row.language,
    data: row.data,
    sealed: row.sealedData,
  };
}
