import { completedMonths, rigaToday } from '@adoption/model';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { downloadExport } from '../test-support/downloads';
import { firstId } from '../test-support/reference-data';
import type { Role } from '../policies/roles';
import { hiddenFields } from '../policies/fields';
import { childDerived } from '../children/schema';
import { childColumns } from './columns';
import { generatePersonalCode } from '../latvian/personal-code';
import { createRng } from '../latvian/random';

// Exports of the children list, read back with independent parsers (csv-parse, exceljs) and
// compared with what the list itself answers for the same filter and sort. Refusals, the adopters
// export and the column catalogue: export-rules.test.ts.

let t: TestApp;
let courtId: number;
let ownProvider: number;
let otherProvider: number;
const today = rigaToday();
const MARK = 'Ēķīšūņģļa';
const kids: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  courtId = await firstId(t.database.db, 'orphanCourts');
  const providers = await t.database.db
    .selectFrom('careProviders')
    .select('id')
    .orderBy('id')
    .limit(2)
    .execute();
  [ownProvider, otherProvider] = providers.map((p) => p.id) as [number, number];
  const cards: Record<string, unknown>[] = [
    {
      givenNames: 'Žanete Ļuba',
      birthDate: '2019-02-11',
      legallyFree: true,
      religion: 'katoliete',
    },
    { givenNames: 'Ģederts', sex: 'male', birthDate: '2012-08-30', legallyFree: true },
    { givenNames: 'Čaba', birthDate: '2015-12-01', legallyFree: false },
    {
      givenNames: 'Ūna',
      birthDate: '2014-04-04',
      legallyFree: true,
      careProviderId: otherProvider,
    },
  ];
  for (const over of cards) {
    const birthDate = over.birthDate as string;
    const row = {
      surname: MARK,
      givenNames: '',
      sex: 'female' as const,
      personalCode: null,
      nationalityKind: 'citizen' as const,
      recordSheetReceivedOn: '2025-01-15',
      careForm: 'care_institution' as const,
      careOrphanCourtId: courtId,
      careDecisionNumber: 'BT-2024/9',
      careDecisionDate: birthDate,
      careProviderId: ownProvider,
      birthFamilyCharacterisation: 'Māte atteikusies no bērna.',
      health: 'Vesels.',
      ...over,
      birthDate,
    };
    const { id } = await t.database.db
      .insertInto('children')
      .values({ ...row, ...childDerived(row) })
      .returning('id')
      .executeTakeFirstOrThrow();
    kids.push(id);
  }
});
afterAll(() => t.close());

const download = (resource: 'children' | 'adopters', query: Record<string, unknown>, role?: Role) =>
  downloadExport(t, resource, query, role);

async function listRows(
  filter: object,
  sort: [string, string],
  role: Role = 'adoption_specialist',
) {
  const res = await t
    .request()
    .get('/api/children')
    .query({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: '[0,999]' })
    .auth(await t.token(role), { type: 'bearer' })
    .expect(200);
  return res.body as Record<string, unknown>[];
}

/** The answer, after checking it is a 200 (else the problem's text shows in the failure). */
function ok(res: Response): Response {
  if (res.status !== 200)
    throw new Error(`${res.status}: ${(res.body as Buffer).toString('utf8')}`);
  return res;
}

/** exceljs declares its own `Buffer` (an ArrayBuffer); Node's Buffer is what it reads. */
async function workbookOf(res: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

const csvOf = (res: Response, delimiter = ';') =>
  parse((res.body as Buffer).toString('utf8'), { bom: true, delimiter }) as string[][];

const lvDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('children export', () => {
  const filter = { q: MARK, legallyFree: true };
  const sort = ['birthDate', 'ASC'] as [string, string];
  const columns = [
    'id',
    'surname',
    'givenNames',
    'birthDate',
    'age',
    'status',
    'careOrphanCourtId',
  ];

  it('CSV: UTF-8 with BOM, ";", Latvian headers and dates, the rows the list shows', async () => {
    const res = ok(await download('children', { format: 'csv', filter, sort, columns }));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="berni-${today}.csv"`);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = csvOf(res);
    expect(header).toEqual([
      'ID',
      'Uzvārds',
      'Vārds (vārdi)',
      'Dzimšanas datums',
      'Vecums (gadi)',
      'Statuss',
      'Bāriņtiesa',
    ]);
    const list = await listRows(filter, sort);
    expect(list.length).toBe(3);
    const court = await t.database.db
      .selectFrom('orphanCourts')
      .select('name')
      .where('id', '=', courtId)
      .executeTakeFirstOrThrow();
    expect(rows).toEqual(
      list.map((c) => [
        String(c.id),
        MARK,
        c.givenNames,
        lvDate(c.birthDate as string),
        String(Math.floor(completedMonths(c.birthDate as string, today) / 12)),
        'Uzskaites lapa saņemta',
        court.name,
      ]),
    );
    expect(rows.map((r) => r[2])).toEqual(['Ģederts', 'Ūna', 'Žanete Ļuba']);
  });

  it('XLSX: the same rows, dates as date cells, Latvian letters intact', async () => {
    const res = ok(await download('children', { format: 'xlsx', filter, sort, columns }));
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(`attachment; filename="berni-${today}.xlsx"`);
    const book = await workbookOf(res);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Saraksts');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ID',
      'Uzvārds',
      'Vārds (vārdi)',
      'Dzimšanas datums',
      'Vecums (gadi)',
      'Statuss',
      'Bāriņtiesa',
    ]);
    const list = await listRows(filter, sort);
    expect(sheet.rowCount).toBe(list.length + 1);
    list.forEach((c, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(c.id);
      expect(row.getCell(2).value).toBe(MARK);
      expect(row.getCell(3).value).toBe(c.givenNames);
      const born = row.getCell(4);
      expect(born.value).toBeInstanceOf(Date);
      expect((born.value as Date).toISOString().slice(0, 10)).toBe(c.birthDate);
      expect(born.numFmt).toBe('dd.mm.yyyy');
      expect(typeof row.getCell(5).value).toBe('number');
    });
  });

  it('lang=en: English headers and labels, "," and ISO dates', async () => {
    const res = ok(
      await download('children', {
        format: 'csv',
        lang: 'en',
        filter,
        sort,
        columns: ['givenNames', 'birthDate', 'status', 'legallyFree'],
      }),
    );
    expect(res.headers['content-disposition']).toBe(`attachment; filename="children-${today}.csv"`);
    const [header, first] = csvOf(res, ',');
    expect(header).toEqual(['Given names', 'Date of birth', 'Status', 'Legally free for adoption']);
    expect(first).toEqual(['Ģederts', '2012-08-30', 'Record sheet received', 'yes']);
  });

  it('without columns: every column the role may see; the export is audited with ids and count', async () => {
    const res = ok(await download('children', { format: 'csv', filter, sort }));
    const [header, ...rows] = csvOf(res);
    expect(header).toHaveLength(childColumns.length);
    expect(header).toContain('Bioloģiskās ģimenes raksturojums');
    const event = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const list = await listRows(filter, sort);
    expect(event).toMatchObject({
      actorUsername: 'adoption-specialist',
      resource: 'children',
      recordIds: list.map((c) => String(c.id)),
      detail: expect.objectContaining({
        format: 'csv',
        rows: rows.length,
        // The search term is stored keyed, never in clear (audit/mask.ts).
        filter: { ...filter, q: { keyed: [expect.stringMatching(/^[0-9a-f]{64}$/)] } },
        sort,
        columns: childColumns.map((c) => c.name),
      }),
    });
    expect(JSON.stringify(event.detail)).not.toContain(MARK);
    expect(rows).toHaveLength(3);
  });

  it('a care institution gets its own children only, without the fields it may not see', async () => {
    const res = ok(
      await download(
        'children',
        { format: 'xlsx', filter: { q: MARK }, sort: ['id', 'ASC'] },
        'care_institution',
      ),
    );
    const book = await workbookOf(res);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const hidden = hiddenFields('children', 'care_institution');
    const expected = childColumns.filter((c) => !hidden.has(c.field));
    expect(headers).toEqual(expected.map((c) => c.header.lv));
    for (const h of ['Reliģiskā piederība', 'Bioloģiskās ģimenes raksturojums', 'Radinieki']) {
      expect(headers).not.toContain(h);
    }
    expect(headers).not.toContain('Bērna piekrišana');
    expect(headers).toContain('Veselības stāvoklis'); // health it reports itself
    const exportedIds = [];
    for (let r = 2; r <= sheet.rowCount; r++) exportedIds.push(sheet.getRow(r).getCell(1).value);
    expect(exportedIds).toEqual(kids.slice(0, 3));
    expect(exportedIds).not.toContain(kids[3]);
  });

  it('writes codes with the hyphen, sub-lists as one text, formula-like text inert', async () => {
    const code = generatePersonalCode(createRng('export-test'), '2015-06-11');
    const row = {
      surname: 'Ozoliņa',
      givenNames: 'Elīza',
      sex: 'female' as const,
      personalCode: code,
      birthDate: '2015-06-11',
      nationalityKind: 'citizen' as const,
      recordSheetReceivedOn: '2025-02-01',
      careForm: 'foster_family' as const,
      careOrphanCourtId: courtId,
      careDecisionNumber: 'BT-7',
      careDecisionDate: '2025-01-05',
      careProviderId: null,
      legalStatusNote: '=HYPERLINK("x")',
      relatives: JSON.stringify([
        {
          kind: 'mother',
          givenNames: 'Inese',
          surname: 'Ozoliņa',
          birthDate: '1990-01-02',
          residence: 'Tukums',
          note: null,
        },
      ]),
      healthConditions: JSON.stringify([
        { condition: 'Astma', icd10: 'J45.9', since: '2020-03-01', treatment: 'inhalators' },
      ]),
    };
    const { id } = await t.database.db
      .insertInto('children')
      .values({ ...row, ...childDerived(row) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = ok(
      await download('children', {
        format: 'csv',
        filter: { id: [id] },
        columns: ['personalCode', 'legalStatusNote', 'relatives', 'healthConditions'],
      }),
    );
    const [, first] = csvOf(res);
    expect(first).toEqual([
      `${code.slice(0, 6)}-${code.slice(6)}`,
      `'=HYPERLINK("x")`,
      'māte: Inese Ozoliņa, 02.01.1990, Tukums',
      'Astma (J45.9), kopš 01.03.2020, inhalators',
    ]);
  });
});
