/** Outbox statuses (backend/src/db/tables/outbox.ts), in the order a mail passes through them. */
export const outgoingMailStatuses = [
  'queued',
  'published',
  'sent',
  'failed',
  'dead_lettered',
] as const;
export type OutgoingMailStatus = (typeof outgoingMailStatuses)[number];

export const outgoingMailStatusChoices = outgoingMailStatuses.map((id) => ({
  id,
  name: `app.outgoing_mail.statuses.${id}`,
}));

/** The mail templates (backend/src/messaging/templates.ts, `mailTemplates`). */
export const outgoingMailTemplates = [
  'set-password',
  'reset-password',
  'account-locked',
  'child-information-ready',
  'offer-deadline-approaching',
  'report-due',
  'change-request-accepted',
  'change-request-returned',
  'smoke-test',
] as const;

export const outgoingMailTemplateChoices = outgoingMailTemplates.map((id) => ({
  id,
  name: `app.outgoing_mail.templates.${id}`,
}));

/** An administrator may send these again (the API answers 409 for the others). */
export const isRetryable = (status: unknown): boolean => status === 'dead_lettered';

/** MUI chip colour of a status: sent is green, given up red, waiting for a retry orange. */
export const statusColour = (
  status: unknown,
): 'default' | 'info' | 'success' | 'warning' | 'error' => {
  switch (status) {
    case 'sent':
      return 'success';
    case 'failed':
      return 'warning';
    case 'dead_lettered':
      return 'error';
    case 'published':
      return 'info';
    default:
      return 'default';
  }
};
