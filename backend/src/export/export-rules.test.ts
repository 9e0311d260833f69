import { completedMonths, rigaToday } from '@adoption/model';
import { parse } from 'csv-parse/sync';
import type { Context } from 'koa';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { downloadExport } from '../test-support/downloads';
import { firstId } from '../test-support/reference-data';
import type { Role } from '../policies/roles';
import { groupedFields } from '../policies/fields';
import type { Actor } from '../auth/actor';
import { adopterDerived } from '../adopters/schema';
import { adopterColumns, childColumns } from './columns';
import { exportRoutes } from './routes';

// The export's refusals (hidden and unknown columns, hidden filters, bad parameters, roles, the
// row limit), the adopters export, and the column catalogue's consistency with the field rules.

let t: TestApp;
let courtId: number;
const today = rigaToday();

beforeAll(async () => {
  t = await createTestApp();
  courtId = await firstId(t.database.db, 'orphanCourts');
});
afterAll(() => t.close());

const download = (resource: 'children' | 'adopters', query: Record<string, unknown>, role?: Role) =>
  downloadExport(t, resource, query, role);

const problemOf = (res: Response) =>
  JSON.parse((res.body as Buffer).toString('utf8')) as {
    errors: { path: string; code: string }[];
  };

async function exportEvents() {
  const { n } = await t.database.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'export')
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('children export refusals', () => {
  it.each([
    ['religion', 'hidden_field'],
    ['birthFamilyCharacterisation', 'hidden_field'],
    ['consent', 'hidden_field'],
    ['shoeSize', 'unknown_field'],
  ])('refuses the column %s to a care institution, naming it (%s)', async (column, code) => {
    const res = await download(
      'children',
      { format: 'csv', columns: ['surname', column] },
      'care_institution',
    );
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([
      expect.objectContaining({ path: `query.columns.${column}`, code }),
    ]);
  });

  it('refuses a filter or sort on a field the role may not see, and writes no event', async () => {
    const before = await exportEvents();
    for (const [query, path] of [
      [{ format: 'csv', filter: { consent: 'given' } }, 'query.filter.consent'],
      [{ format: 'csv', filter: { clearedAbroad: true } }, 'query.filter.clearedAbroad'],
      [{ format: 'xlsx', sort: ['consent', 'ASC'] }, 'query.sort'],
    ] as const) {
      const res = await download('children', query, 'care_institution');
      expect(res.status).toBe(400);
      expect(problemOf(res).errors[0]).toMatchObject({ path, code: 'hidden_field' });
    }
    expect(await exportEvents()).toBe(before);
  });

  it.each([
    [{ format: 'pdf' }, 'query.format'],
    [{}, 'query.format'],
    [{ format: 'csv', lang: 'de' }, 'query.lang'],
    [{ format: 'csv', columns: 'surname' }, 'query.columns'],
    [{ format: 'csv', columns: [] }, 'query.columns'],
    [{ format: 'csv', range: [0, 9] }, 'query.range'],
    [{ format: 'csv', filter: { ageBand: '1-5' } }, 'query.filter.ageBand'],
  ])('refuses %j naming %s', async (query, path) => {
    const res = await download('children', query);
    expect(res.status).toBe(400);
    expect(
      problemOf(res)
        .errors.map((e) => e.path)
        .join(' '),
    ).toContain(path);
  });

  it.each(['analyst', 'administrator', 'auditor'] as Role[])(
    'needs children:read (%s gets 403)',
    async (role) => {
      expect((await download('children', { format: 'csv' }, role)).status).toBe(403);
    },
  );

  it('refuses more rows than the limit with 400, naming query.filter, before auditing', async () => {
    const [route] = exportRoutes({ maxRows: 2 });
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'username', 'role'])
      .where('username', '=', 'adoption-specialist')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      role: user.role as Role,
      careProviderId: null,
      orphanCourtId: null,
      sessionId: 'test',
    };
    const audit = jest.fn();
    // The route's handler itself, with a limit of 2 (the demo data holds 120 children).
    const run = route!.handler({
      db: t.database.db,
      actor,
      query: { format: 'csv', lang: 'lv' },
      params: undefined,
      body: undefined,
      ctx: { set: jest.fn() } as unknown as Context,
      onCommit: jest.fn(),
      audit,
    });
    await expect(run).rejects.toMatchObject({
      status: 400,
      extra: {
        errors: [expect.objectContaining({ path: 'query.filter', code: 'too_many_rows' })],
      },
    });
    expect(audit).not.toHaveBeenCalled();
  });
});

describe('adopters export', () => {
  it('an orphan court exports its own adopters, with country names and labels', async () => {
    const country = await t.database.db
      .selectFrom('countries')
      .select(['id', 'nameLv'])
      .where('alpha2', '=', 'FR')
      .executeTakeFirstOrThrow();
    const base = {
      surname: 'Kļaviņa-Eksporta',
      personalCode: null,
      birthDate: '1984-07-07',
      declaredAddress: 'Ūdens iela 3, Cēsis',
      decisionNumber: 'BT-A-1',
      decisionDate: '2021-05-05',
      enteredOn: '2021-06-01',
    };
    const rows = [
      { ...base, givenNames: 'Līga', origin: 'latvian' as const, orphanCourtId: courtId },
      {
        ...base,
        givenNames: 'Sofī',
        origin: 'foreign' as const,
        orphanCourtId: courtId,
        countryId: country.id,
        foreignAuthority: 'Agence française de l’adoption',
        homeStudyReportDate: '2021-01-01',
        wishedSex: 'female' as const,
      },
      {
        ...base,
        givenNames: 'Citas tiesas',
        origin: 'latvian' as const,
        orphanCourtId: courtId + 1,
      },
    ];
    for (const row of rows) {
      await t.database.db
        .insertInto('adopters')
        .values({ ...row, ...adopterDerived(row) })
        .execute();
    }
    const res = await download(
      'adopters',
      {
        format: 'csv',
        filter: { q: 'Kļaviņa-Eksporta' },
        sort: ['id', 'ASC'],
        columns: ['givenNames', 'origin', 'countryId', 'wishedSex', 'waitingMonths'],
      },
      'orphan_court',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="adoptetaji-${today}.csv"`,
    );
    const [header, ...found] = parse((res.body as Buffer).toString('utf8'), {
      bom: true,
      delimiter: ';',
    }) as string[][];
    expect(header).toEqual([
      'Vārds (vārdi)',
      'Adoptētāja veids',
      'Valsts',
      'Vēlamais dzimums',
      'Gaida (mēneši)',
    ]);
    const months = String(completedMonths('2021-06-01', today));
    // The third adopter was recognised by another court: outside the orphan court's scope.
    expect(found).toEqual([
      ['Līga', 'Latvijas adoptētājs', '', 'Nav nozīmes', months],
      ['Sofī', 'Ārvalstu adoptētājs', country.nameLv, 'Meitene', months],
    ]);
  });

  it('a care institution may not export adopters at all', async () => {
    expect((await download('adopters', { format: 'xlsx' }, 'care_institution')).status).toBe(403);
  });
});

describe('the column catalogue', () => {
  it('every column but the bookkeeping follows a field of a field group', () => {
    const bookkeeping = ['id', 'status', 'createdAt', 'updatedAt'];
    for (const [resource, columns] of [
      ['children', childColumns],
      ['adopters', adopterColumns],
    ] as const) {
      const grouped = groupedFields(resource);
      const loose = columns.filter(
        (c) => !bookkeeping.includes(c.field) && !grouped.includes(c.field),
      );
      expect([resource, loose.map((c) => c.name)]).toEqual([resource, []]);
    }
  });

  it.each([
    ['2020-02-29', '2027-02-28', 83],
    ['2020-02-29', '2027-03-01', 84],
    ['2026-01-31', '2026-02-28', 0],
    ['2026-01-28', '2026-02-28', 1],
    ['2026-02-28', '2026-03-31', 1],
  ])('completed months from %s to %s: %i', (from, to, months) =>
    expect(completedMonths(from, to)).toBe(months),
  );
});
