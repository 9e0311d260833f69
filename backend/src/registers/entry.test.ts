import { formatPersonalCode } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent, lastAuditEventId } from '../test-support/audit-trail';
import {
  databaseSources,
  simulatedPeople,
  unknownCode,
  type Differences,
} from './simulator/people';
import { ENTRY_PURPOSE } from './entry';

// Filling a new card on entry over HTTP, against the real database and the app's own register
// simulator. The simulator knows the people of the database it was started on; a person "not yet
// in our register" is one of them whose card has since lost its personal code (set aside below).

let t: TestApp;
let diff: Differences;
let specialist: string;
let known: Set<string>;

const entry = (resource: string, personalCode: unknown, token = specialist, extra = {}) =>
  t.as(token).post(`/api/${resource}/register-entry`, { personalCode, ...extra });
const errorPaths = (body: { errors?: { path: string }[] }) => body.errors?.map((e) => e.path);
const calls = () => t.registers!.sim.calls.population;

/** The card with this code no longer holds it: the register knows the person, we do not. */
async function setAside(table: 'children' | 'adopters', code: string) {
  return t.database.db
    .updateTable(table)
    .set({ personalCode: null })
    .where('personalCode', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A child of the database the simulator knows without a deliberate difference. */
async function plainChildCode(skip: string[] = []): Promise<string> {
  const row = await t.database.db
    .selectFrom('children')
    .select('personalCode')
    .where('personalCode', 'is not', null)
    .where('personalCode', 'not in', [...(Object.values(diff) as string[]), ...skip])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.personalCode!;
}

beforeAll(async () => {
  // A small allowance, so the limit is reached in a few calls (one user's; see the last tests).
  t = await createTestApp({ RATE_LIMIT_REGISTER_ENTRY: '30/3600' });
  diff = t.registers!.differences;
  specialist = await t.token('adoption_specialist');
  known = new Set(
    simulatedPeople(await databaseSources(t.database.db)).people.map((p) => p.person.personalCode),
  );
});
afterAll(() => t.close());

describe('the register answers', () => {
  it('a child: names, birth date and sex, nothing else; audited without the code', async () => {
    const code = await plainChildCode();
    const child = await setAside('children', code);
    const before = calls();
    const res = await entry('children', formatPersonalCode(code)).expect(200);
    expect(res.body).toEqual({
      state: 'answered',
      answeredAt: expect.any(String),
      values: {
        givenNames: child.givenNames,
        surname: child.surname,
        birthDate: child.birthDate,
        sex: child.sex,
      },
    });
    expect(calls()).toBe(before + 1);

    const event = await lastAuditEvent(t.database.db);
    expect(event).toMatchObject({ action: 'register_query', resource: 'registers' });
    expect(event.detail).toEqual({
      register: 'population',
      recordResource: 'children',
      recordId: null,
      entry: true,
      personKey: { keyed: [expect.stringMatching(/^[0-9a-f]{64}$/)] },
      purpose: ENTRY_PURPOSE,
      outcome: 'found',
    });
    expect(JSON.stringify(event)).not.toContain(code);
    expect(JSON.stringify(event)).not.toContain(formatPersonalCode(code));

    // The auditor finds who asked about the code, typed as people type it.
    const auditor = await t.token('auditor');
    const found = await t
      .as(auditor)
      .get(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ searchedFor: formatPersonalCode(code) }))}`,
      )
      .expect(200);
    expect(found.body.map((e: { id: string }) => String(e.id))).toEqual([String(event.id)]);
    expect(found.body[0]).toMatchObject({ actorUsername: 'adoption-specialist' });
  });

  it('an adopter: the declared address, no sex; a death, the spouse never given', async () => {
    const moved = await setAside('adopters', diff.moved!);
    const res = await entry('adopters', diff.moved!).expect(200);
    expect(res.body.values).toEqual({
      givenNames: moved.givenNames,
      surname: moved.surname,
      birthDate: moved.birthDate,
      declaredAddress: 'Ozolu iela 7-12, Valmiera, LV-4201',
    });
    expect((await lastAuditEvent(t.database.db)).detail).toMatchObject({
      recordResource: 'adopters',
      recordId: null,
      entry: true,
    });

    // The register has a death date and a spouse for this one: neither is an entry's business.
    await setAside('adopters', diff.died!);
    const died = await entry('adopters', diff.died!).expect(200);
    expect(died.body.state).toBe('answered');
    expect(Object.keys(died.body.values).sort()).toEqual([
      'birthDate',
      'declaredAddress',
      'givenNames',
      'surname',
    ]);
  });

  it('a code the register does not know: not_found, no values', async () => {
    const code = unknownCode(new Set([...known, diff.unknown!]));
    const res = await entry('children', code).expect(200);
    expect(res.body).toEqual({ state: 'not_found', answeredAt: expect.any(String), values: {} });
    expect((await lastAuditEvent(t.database.db)).detail).toMatchObject({
      entry: true,
      outcome: 'not_found',
    });
  });
});

describe('refused before the register is asked', () => {
  it('a code already in our register: 409 duplicate with the record, no query, no audit event', async () => {
    const code = await plainChildCode([diff.unknown!]);
    const child = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('personalCode', '=', code)
      .executeTakeFirstOrThrow();
    const before = { calls: calls(), event: await lastAuditEventId(t.database.db) };
    for (const typed of [code, formatPersonalCode(code)]) {
      const res = await entry('children', typed).expect(409);
      expect(res.body).toMatchObject({ code: 'duplicate', field: 'personalCode', id: child.id });
    }
    const adopter = await t.database.db
      .selectFrom('adopters')
      .select(['id', 'personalCode'])
      .where('personalCode', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await entry('adopters', adopter.personalCode).expect(409);
    expect(res.body).toMatchObject({ code: 'duplicate', id: adopter.id });
    // Only a child's code is a child's duplicate.
    expect(calls()).toBe(before.calls);
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('id', '>', before.event)
      .where('action', '=', 'register_query')
      .execute();
    expect(events).toEqual([]);
  });

  it('400 naming body.personalCode: a wrong check digit, not a code, missing; unknown fields', async () => {
    const code = await plainChildCode();
    const wrong = code.slice(0, 10) + String((Number(code[10]) + 1) % 10);
    const before = calls();
    for (const bad of [wrong, '123', '', 12345678901]) {
      const res = await entry('children', bad).expect(400);
      expect(errorPaths(res.body)).toEqual(['body.personalCode']);
    }
    const missing = await t.as(specialist).post('/api/adopters/register-entry', {}).expect(400);
    expect(errorPaths(missing.body)).toEqual(['body.personalCode']);
    const extra = await entry('children', code, specialist, { purpose: 'x' }).expect(400);
    expect(errorPaths(extra.body)).toEqual(['body.purpose']);
    expect(calls()).toBe(before);
  });

  it('403 for a role that may not write the record', async () => {
    const code = unknownCode(known);
    await entry('adopters', code, await t.token('orphan_court')).expect(403);
    await entry('children', code, await t.token('orphan_court')).expect(403);
    await entry('children', code, await t.token('care_institution')).expect(403);
    await entry('children', code, await t.token('analyst')).expect(403);
  });
});

describe('limits and failures', () => {
  it('429 once a user has made RATE_LIMIT_REGISTER_ENTRY look-ups; another user is not counted', async () => {
    const head = await t.token('head_of_department');
    // Every request counts; wrong codes keep the register out of it.
    for (let i = 0; i < 30; i++) await entry('children', '123', head).expect(400);
    const res = await entry('adopters', unknownCode(known), head).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.detail).toMatch(/population register look-ups on entry/);
    await entry('children', '123').expect(400);
  });

  it('a register that does not answer: unavailable, never a 5xx of ours', async () => {
    const code = await plainChildCode([diff.unknown!]);
    await setAside('children', code);
    t.registers!.sim.setSwitch({ mode: 'status', status: 503 });
    try {
      const res = await entry('children', code).expect(200);
      expect(res.body).toEqual({ state: 'unavailable', values: {} });
      expect((await lastAuditEvent(t.database.db)).detail).toMatchObject({
        entry: true,
        outcome: 'failed',
        reason: 'server',
      });
    } finally {
      t.registers!.sim.clearSwitches();
      t.clock.advance(2 * 60 * 60_000); // past the breaker's cool-down
    }
  });

  it('503 register_unconfigured without a population register', async () => {
    const other = await createTestApp({ REGISTER_DISABILITY_URL: 'http://127.0.0.1:9' });
    try {
      const res = await other
        .as(await other.token('adoption_specialist'))
        .post('/api/children/register-entry', { personalCode: unknownCode(known) })
        .expect(503);
      expect(res.body.code).toBe('register_unconfigured');
    } finally {
      await other.close();
    }
  });
});
