import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent } from '../test-support/audit-trail';
import type { Differences } from './simulator/people';
import { compareRecord, fieldState } from './compare';
import type { PersonRecord } from './types';

// The register check on the card over HTTP, against the real database and the app's own register
// simulator, which knows the demo register's people with its deliberate differences.

let t: TestApp;
let diff: Differences;
let specialist: string;
let head: string;

const idOf = async (table: 'children' | 'adopters', personalCode: string) =>
  (
    await t.database.db
      .selectFrom(table)
      .select(['id', 'version'])
      .where('personalCode', '=', personalCode)
      .executeTakeFirstOrThrow()
  ).id;
const versionOf = async (table: 'children' | 'adopters', id: number) =>
  (
    await t.database.db
      .selectFrom(table)
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
const check = (resource: string, id: number, token = specialist, body: object = {}) =>
  t.as(token).post(`/api/${resource}/${id}/register-check`, body);
type Field = { field: string; state: string; ours: unknown; theirs: unknown; note?: unknown };
const fieldOf = (body: { fields: Field[] }, name: string) =>
  body.fields.find((f) => f.field === name);
const errorPaths = (body: { errors?: { path: string }[] }) => body.errors?.map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  diff = t.registers!.differences;
  specialist = await t.token('adoption_specialist');
  head = await t.token('head_of_department');
});
afterAll(() => t.close());

describe('the comparison', () => {
  it('a married surname is different, the rest of the person the same', async () => {
    const id = await idOf('adopters', diff.marriedSurname!);
    const res = await check('adopters', id).expect(200);
    expect(res.body.registers).toEqual({
      population: { state: 'answered', answeredAt: expect.any(String), fromCache: false },
    });
    expect(Date.parse(res.body.checkedAt)).not.toBeNaN();
    const surname = fieldOf(res.body, 'surname')!;
    expect(surname).toMatchObject({ register: 'population', state: 'different' });
    expect(String(surname.theirs)).toBe(
      `${String(surname.ours)}-${String(surname.theirs).split('-')[1]}`,
    );
    expect(fieldOf(res.body, 'givenNames')!.state).toBe('same');
    expect(fieldOf(res.body, 'birthDate')!.state).toBe('same');
    expect(fieldOf(res.body, 'spouseSurname')!.state).toBe('same');
    // Adopters' records hold no sex: nothing of ours to compare.
    expect(fieldOf(res.body, 'sex')).toBeUndefined();
  });

  it('a moved adopter: the declared address differs; the second check comes from the cache', async () => {
    const id = await idOf('adopters', diff.moved!);
    const first = await check('adopters', id).expect(200);
    expect(fieldOf(first.body, 'declaredAddress')).toMatchObject({
      state: 'different',
      theirs: 'Ozolu iela 7-12, Valmiera, LV-4201',
    });
    const before = t.registers!.sim.calls.population;
    const second = await check('adopters', id, head).expect(200);
    expect(second.body.registers.population).toMatchObject({
      fromCache: true,
      answeredAt: first.body.registers.population.answeredAt,
    });
    expect(t.registers!.sim.calls.population).toBe(before);
  });

  it("a child's ended disability: the disability register's end date against ours", async () => {
    const id = await idOf('children', diff.disabilityEnded!);
    const res = await check('children', id, specialist, { purpose: 'annual review' }).expect(200);
    expect(res.body.registers.disability).toMatchObject({ state: 'answered' });
    expect(fieldOf(res.body, 'sex')!.state).toBe('same');
    const until = fieldOf(res.body, 'disabilityUntil')!;
    expect(['different', 'missing_ours']).toContain(until.state);
    expect(String(until.theirs) < new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await lastAuditEvent(t.database.db)).detail).toMatchObject({
      recordResource: 'children',
      recordId: id,
      purpose: 'annual review',
    });
  });

  it('a death: a deathDate field with ours missing', async () => {
    const id = await idOf('adopters', diff.died!);
    const res = await check('adopters', id).expect(200);
    expect(fieldOf(res.body, 'deathDate')).toMatchObject({
      register: 'population',
      ours: null,
      state: 'missing_ours',
    });
  });

  it('an unknown code: not_found, no fields; the query is audited without the code', async () => {
    const id = await idOf('children', diff.unknown!);
    const res = await check('children', id).expect(200);
    expect(res.body.registers.population).toMatchObject({ state: 'not_found' });
    expect(res.body.fields.filter((f: Field) => f.field === 'surname')).toEqual([]);
    const event = await lastAuditEvent(t.database.db);
    expect(event.action).toBe('register_query');
    expect(JSON.stringify(event)).not.toContain(diff.unknown!);
  });

  it('compares exactly: case and diacritics count, both empty is the same', () => {
    expect(fieldState('Ozola', 'Ozola')).toBe('same');
    expect(fieldState('Ozola', 'ozola')).toBe('different');
    expect(fieldState('Ozola', 'Ozoļa')).toBe('different');
    expect(fieldState(null, null)).toBe('same');
    expect(fieldState(null, '2020-01-01')).toBe('missing_ours');
    expect(fieldState('2020-01-01', null)).toBe('missing_theirs');
  });
});

describe('field rules', () => {
  const person: PersonRecord = {
    personalCode: '01021512345',
    givenNames: 'Anna',
    surname: 'Ozola',
    birthDate: '2015-02-01',
    sex: 'female',
    declaredAddress: { text: 'Rīga', atvk: '0010000' },
    citizenship: 'citizen',
    deathDate: '2026-01-01',
    spouse: null,
  };
  const answered = {
    state: 'answered' as const,
    result: { found: true as const, record: person, answeredAt: 'x', fromCache: false },
  };
  const row = { id: 1, version: 1, givenNames: 'Anna', surname: 'Ozola', birthDate: '2015-02-01' };

  it('a role that may not see a field never gets it, nor the death date beside the birth date', () => {
    expect(compareRecord('adopters', 'care_institution', row, answered, undefined)).toEqual([]);
    expect(compareRecord('children', 'analyst', row, answered, undefined)).toEqual([]);
    expect(
      compareRecord('adopters', 'orphan_court', row, answered, undefined).map((f) => f.field),
    ).toContain('deathDate');
  });
});

describe('take a value', () => {
  it('writes the register value through the writer: history source register, audit detail', async () => {
    const id = await idOf('adopters', diff.marriedSurname!);
    const version = await versionOf('adopters', id);
    const theirs = fieldOf((await check('adopters', id)).body, 'surname')!.theirs;
    const res = await t
      .as(specialist)
      .post(`/api/adopters/${id}/register-check/take`, { field: 'surname', version })
      .expect(200);
    expect(res.body).toMatchObject({ surname: theirs, version: version + 1 });
    const event = await lastAuditEvent(t.database.db);
    expect(event).toMatchObject({ action: 'update', resource: 'adopters', recordId: String(id) });
    expect(event.detail).toEqual({ register: 'population', field: 'surname' });
    const history = await t.as(specialist).get(`/api/adopters/${id}/changes`).expect(200);
    expect(history.body[0]).toMatchObject({ source: 'register', version: version + 1 });
    expect(Object.keys(history.body[0].changes)).toEqual(['surname']);
    // The search finds the new surname: the derived columns were recomputed.
    const found = await t
      .as(specialist)
      .get(`/api/adopters?filter=${encodeURIComponent(JSON.stringify({ q: String(theirs) }))}`)
      .expect(200);
    expect(found.body.map((a: { id: number }) => a.id)).toContain(id);

    expect(fieldOf((await check('adopters', id)).body, 'surname')!.state).toBe('same');
    const again = await t
      .as(specialist)
      .post(`/api/adopters/${id}/register-check/take`, { field: 'surname', version: version + 1 })
      .expect(400);
    expect(errorPaths(again.body)).toEqual(['body.field']);
  });

  it('409 on a stale version, nothing written', async () => {
    const id = await idOf('children', diff.disabilityEnded!);
    const version = await versionOf('children', id);
    const res = await t
      .as(specialist)
      .post(`/api/children/${id}/register-check/take`, {
        field: 'disabilityUntil',
        version: version - 1 || version + 1,
      })
      .expect(409);
    expect(res.body.current).toMatchObject({ version });
    expect(await versionOf('children', id)).toBe(version);
    const taken = await t
      .as(head)
      .post(`/api/children/${id}/register-check/take`, { field: 'disabilityUntil', version })
      .expect(200);
    expect(taken.body.disabilityUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('400 naming body.field: a death date, a field not compared, a field that is the same', async () => {
    const died = await idOf('adopters', diff.died!);
    const version = await versionOf('adopters', died);
    for (const field of ['deathDate', 'religion', 'givenNames']) {
      const res = await t
        .as(specialist)
        .post(`/api/adopters/${died}/register-check/take`, { field, version })
        .expect(400);
      expect(errorPaths(res.body)).toEqual(['body.field']);
    }
    const bad = await t
      .as(specialist)
      .post(`/api/adopters/${died}/register-check/take`, { field: 'surname' })
      .expect(400);
    expect(errorPaths(bad.body)).toEqual(['body.version']);
  });
});

describe('notes', () => {
  it('explains a difference; the newest note per field shows next time; audited without the reason', async () => {
    const id = await idOf('adopters', diff.moved!);
    const post = (reason: string) =>
      t.as(specialist).post(`/api/adopters/${id}/register-check/notes`, {
        field: 'declaredAddress',
        reason,
      });
    await post('Deklarētā adrese mainīta pēc mūsu apsekojuma').expect(201);
    const res = await post('Dzīvo pie vecākiem Rīgā līdz remonta beigām').expect(201);
    expect(res.body.note).toMatchObject({ by: 'Tests adoption_specialist' });
    const event = await lastAuditEvent(t.database.db);
    expect(event).toMatchObject({ action: 'register_note', resource: 'adopters' });
    expect(event.detail).toMatchObject({ field: 'declaredAddress' });
    expect(JSON.stringify(event)).not.toContain('remonta');

    const next = await check('adopters', id).expect(200);
    expect(fieldOf(next.body, 'declaredAddress')!.note).toMatchObject({
      reason: 'Dzīvo pie vecākiem Rīgā līdz remonta beigām',
      by: 'Tests adoption_specialist',
      at: expect.any(String),
    });
    expect(fieldOf(next.body, 'surname')!.note).toBeUndefined();
  });

  it('400 naming the field: unknown field, empty reason, unknown property', async () => {
    const id = await idOf('adopters', diff.moved!);
    const url = `/api/adopters/${id}/register-check/notes`;
    const cases: [object, string][] = [
      [{ field: 'religion', reason: 'x' }, 'body.field'],
      [{ field: 'surname', reason: '  ' }, 'body.reason'],
      [{ field: 'surname', reason: 'x', by: 'someone' }, 'body.by'],
    ];
    for (const [body, path] of cases) {
      const res = await t.as(specialist).post(url, body).expect(400);
      expect(errorPaths(res.body)?.[0]).toBe(path);
    }
  });
});

describe('who may check', () => {
  it('writers only: care institutions, orphan courts and analysts are refused; 404 outside', async () => {
    const child = await idOf('children', diff.disabilityEnded!);
    const adopter = await idOf('adopters', diff.moved!);
    await check('children', child, await t.token('care_institution')).expect(403);
    await check('children', child, await t.token('orphan_court')).expect(403);
    await check('adopters', adopter, await t.token('orphan_court')).expect(403);
    await check('adopters', adopter, await t.token('analyst')).expect(403);
    await t
      .as(await t.token('care_institution'))
      .post(`/api/children/${child}/register-check/take`, { field: 'surname', version: 1 })
      .expect(403);
    await check('children', 99_999_999).expect(404);
    const long = await check('children', child, specialist, { purpose: 'x'.repeat(201) }).expect(
      400,
    );
    expect(errorPaths(long.body)).toEqual(['body.purpose']);
  });
});

describe('a register that is down', () => {
  afterAll(() => {
    t.registers!.sim.clearSwitches();
    // Past the breaker's cool-down and the cache: the next test file's state is not ours.
    t.clock.advance(2 * 60 * 60_000);
  });

  it('unavailable, with the last answer time; never a 5xx of ours', async () => {
    const id = await idOf('adopters', diff.moved!);
    const last = (await check('adopters', id).expect(200)).body.registers.population.answeredAt;
    t.clock.advance(61 * 60_000); // past REGISTER_CACHE_MINUTES (60)
    t.registers!.sim.setSwitch({ mode: 'status', status: 503 });
    // The access token has expired meanwhile: a new sign-in.
    specialist = (await t.signIn('adoption_specialist')).token;
    const res = await check('adopters', id).expect(200);
    expect(res.body.registers.population).toEqual({ state: 'unavailable', lastAnsweredAt: last });
    expect(res.body.fields).toEqual([]);

    // A child never asked about: no last answer; both registers unavailable (breaker open by now).
    const child = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('personalCode', 'is not', null)
      .where('personalCode', 'not in', Object.values(diff) as string[])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const down = await check('children', child.id).expect(200);
    expect(down.body.registers).toEqual({
      population: { state: 'unavailable' },
      disability: { state: 'unavailable' },
    });
    const take = await t
      .as(specialist)
      .post(`/api/adopters/${id}/register-check/take`, {
        field: 'declaredAddress',
        version: await versionOf('adopters', id),
      })
      .expect(503);
    expect(take.body.code).toBe('register_unavailable');
  });
});

describe('no register configured', () => {
  it('503 register_unconfigured', async () => {
    // A disability URL only: no simulator, and no population register to ask.
    const other = await createTestApp({ REGISTER_DISABILITY_URL: 'http://127.0.0.1:9' });
    try {
      const res = await other
        .as(await other.token('adoption_specialist'))
        .post('/api/adopters/1/register-check', {})
        .expect(503);
      expect(res.body.code).toBe('register_unconfigured');
    } finally {
      await other.close();
    }
  });
});
