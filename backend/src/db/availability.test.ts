import { DatabaseAvailability, describeDatabaseError, isDatabaseUnavailable } from './availability';

// Which failures mean "the database is away" (503, retried) rather than "this statement is wrong".

it.each([
  ['admin shutdown (pg_terminate_backend, a restart)', { code: '57P01' }],
  ['crash shutdown', { code: '57P02' }],
  ['cannot connect now (starting up, failover)', { code: '57P03' }],
  ['connection exception class 08', { code: '08006' }],
  ['too many connections', { code: '53300' }],
  [
    'refused',
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }),
  ],
  ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ['dropped mid-query', new Error('Connection terminated unexpectedly')],
  ['no answer to connect', new Error('timeout exceeded when trying to connect')],
  ['connect timeout', new Error('Connection terminated due to connection timeout')],
])('%s is "unavailable"', (_, err) => {
  expect(isDatabaseUnavailable(err)).toBe(true);
});

it.each([
  ['unique violation', { code: '23505' }],
  ['raised by a trigger', { code: 'P0001', message: 'injected failure' }],
  ['syntax error', { code: '42601' }],
  ['a plain bug', new TypeError('x is undefined')],
  ['nothing', undefined],
  ['a string', 'ECONNREFUSED'],
])('%s is not', (_, err) => {
  expect(isDatabaseUnavailable(err)).toBe(false);
});

it('describes the failure without addresses, ports or URLs (readiness is public)', () => {
  const text = describeDatabaseError(
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }),
  );
  expect(text).toBe('connect ECONNREFUSED <address>');
  expect(describeDatabaseError(new Error('bad postgresql://u:p@db.lan:5432/x'))).toBe('bad <url>');
  expect(describeDatabaseError({ code: '57P01', message: 'terminating connection' })).toBe(
    '57P01: terminating connection',
  );
});

it('warns once when the database goes away and says once how long it was away', () => {
  const lines: { level: string; obj: Record<string, unknown> }[] = [];
  const log = {
    warn: (obj: Record<string, unknown>) => void lines.push({ level: 'warn', obj }),
    info: (obj: Record<string, unknown>) => void lines.push({ level: 'info', obj }),
  };
  let now = 1_000;
  const a = new DatabaseAvailability(log as never, () => now);
  a.up();
  expect(lines).toHaveLength(0);
  for (let i = 0; i < 50; i++) a.down({ code: 'ECONNREFUSED', message: 'refused' });
  expect(a.available).toBe(false);
  expect(a.lastError).toBe('ECONNREFUSED: refused');
  now += 4_500;
  a.up();
  a.up();
  expect(a.available).toBe(true);
  expect(lines.map((l) => [l.level, l.obj.event])).toEqual([
    ['warn', 'database_unavailable'],
    ['info', 'database_recovered'],
  ]);
  expect(lines[1]!.obj.unavailableSeconds).toBe(4.5);
});
