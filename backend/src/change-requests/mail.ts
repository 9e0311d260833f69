import { enqueueMail, wakeOutbox, type MailContext } from '../messaging/outbox';
import type { MailData } from '../messaging/templates';

/** A comment as one mail line: the letters refuse line breaks (they could forge lines). */
const oneLine = (text: string | null) => {
  const line = text?.replace(/\s+/g, ' ').trim().slice(0, 2000);
  return line ? line : null;
};

export interface Decision {
  requestId: number;
  proposedBy: number;
  outcome: 'accepted' | 'returned';
  acceptedCount?: number;
  proposedCount?: number;
  comment: string | null;
}

/**
 * Tells the proposer the outcome, in the transaction of the decision (the outbox): the request's
 * number, how many fields were accepted, the specialist's comment and a link to the console — no
 * child's name or values. A proposer without an e-mail address (or no longer active) sees the
 * outcome in the console only.
 */
export async function queueDecisionMail(
  w: MailContext,
  publicUrl: string,
  decision: Decision,
): Promise<void> {
  const proposer = await w.db
    .selectFrom('users')
    .select(['displayName', 'email', 'preferredLanguage', 'active'])
    .where('id', '=', decision.proposedBy)
    .executeTakeFirstOrThrow();
  if (!proposer.email || !proposer.active) return;
  const common = {
    displayName: proposer.displayName,
    requestNumber: decision.requestId,
    link: `${publicUrl.replace(/\/+$/, '')}/#/change-requests/${decision.requestId}/show`,
  };
  const mail =
    decision.outcome === 'accepted'
      ? {
          template: 'change-request-accepted' as const,
          data: {
            ...common,
            acceptedCount: decision.acceptedCount!,
            proposedCount: decision.proposedCount!,
            comment: oneLine(decision.comment),
          } satisfies MailData<'change-request-accepted'>,
        }
      : {
          template: 'change-request-returned' as const,
          data: {
            ...common,
            comment: oneLine(decision.comment) ?? '—',
          } satisfies MailData<'change-request-returned'>,
        };
  await enqueueMail(w.db, {
    // A request is decided once: one letter about it.
    idempotencyKey: `change-request-${decision.requestId}-decided`,
    recipient: proposer.email,
    language: proposer.preferredLanguage,
    ...mail,
  });
  w.onCommit(wakeOutbox);
}
