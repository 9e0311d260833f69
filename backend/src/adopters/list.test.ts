import { addMonths, rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import type { Role } from '../policies/roles';
import { adopterDerived } from './schema';

// The adopters list's filters against a real database, each with rows inside and outside it. The
// rows carry a surname of their own and every query searches for it, so the demo adopters stay out.

let t: TestApp;
let courtId: number;
let countryIds: number[];
const today = rigaToday();
const MARK = 'Filtrētāja';
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  const court = await t.database.db
    .selectFrom('orphanCourts')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  courtId = court.id;
  countryIds = (
    await t.database.db.selectFrom('countries').select('id').orderBy('id').limit(2).execute()
  ).map((c) => c.id);
});
afterAll(() => t.close());

async function adopter(over: Record<string, unknown> = {}): Promise<number> {
  const row = {
    origin: 'latvian' as const,
    givenNames: `Ilze ${++n}`,
    surname: MARK,
    personalCode: null,
    birthDate: '1985-03-12',
    declaredAddress: 'Brīvības iela 1, Rīga',
    orphanCourtId: courtId,
    decisionNumber: `BT-A-${n}`,
    decisionDate: '2020-01-10',
    enteredOn: today,
    ...over,
  };
  const { id } = await t.database.db
    .insertInto('adopters')
    .values({ ...row, ...adopterDerived(row) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function list(filter: Record<string, unknown>, role: Role = 'adoption_specialist') {
  return t
    .request()
    .get('/api/adopters')
    .query({ filter: JSON.stringify({ q: MARK, ...filter }), range: '[0,999]' })
    .auth(await t.token(role), { type: 'bearer' });
}
async function ids(filter: Record<string, unknown>, role?: Role) {
  const res = await list(filter, role);
  expect(res.status).toBe(200);
  return (res.body as { id: number }[]).map((r) => r.id);
}

const foreign = (countryId: number) => ({
  origin: 'foreign' as const,
  countryId,
  foreignAuthority: 'Adoption Centre',
  homeStudyReportDate: '2019-11-01',
});

describe('adopter filters', () => {
  it('waitingMonthsMin / Max: whole months since the adopter was entered', async () => {
    const back = (m: number) => addMonths(today, -m);
    const twelve = await adopter({ enteredOn: back(12) });
    const three = await adopter({ enteredOn: back(3) });
    const atLeast12 = await ids({ waitingMonthsMin: 12 });
    expect(atLeast12).toContain(twelve);
    expect(atLeast12).not.toContain(three);
    const atMost11 = await ids({ waitingMonthsMax: 11 });
    expect(atMost11).toContain(three);
    expect(atMost11).not.toContain(twelve);
  });

  it('wishedSex: the value asked for, or several', async () => {
    const girl = await adopter({ wishedSex: 'female' });
    const any = await adopter({ wishedSex: 'any' });
    const boy = await adopter({ wishedSex: 'male' });
    const mine = [girl, any, boy];
    const only = async (f: Record<string, unknown>) =>
      (await ids(f)).filter((id) => mine.includes(id)).sort((a, b) => a - b);
    expect(await only({ wishedSex: 'female' })).toEqual([girl]);
    expect(await only({ wishedSex: ['female', 'any'] })).toEqual([girl, any].sort((a, b) => a - b));
  });

  it('acceptsSiblings: true and false', async () => {
    const yes = await adopter({ acceptsSiblings: true });
    const no = await adopter({ acceptsSiblings: false });
    expect(await ids({ acceptsSiblings: true })).toContain(yes);
    expect(await ids({ acceptsSiblings: true })).not.toContain(no);
    expect(await ids({ acceptsSiblings: false })).toContain(no);
  });

  it('countryId: foreign adopters of that country', async () => {
    const [a, b] = countryIds as [number, number];
    const first = await adopter(foreign(a));
    const second = await adopter(foreign(b));
    const latvian = await adopter();
    const found = await ids({ countryId: a });
    expect(found).toContain(first);
    expect(found).not.toContain(second);
    expect(found).not.toContain(latvian);
  });

  it('wishedAge: adopters whose wished range includes the age, bounds included', async () => {
    const small = await adopter({ wishedAgeFrom: 0, wishedAgeTo: 3 });
    const school = await adopter({ wishedAgeFrom: 7, wishedAgeTo: 12 });
    expect(await ids({ wishedAge: 3 })).toContain(small);
    expect(await ids({ wishedAge: 3 })).not.toContain(school);
    expect(await ids({ wishedAge: 7 })).toContain(school);
    expect(await ids({ wishedAge: 12 })).toContain(school);
    expect(await ids({ wishedAge: 13 })).not.toContain(school);
  });

  it('an orphan court (it sees every adopter group) filters its own adopters', async () => {
    const own = await adopter({ wishedSex: 'male', acceptsSiblings: true });
    expect(await ids({ wishedSex: 'male', acceptsSiblings: true }, 'orphan_court')).toContain(own);
  });

  it.each([
    [{ waitingMonthsMin: 1.5 }, 'query.filter.waitingMonthsMin'],
    [{ waitingMonthsMax: -2 }, 'query.filter.waitingMonthsMax'],
    [{ wishedSex: 'girl' }, 'query.filter.wishedSex'],
    [{ acceptsSiblings: 'true' }, 'query.filter.acceptsSiblings'],
    [{ countryId: 'LV' }, 'query.filter.countryId'],
    [{ wishedAge: 18 }, 'query.filter.wishedAge'],
  ])('refuses %j naming %s', async (filter, path) => {
    const res = await list(filter);
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
  });

  it('sorts by the validity of the decision', async () => {
    await adopter({ decisionValidUntil: '2027-01-01' });
    await adopter({ decisionValidUntil: '2026-06-01' });
    const res = await t
      .request()
      .get('/api/adopters')
      .query({ filter: JSON.stringify({ q: MARK }), sort: '["decisionValidUntil","ASC"]' })
      .auth(await t.token('adoption_specialist'), { type: 'bearer' })
      .expect(200);
    const dates = (res.body as { decisionValidUntil: string | null }[])
      .map((r) => r.decisionValidUntil)
      .filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
  });
});
