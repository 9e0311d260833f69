import { addMonths, rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { firstId } from '../test-support/reference-data';
import { parseListQuery } from '../http/list';
import { hiddenFields } from '../policies/fields';
import type { Role } from '../policies/roles';
import { childDerived } from './schema';
import { ageBandBirthDates, childList } from './list';
import { childSpec } from './spec';

// The children list's filters against a real database: each with rows inside and outside it. The
// rows carry a surname of their own, and every query searches for it, so the demo children of the
// test database stay out of the counts.

let t: TestApp;
let courtId: number;
let providerId: number;
const today = rigaToday();
const MARK = 'Sarakstiņa';
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  courtId = (await t.database.db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow())
    .id;
  // The care institution user's own provider (test-app gives it the first by id).
  providerId = await firstId(t.database.db, 'careProviders');
});
afterAll(() => t.close());

/** A child straight into the table: born 2012, record sheet received today unless told. */
async function child(over: Record<string, unknown> = {}): Promise<number> {
  const birthDate = (over.birthDate as string) ?? '2012-05-05';
  const row = {
    givenNames: `Anna ${++n}`,
    surname: MARK,
    sex: 'female' as const,
    personalCode: null,
    birthDate,
    nationalityKind: 'citizen' as const,
    recordSheetReceivedOn: today,
    careForm: 'care_institution' as const,
    careOrphanCourtId: courtId,
    careDecisionNumber: `BT-${n}`,
    careDecisionDate: birthDate,
    careProviderId: providerId,
    ...over,
  };
  const { id } = await t.database.db
    .insertInto('children')
    .values({ ...row, ...childDerived(row) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function ids(filter: Record<string, unknown>, role: Role = 'adoption_specialist') {
  const res = await t
    .request()
    .get('/api/children')
    .query({ filter: JSON.stringify({ q: MARK, ...filter }), range: '[0,999]' })
    .auth(await t.token(role), { type: 'bearer' });
  expect(res.status).toBe(200);
  return (res.body as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
}
const sorted = (...xs: number[]) => [...xs].sort((a, b) => a - b);

async function refused(filter: Record<string, unknown>, role: Role = 'adoption_specialist') {
  const res = await t
    .request()
    .get('/api/children')
    .query({ filter: JSON.stringify(filter) })
    .auth(await t.token(role), { type: 'bearer' });
  expect(res.status).toBe(400);
  return (res.body.errors as { path: string; code: string }[]).map((e) => `${e.path} ${e.code}`);
}

describe('list rows', () => {
  it('carry none of the card’s free text and sub-lists; the card and getMany-by-id rows do what the list does', async () => {
    const id = await child({
      health: 'Astma, kontrolēta.',
      healthConditions: JSON.stringify([
        { condition: 'Bronhiālā astma', icd10: 'J45.0', since: '2019-04-01', treatment: null },
      ]),
      relatives: JSON.stringify([
        { kind: 'mother', givenNames: 'Inese', surname: MARK, birthDate: null, note: null },
      ]),
      personality: 'Zinātkāra.',
    });
    const token = await t.token('adoption_specialist');
    const list = await t
      .request()
      .get('/api/children')
      .query({ filter: JSON.stringify({ id: [id] }) })
      .auth(token, { type: 'bearer' })
      .expect(200);
    const row = list.body[0] as Record<string, unknown>;
    expect(row).toMatchObject({ id, surname: MARK, birthDate: '2012-05-05' });
    for (const field of childSpec.listOmits) expect(row).not.toHaveProperty(field);
    const card = await t
      .request()
      .get(`/api/children/${id}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(card.body).toMatchObject({
      health: 'Astma, kontrolēta.',
      personality: 'Zinātkāra.',
      healthConditions: [expect.objectContaining({ icd10: 'J45.0' })],
      relatives: [expect.objectContaining({ givenNames: 'Inese' })],
    });
    // Every other field of the card is in the row, with the same value.
    for (const [field, value] of Object.entries(card.body as Record<string, unknown>)) {
      if (!(childSpec.listOmits as readonly string[]).includes(field))
        expect(row[field]).toEqual(value);
    }
  });
});

describe('dates behind the filters', () => {
  it.each([
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2026-11-24', 2, '2027-01-24'],
  ])('%s %i months → %s', (iso, months, expected) => expect(addMonths(iso, months)).toBe(expected));

  it('age bands are birth-date ranges; 29 February is a year older on 1 March', () => {
    expect(ageBandBirthDates('3-6', '2026-11-24')).toEqual({
      after: '2019-11-24',
      onOrBefore: '2023-11-24',
    });
    expect(ageBandBirthDates('18+', '2026-11-24')).toEqual({ onOrBefore: '2008-11-24' });
    // Born 2020-02-29: still 6 on 2027-02-28, 7 on 2027-03-01.
    const feb28 = ageBandBirthDates('7-9', '2027-02-28');
    expect('2020-02-29' <= feb28.onOrBefore).toBe(false);
    const mar1 = ageBandBirthDates('7-9', '2027-03-01');
    expect('2020-02-29' <= mar1.onOrBefore && '2020-02-29' > mar1.after!).toBe(true);
  });
});

describe('filters', () => {
  it('ageBand: one band or several, counted in completed years to today in Riga', async () => {
    const years = (k: number, days = 0) => addDays(addMonths(today, -12 * k), days);
    const three = await child({ birthDate: years(3) }); // 3 today
    const two = await child({ birthDate: years(3, 1) }); // 3 tomorrow
    const six = await child({ birthDate: years(7, 1) });
    const eighteen = await child({ birthDate: years(18) });
    const seventeen = await child({ birthDate: years(18, 1) });
    expect(await ids({ ageBand: '3-6' })).toEqual(sorted(three, six));
    expect(await ids({ ageBand: ['0-2', '18+'] })).toEqual(sorted(two, eighteen));
    expect(await ids({ ageBand: '14-17' })).toContain(seventeen);
    expect(await ids({ ageBand: '14-17' })).not.toContain(eighteen);
  });

  it('waitingMonthsMin / Max: whole months since the record sheet was received', async () => {
    const back = (m: number, days = 0) => addDays(addMonths(today, -m), days);
    const six = await child({ recordSheetReceivedOn: back(6) });
    const five = await child({ recordSheetReceivedOn: back(6, 1) });
    const old = await child({ recordSheetReceivedOn: back(24) });
    const fresh = await child({ recordSheetReceivedOn: today });
    const all = await ids({ waitingMonthsMin: 0 });
    expect(all).toEqual(expect.arrayContaining([six, five, old, fresh]));
    const atLeastSix = await ids({ waitingMonthsMin: 6 });
    expect(atLeastSix).toEqual(expect.arrayContaining([six, old]));
    expect(atLeastSix).not.toContain(five);
    expect(atLeastSix).not.toContain(fresh);
    const atMostFive = await ids({ waitingMonthsMax: 5 });
    expect(atMostFive).toEqual(expect.arrayContaining([five, fresh]));
    expect(atMostFive).not.toContain(six);
    expect(await ids({ waitingMonthsMin: 6, waitingMonthsMax: 6 })).toContain(six);
    expect(await ids({ waitingMonthsMin: 6, waitingMonthsMax: 6 })).not.toContain(old);
  });

  it('consent: given, refused, none, or several of them', async () => {
    const given = await child({ consent: 'given', consentDate: today });
    const refusedChild = await child({ consent: 'refused', consentDate: today });
    const none = await child();
    const within = [given, refusedChild, none];
    const only = async (f: Record<string, unknown>) =>
      (await ids(f)).filter((id) => within.includes(id));
    expect(await only({ consent: 'given' })).toEqual([given]);
    expect(await only({ consent: 'refused' })).toEqual([refusedChild]);
    expect(await only({ consent: 'none' })).toEqual([none]);
    expect(await only({ consent: ['given', 'none'] })).toEqual(sorted(given, none));
  });

  it.each([
    ['clearedAbroad', { clearedAbroad: true, ...abroad() }],
    ['doesNotWishAdoption', { doesNotWishAdoption: true }],
    ['legallyFree', { legallyFree: true }],
    ['hasDisability', { disabilityGroup: 'child', disabilityFrom: '2020-01-01' }],
  ])('%s: true finds the rows that are, false those that are not', async (filter, over) => {
    const yes = await child(over);
    const no = await child();
    const truthy = await ids({ [filter]: true });
    const falsy = await ids({ [filter]: false });
    expect(truthy).toContain(yes);
    expect(truthy).not.toContain(no);
    expect(falsy).toContain(no);
    expect(falsy).not.toContain(yes);
  });

  it('siblingGroup: in a group of brothers and sisters or not', async () => {
    const { id: groupId } = await t.database.db
      .insertInto('siblingGroups')
      .values({ note: null, mayBeSeparated: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inGroup = await child({ siblingGroupId: groupId });
    const alone = await child();
    expect(await ids({ siblingGroup: true })).toContain(inGroup);
    expect(await ids({ siblingGroup: true })).not.toContain(alone);
    expect(await ids({ siblingGroup: false })).toContain(alone);
    expect(await ids({ siblingGroup: false })).not.toContain(inGroup);
  });

  it('combines with the search and the older filters', async () => {
    const a = await child({ legallyFree: true, sex: 'male', givenNames: 'Jānis Zvaigzne' });
    await child({ legallyFree: true, sex: 'female' });
    expect(await ids({ legallyFree: true, sex: 'male', q: `${MARK} zvaigzne` })).toEqual([a]);
  });

  it.each([
    [{ ageBand: '5-8' }, 'query.filter.ageBand'],
    [{ ageBand: [] }, 'query.filter.ageBand'],
    [{ waitingMonthsMin: -1 }, 'query.filter.waitingMonthsMin'],
    [{ waitingMonthsMax: 'six' }, 'query.filter.waitingMonthsMax'],
    [{ consent: 'maybe' }, 'query.filter.consent'],
    [{ clearedAbroad: 'yes' }, 'query.filter.clearedAbroad'],
    [{ hasDisability: 1 }, 'query.filter.hasDisability'],
    [{ siblingGroup: null }, 'query.filter.siblingGroup'],
  ])('refuses %j naming %s', async (filter, path) => {
    const paths = (await refused(filter)).map((e) => e.split(' ')[0] ?? '');
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
  });
});

describe('sorting', () => {
  it('by the care decision date, newest first', async () => {
    await child({ birthDate: '2010-01-01', careDecisionDate: '2015-06-01' });
    await child({ birthDate: '2010-01-01', careDecisionDate: '2019-06-01' });
    const res = await t
      .request()
      .get('/api/children')
      .query({ filter: JSON.stringify({ q: MARK }), sort: '["careDecisionDate","DESC"]' })
      .auth(await t.token('adoption_specialist'), { type: 'bearer' })
      .expect(200);
    const dates = (res.body as { careDecisionDate: string }[]).map((r) => r.careDecisionDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('filters on fields the role may not see', () => {
  it('the parser refuses them, naming the filter or the sort', () => {
    const hidden = hiddenFields('children', 'care_institution');
    const errors = (raw: Record<string, string>) => {
      try {
        parseListQuery(raw, childList, 100, hidden);
        return [];
      } catch (e) {
        return (e as { extra: { errors: { path: string; code: string }[] } }).extra.errors;
      }
    };
    expect(errors({ filter: '{"consent":"given"}' })).toEqual([
      expect.objectContaining({ path: 'query.filter.consent', code: 'hidden_field' }),
    ]);
    expect(errors({ filter: '{"clearedAbroad":true}' })[0]?.path).toBe(
      'query.filter.clearedAbroad',
    );
    expect(errors({ sort: '["consent","ASC"]' })[0]?.path).toBe('query.sort');
    // Health and placement are visible to a care institution: those filters stay open.
    expect(
      errors({ filter: '{"hasDisability":true,"ageBand":"3-6","siblingGroup":false}' }),
    ).toEqual([]);
    // A specialist sees every group.
    expect(() =>
      parseListQuery(
        { filter: '{"consent":"none"}' },
        childList,
        100,
        hiddenFields('children', 'adoption_specialist'),
      ),
    ).not.toThrow();
  });

  it('a care institution asking the list for consent is refused 400 naming filter.consent', async () => {
    const found = await refused({ consent: 'given' }, 'care_institution');
    expect(found).toEqual(['query.filter.consent hidden_field']);
    expect(await refused({ doesNotWishAdoption: false }, 'care_institution')).toEqual([
      'query.filter.doesNotWishAdoption hidden_field',
    ]);
  });

  it('a care institution may still filter its own children by age and disability', async () => {
    const own = await child({ disabilityGroup: 'child', disabilityFrom: '2020-01-01' });
    expect(await ids({ hasDisability: true }, 'care_institution')).toContain(own);
  });
});

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function abroad() {
  return {
    abroadCourtDecisionNumber: 'BT-ārv-1',
    abroadCourtDecisionDate: '2025-01-10',
    abroadCommissionOpinionDate: '2025-02-10',
  };
}
