import { Registry } from 'prom-client';
import { recordAudit } from '../audit/chain';
import type { DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { Problem } from '../http/problem';
import { createLogger } from '../logger';
import { createTestDatabase } from '../test-support/test-db';
import { lastAuditEvent } from '../test-support/audit-trail';
import { RegisterClient, type LookupContext, type RegisterSettings } from './client';
import { RegisterMetrics } from './metrics';
import { demoSources, simulatedPeople, unknownCode } from './simulator/people';
import { startRegisterSimulator, type RegisterSimulator } from './simulator/server';
import { RegisterError, type RegisterName } from './types';

// The register client against the simulator over real sockets and the real database: both
// encodings, every failure the simulator can play, the breaker, the cache and the audit trail.

let database: DatabaseHandle;
let sim: RegisterSimulator;
const { people, differences } = simulatedPeople(demoSources());
const known = new Set(people.map((p) => p.person.personalCode));
const someone = people.find((p) => p.disability && p.disability.until === null)!;
const notKnown = unknownCode(known);
const ref = { recordRef: { resource: 'children', id: 7 }, purpose: 'validate-child' };
let ctx: LookupContext;
let clock: number;
let sleeps: number[];
const clients: RegisterClient[] = [];

function client(over: Partial<RegisterSettings> = {}, format: 'json' | 'soap' = 'json') {
  const settings: RegisterSettings = {
    url: sim.url,
    format,
    timeoutMs: 2000,
    retries: 2,
    breakerThreshold: 5,
    breakerCooldownMs: 10_000,
    cacheMs: 0,
    backoffBaseMs: 100,
    ...over,
  };
  const registry = new Registry();
  const metrics = new RegisterMetrics(registry);
  const c = new RegisterClient({
    settings: { population: settings, disability: settings },
    keyMaterial: 'test-register-key-test-register-key-123',
    metrics,
    log: createLogger('silent'),
    now: () => new Date(clock),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  clients.push(c);
  return Object.assign(c, { registry });
}

const failure = async (p: Promise<unknown>): Promise<RegisterError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof RegisterError))
    throw new Error(`expected a RegisterError, got ${String(err)}`);
  return err;
};
const calls = (r: RegisterName) => sim.calls[r];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db, 'latest');
  ctx = { db: database.db, audit: (e) => recordAudit(database.db, e).then(() => undefined) };
  sim = await startRegisterSimulator({ people });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim?.close();
  await database?.close();
});
beforeEach(() => {
  clock = Date.parse('2026-03-14T09:00:00Z');
  sleeps = [];
  sim.clearSwitches();
});

describe.each(['json', 'soap'] as const)('%s encoding', (format) => {
  it('answers a known person from both registers, and a person it does not know', async () => {
    const c = client({}, format);
    const person = await c.lookupPerson(ctx, someone.person.personalCode, ref);
    expect(person).toMatchObject({ found: true, fromCache: false, record: someone.person });
    expect(person.answeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const disability = await c.lookupDisability(ctx, someone.person.personalCode, ref);
    expect(disability).toMatchObject({ found: true, record: someone.disability });
    expect(await c.lookupPerson(ctx, notKnown, ref)).toMatchObject({ found: false });
    expect(await c.lookupPerson(ctx, differences.unknown!, ref)).toMatchObject({ found: false });
  });

  it('a malformed answer is a failure of its own, not repeated', async () => {
    const c = client({}, format);
    sim.setSwitch({ mode: 'malformed' });
    const before = calls('population');
    const err = await failure(c.lookupPerson(ctx, someone.person.personalCode, ref));
    expect(err.kind).toBe('malformed');
    expect(calls('population') - before).toBe(1);
  });

  it('a 4xx (SOAP: a client fault) is not repeated; a 5xx is, then the answer', async () => {
    const c = client({}, format);
    sim.setSwitch({ mode: 'status', status: 400, times: 1 });
    let before = calls('population');
    const err = await failure(c.lookupPerson(ctx, someone.person.personalCode, ref));
    expect(err.kind).toBe('client');
    expect(calls('population') - before).toBe(1);

    sim.setSwitch({ mode: 'status', status: 503, times: 2 });
    before = calls('population');
    const answer = await c.lookupPerson(ctx, someone.person.personalCode, ref);
    expect(answer.found).toBe(true);
    expect(calls('population') - before).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });
});

describe('failures', () => {
  it('times out a register that does not answer, and retries it', async () => {
    const c = client({ timeoutMs: 300, retries: 1 });
    sim.setSwitch({ mode: 'timeout' });
    const before = calls('disability');
    const started = Date.now();
    const err = await failure(c.lookupDisability(ctx, someone.person.personalCode, ref));
    expect(err.kind).toBe('timeout');
    expect(calls('disability') - before).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a reset connection is retried; gives up after the retries', async () => {
    const c = client({ retries: 1 });
    sim.setSwitch({ mode: 'reset', times: 1 });
    expect((await c.lookupPerson(ctx, someone.person.personalCode, ref)).found).toBe(true);
    sim.setSwitch({ mode: 'reset' });
    expect((await failure(c.lookupPerson(ctx, someone.person.personalCode, ref))).kind).toBe(
      'connection',
    );
  });

  it('an answer about another person is refused as malformed', async () => {
    const c = client();
    sim.setSwitch({ mode: 'inconsistent' });
    expect((await failure(c.lookupPerson(ctx, someone.person.personalCode, ref))).kind).toBe(
      'malformed',
    );
  });

  it('a slow answer within the timeout is an answer', async () => {
    const c = client({ timeoutMs: 2000 });
    sim.setSwitch({ mode: 'slow', delayMs: 150 });
    expect((await c.lookupPerson(ctx, someone.person.personalCode, ref)).found).toBe(true);
  });
});

describe('circuit breaker', () => {
  it('opens after N failures, refuses without a call, probes after the cool-down and closes', async () => {
    const c = client({ retries: 0, breakerThreshold: 2, breakerCooldownMs: 10_000 });
    const code = someone.person.personalCode;
    sim.setSwitch({ mode: 'status', status: 500, register: 'population' });
    await failure(c.lookupPerson(ctx, code, ref));
    expect(c.breakerState('population')).toBe('closed');
    await failure(c.lookupPerson(ctx, code, ref));
    expect(c.breakerState('population')).toBe('open');

    const before = calls('population');
    expect((await failure(c.lookupPerson(ctx, code, ref))).kind).toBe('breaker_open');
    expect(calls('population')).toBe(before);
    // The other register has its own breaker.
    expect((await c.lookupDisability(ctx, code, ref)).found).toBe(true);

    clock += 10_000;
    expect(c.breakerState('population')).toBe('half_open');
    // The probe fails: open again for a whole cool-down.
    await failure(c.lookupPerson(ctx, code, ref));
    expect(c.breakerState('population')).toBe('open');
    clock += 10_000;
    sim.clearSwitches();
    expect((await c.lookupPerson(ctx, code, ref)).found).toBe(true);
    expect(c.breakerState('population')).toBe('closed');
    expect(calls('population') - before).toBe(2);

    const metrics = await c.registry.metrics();
    expect(metrics).toContain('register_breaker_state{register="population"} 0');
    expect(metrics).toContain(
      'register_failures_total{register="population",kind="breaker_open"} 1',
    );
    expect(metrics).toContain('register_calls_total{register="population",outcome="found"} 1');
    expect(metrics).toContain('register_call_duration_seconds_count{register="population"}');
  });
});

describe('cache', () => {
  it('answers from the cache within the TTL, asks again after it, keeps no code or name in clear', async () => {
    const c = client({ cacheMs: 60_000 });
    const person = people.find((p) => p.person.personalCode === differences.moved)!.person;
    const before = calls('population');
    const first = await c.lookupPerson(ctx, person.personalCode, ref);
    expect(first.fromCache).toBe(false);
    clock += 59_000;
    const second = await c.lookupPerson(ctx, person.personalCode, ref);
    expect(second).toEqual({ ...first, fromCache: true });
    expect(calls('population') - before).toBe(1);
    expect((await lastAuditEvent(database.db)).detail).toMatchObject({ outcome: 'cached' });

    clock += 1_000;
    const third = await c.lookupPerson(ctx, person.personalCode, ref);
    expect(third.fromCache).toBe(false);
    expect(calls('population') - before).toBe(2);

    const rows = await database.db.selectFrom('registerAnswers').selectAll().execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(person.personalCode);
    expect(stored).not.toContain(person.surname);
    expect(rows.every((r) => r.answer.startsWith('v1:'))).toBe(true);
  });

  it('a failed query is not cached', async () => {
    const c = client({ cacheMs: 60_000, retries: 0 });
    sim.setSwitch({ mode: 'status', status: 503, times: 1 });
    await failure(c.lookupDisability(ctx, differences.disabilityEnded!, ref));
    expect((await c.lookupDisability(ctx, differences.disabilityEnded!, ref)).fromCache).toBe(
      false,
    );
  });
});

describe('audit', () => {
  it('records every query with the record and purpose, never the personal code', async () => {
    const c = client();
    await c.lookupPerson(ctx, someone.person.personalCode, {
      recordRef: { resource: 'adopters', id: 42 },
      purpose: 'validate-adopter',
    });
    const event = await lastAuditEvent(database.db);
    expect(event).toMatchObject({ action: 'register_query', resource: 'registers' });
    expect(event.detail).toEqual({
      register: 'population',
      recordResource: 'adopters',
      recordId: 42,
      purpose: 'validate-adopter',
      outcome: 'found',
    });
    expect(JSON.stringify(event)).not.toContain(someone.person.personalCode);

    sim.setSwitch({ mode: 'status', status: 400 });
    await failure(c.lookupPerson(ctx, someone.person.personalCode, ref));
    expect((await lastAuditEvent(database.db)).detail).toMatchObject({
      outcome: 'failed',
      reason: 'client',
    });
  });

  it('refuses a query without a record reference or a purpose, asking nobody', async () => {
    const c = client();
    const before = calls('population');
    const refused = await c
      .lookupPerson(ctx, someone.person.personalCode, { purpose: ' ' } as never)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(400);
    expect(((refused as Problem).extra.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'recordRef',
      'purpose',
    ]);
    const badRef = await c
      .lookupPerson(ctx, '123', { recordRef: { resource: 'children', id: 0 }, purpose: 'x' })
      .catch((e: unknown) => e as Problem);
    expect((badRef as Problem).extra.errors).toMatchObject([
      { path: 'recordRef.id' },
      { path: 'personalCode' },
    ]);
    expect(calls('population')).toBe(before);
  });

  it('an entry (no record yet): recordId null, the code masked without a keyer; strict', async () => {
    const c = client();
    const code = someone.person.personalCode;
    await c.lookupPerson(ctx, code, {
      recordRef: { resource: 'children', entry: true },
      purpose: 'new record entry',
    });
    const event = await lastAuditEvent(database.db);
    // This context's trail has no keyer: masked (a route's keys it, registers/entry.test.ts).
    expect(event.detail).toEqual({
      register: 'population',
      recordResource: 'children',
      recordId: null,
      entry: true,
      personKey: '***',
      purpose: 'new record entry',
      outcome: 'found',
    });
    expect(JSON.stringify(event)).not.toContain(code);

    const before = calls('population');
    const refused = async (recordRef: object) =>
      (
        (await c
          .lookupPerson(ctx, code, { recordRef, purpose: 'x' } as never)
          .catch((e: unknown) => e)) as Problem
      ).extra.errors;
    expect(await refused({ resource: 'children', entry: false })).toMatchObject([
      { path: 'recordRef.entry' },
    ]);
    expect(await refused({ resource: 'children', entry: true, id: 7 })).toMatchObject([
      { path: 'recordRef.id' },
    ]);
    expect(await refused({ resource: 'Children!', entry: true })).toMatchObject([
      { path: 'recordRef.resource' },
    ]);
    expect(calls('population')).toBe(before);
  });
});

describe('simulated differences', () => {
  it('holds a married surname, a move, an ended disability and a death', async () => {
    const c = client();
    const sources = new Map(demoSources().map((s) => [s.personalCode, s]));
    const married = await c.lookupPerson(ctx, differences.marriedSurname!, ref);
    expect(married.found && married.record.surname).not.toBe(
      sources.get(differences.marriedSurname!)!.surname,
    );
    const moved = await c.lookupPerson(ctx, differences.moved!, ref);
    expect(moved.found && moved.record.declaredAddress?.text).toContain('Valmiera');
    const ended = await c.lookupDisability(ctx, differences.disabilityEnded!, ref);
    expect(ended.found && ended.record.until! < '2026-03-14').toBe(true);
    const died = await c.lookupPerson(ctx, differences.died!, ref);
    expect(died.found && died.record.deathDate).toMatch(/^\d{4}-/);
  });
});
