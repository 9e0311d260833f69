import type { OutboxStatus } from '@adoption/model';

/* How the console shows a mail's status (the statuses are the model's `outboxStatuses`). */

/** An administrator may send these again (the API answers 409 for the others). */
export const isRetryable = (status: unknown): boolean =>
  status === ('dead_lettered' satisfies OutboxStatus);

/** MUI chip colour of a status: sent is green, given up red, waiting for a retry orange. */
export const statusColour = (
  status: unknown,
): 'default' | 'info' | 'success' | 'warning' | 'error' => {
  switch (status as OutboxStatus) {
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
