import { isActive, resultSummary, runColour, scheduleTime } from './jobs';

describe('job runs in the console', () => {
  it('knows which runs may still change', () => {
    expect(isActive('queued')).toBe(true);
    expect(isActive('running')).toBe(true);
    for (const s of ['done', 'failed', 'cancelled', undefined]) expect(isActive(s)).toBe(false);
  });

  it('reads the time of a daily schedule', () => {
    expect(scheduleTime('30 2 * * *')).toBe('02:30');
    expect(scheduleTime('5 23 * * *')).toBe('23:05');
    expect(scheduleTime(null)).toBeUndefined();
    expect(scheduleTime('* * * * *')).toBeUndefined();
  });

  it('colours statuses and sums up results', () => {
    expect(runColour('failed')).toBe('error');
    expect(runColour('done')).toBe('success');
    expect(resultSummary({ overdue: 1, reminders: 5, nested: { x: 1 } })).toBe(
      'overdue: 1, reminders: 5',
    );
    expect(resultSummary(null)).toBe('');
    // The reconciliation's counts in their reading order, whatever order jsonb gave them in.
    expect(
      resultSummary({
        gone: 0,
        mailed: 2,
        opened: 5,
        checked: 153,
        stillOpen: 0,
        unavailable: 0,
        withDifferences: 5,
        notConfigured: false,
      }),
    ).toBe(
      'checked: 153, withDifferences: 5, opened: 5, stillOpen: 0, gone: 0, unavailable: 0, mailed: 2',
    );
    expect(resultSummary({ zeta: 1, deleted: 3 })).toBe('deleted: 3, zeta: 1');
    expect(resultSummary({ checked: 0, notConfigured: true })).toBe('checked: 0, notConfigured');
  });
});
