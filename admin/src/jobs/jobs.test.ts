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
  });
});
