import type { jobRunStatuses } from '@adoption/model';

/* How the console shows job runs (the statuses are the model's `jobRunStatuses`). */
type JobRunStatus = (typeof jobRunStatuses)[number];

/** A run that may still change: the page refreshes itself while one is shown; it can be cancelled. */
export const isActive = (status: unknown): boolean =>
  status === ('queued' satisfies JobRunStatus) || status === ('running' satisfies JobRunStatus);

/** "02:30" of a daily schedule `m h * * *` (Riga time); undefined for anything else. */
export const scheduleTime = (cron: string | null | undefined): string | undefined => {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron ?? '');
  if (!match) return undefined;
  return `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
};

/** MUI colour of a run's status. */
export const runColour = (
  status: unknown,
): 'default' | 'info' | 'success' | 'warning' | 'error' => {
  switch (status as JobRunStatus) {
    case 'running':
      return 'info';
    case 'done':
      return 'success';
    case 'failed':
      return 'error';
    case 'cancelled':
      return 'warning';
    default:
      return 'default';
  }
};

/**
 * The order in which the jobs' result counts read (the database keeps a result as jsonb, which
 * sorts its keys by length): the reconciliation's from what was checked to what was mailed, the
 * deadline job's, the clean-up's. Other keys follow as they come.
 */
export const resultKeyOrder = [
  'checked',
  'withDifferences',
  'opened',
  'stillOpen',
  'gone',
  'unavailable',
  'mailed',
  'overdue',
  'reminders',
  'overdueNotices',
  'deleted',
];

const rank = (key: string) => {
  const i = resultKeyOrder.indexOf(key);
  return i < 0 ? resultKeyOrder.length : i;
};

/**
 * A run's result counts as "key: value" pairs, for one line in the list; a flag that is set by its
 * name alone (the reconciliation's `notConfigured`).
 */
export const resultSummary = (
  result: unknown,
  label: (key: string) => string = (k) => k,
): string =>
  result && typeof result === 'object'
    ? Object.entries(result as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || v === true)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([k, v]) => (v === true ? label(k) : `${label(k)}: ${String(v)}`))
        .join(', ')
    : '';
