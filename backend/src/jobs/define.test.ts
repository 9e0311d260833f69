import cronParser from 'cron-parser';
import { rigaClock } from '@adoption/model';
import { assertDailyCron, defineJob, JOB_TIME_ZONE } from './define';
import { registeredJobs } from './registry';

// The job registry and its schedules: daily times in Riga, never in the summer-time hour.

const noop = async () => undefined;
const title = { lv: 'Pārbaude', en: 'Test' };

it('takes a daily "m h * * *" time and refuses anything else', () => {
  expect(assertDailyCron('30 2 * * *')).toEqual({ minute: 30, hour: 2 });
  expect(assertDailyCron('0 23 * * *')).toEqual({ minute: 0, hour: 23 });
  for (const bad of ['* * * * *', '30 2 * * 1', '61 2 * * *', '0 24 * * *', '30 2,4 * * *', '']) {
    expect(() => assertDailyCron(bad)).toThrow(/must be "m h \* \* \*"|not a time of day/);
  }
});

it('refuses a schedule between 03:00 and 04:00 Riga time (the summer-time change hour)', () => {
  for (const cron of ['0 3 * * *', '30 3 * * *', '59 3 * * *']) {
    expect(() => defineJob({ name: 'night', title, cron, handler: noop })).toThrow(
      /between 03:00 and 04:00/,
    );
  }
  expect(() => defineJob({ name: 'Bad_Name', title, handler: noop })).toThrow(/job name/);
});

it('every registered job has a unique name; the deadline job runs at 02:30 Riga time', () => {
  const names = registeredJobs.map((j) => j.name);
  expect(new Set(names).size).toBe(names.length);
  for (const job of registeredJobs)
    if (job.cron) expect(() => assertDailyCron(job.cron!)).not.toThrow();
  expect(registeredJobs.find((j) => j.name === 'deadlines')?.cron).toBe('30 2 * * *');
  expect(JOB_TIME_ZONE).toBe('Europe/Riga');
});

it('in Europe/Riga, 02:30 comes once every day, also on the days the clocks change', () => {
  // pg-boss reads the cron with this parser (cron-parser) and the schedule's tz.
  // Spring forward (29 March 2026, 03:00 → 04:00) and fall back (25 October 2026, 04:00 → 03:00).
  for (const [from, to] of [
    ['2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z'],
    ['2026-10-23T12:00:00Z', '2026-10-27T12:00:00Z'],
  ]) {
    const runs = fires(from!, to!);
    expect(runs.map((r) => r.time)).toEqual(['02:30', '02:30', '02:30', '02:30']);
    expect(new Set(runs.map((r) => r.date)).size).toBe(4);
  }
});

function fires(from: string, to: string) {
  const it = cronParser.parseExpression('30 2 * * *', {
    tz: JOB_TIME_ZONE,
    currentDate: new Date(from),
    endDate: new Date(to),
  });
  const out: { date: string; time: string }[] = [];
  while (it.hasNext()) {
    const at = it.next().toDate();
    const { date, time } = rigaClock(at);
    out.push({ date, time });
  }
  return out;
}
