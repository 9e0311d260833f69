import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { as } from '../test-support/audit-world';
import { formatPersonalCode } from '../latvian/personal-code';
import { foldForSearch } from '../latvian/search';

// Search terms in the audit trail: whatever people type into a search (a personal code, a name)
// is stored keyed, never in clear — not in a list's, an export's or the trail's own export's
// detail — and `searchedFor` still finds who searched for it.

let t: TestApp;
let specialist: ReturnType<typeof as>;
let court: ReturnType<typeof as>;
let auditor: ReturnType<typeof as>;
let child: { id: number; personalCode: string; surname: string };
let adopterCode: string;
let courtChildCode: string;
let unsearchedCode: string;

beforeAll(async () => {
  t = await createTestApp();
  specialist = as(t, await t.token('adoption_specialist'));
  court = as(t, await t.token('orphan_court'));
  auditor = as(t, await t.token('auditor'));
  const db = t.database.db;
  const children = await db
    .selectFrom('children')
    .select(['id', 'personalCode', 'surname'])
    .where('personalCode', 'is not', null)
    .orderBy('id')
    .execute();
  // A name with Latvian letters, so the search folds it.
  const named = children.find((c) => c.surname !== foldForSearch(c.surname))!;
  child = { ...named, personalCode: named.personalCode! };
  adopterCode = (
    await db
      .selectFrom('adopters')
      .select('personalCode')
      .where('personalCode', 'is not', null)
      .executeTakeFirstOrThrow()
  ).personalCode!;
  const courtId = (await db.selectFrom('orphanCourts').select('id').orderBy('id').execute())[0]!.id;
  courtChildCode = (
    await db
      .selectFrom('children')
      .select('personalCode')
      .where('careOrphanCourtId', '=', courtId)
      .where('personalCode', 'is not', null)
      .where('id', '!=', child.id)
      .executeTakeFirstOrThrow()
  ).personalCode!;

  unsearchedCode = children.find(
    (c) => c.id !== child.id && c.personalCode !== courtChildCode,
  )!.personalCode!;

  const search = (who: typeof specialist, path: string, q: string, extra = {}) =>
    who.get(path, { filter: JSON.stringify({ q, ...extra }) }).expect(200);
  // Typed as on a document (with the hyphen), as stored, within other words, and a name.
  const listed = await search(specialist, '/api/children', formatPersonalCode(child.personalCode));
  expect(listed.body.map((c: { id: number }) => c.id)).toEqual([child.id]);
  await specialist
    .get('/api/children/export', {
      format: 'csv',
      filter: JSON.stringify({ q: child.personalCode }),
    })
    .expect(200);
  await search(specialist, '/api/children', child.surname, { sex: ['female', 'male'] });
  await search(specialist, '/api/adopters', `Dace ${adopterCode}`);
  await search(court, '/api/children', courtChildCode);
  // The trail's own export, filtered by a term and by a code typed where no code belongs.
  await auditor
    .get('/api/audit-events/export.csv', {
      filter: JSON.stringify({ searchedFor: child.personalCode, actorUsername: adopterCode }),
    })
    .expect(200);
});
afterAll(() => t.close());

describe('search terms are never stored in clear', () => {
  it('no personal code of the register, nor the searched name, is anywhere in audit_events', async () => {
    const { rows } = await sql<{ text: string }>`
      select coalesce(string_agg(e::text, ' '), '') as text from audit_events e`.execute(
      t.database.db,
    );
    const trail = rows[0]!.text;
    expect(trail).toContain('"keyed"');
    const db = t.database.db;
    const codes = [
      ...(await db.selectFrom('children').select('personalCode').execute()),
      ...(await db.selectFrom('adopters').select('personalCode').execute()),
    ]
      .map((r) => r.personalCode)
      .filter((c): c is string => c !== null);
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect(trail).not.toContain(code);
      expect(trail).not.toContain(formatPersonalCode(code));
    }
    expect(trail).not.toContain(child.surname);
    expect(trail).not.toContain(foldForSearch(child.surname));
  });

  it('stores a search as one key per word, and a code typed in another filter masked', async () => {
    const exports = await t.database.db
      .selectFrom('auditEvents')
      .select(['resource', 'detail'])
      .where('action', '=', 'export')
      .orderBy('id')
      .execute();
    const children = exports.find((e) => e.resource === 'children')!;
    expect(children.detail!.filter).toEqual({
      q: { keyed: [expect.stringMatching(/^[0-9a-f]{64}$/)] },
    });
    const trail = exports.find((e) => e.resource === 'audit-events')!;
    expect(trail.detail!.filter).toEqual({
      searchedFor: { keyed: [expect.stringMatching(/^[0-9a-f]{64}$/)] },
      actorUsername: '***',
    });
    // The same code, typed with or without its hyphen, keys alike.
    const lists = await t.database.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'list')
      .where('resource', '=', 'children')
      .orderBy('id')
      .execute();
    expect(lists[0]!.detail!.filter).toEqual(children.detail!.filter);
    expect((await auditor.get('/api/audit-events/verify').expect(200)).body.ok).toBe(true);
  });
});

describe('searchedFor finds who searched for a term', () => {
  const searchedFor = (term: string, extra = {}) =>
    auditor.get('/api/audit-events', {
      filter: JSON.stringify({ searchedFor: term, ...extra }),
      sort: '["id","ASC"]',
    });
  const found = (res: { body: { actorUsername: string; action: string; resource: string }[] }) =>
    res.body.map((e) => `${e.actorUsername} ${e.action} ${e.resource}`);

  it('a personal code, however it was typed', async () => {
    const expected = ['adoption-specialist list children', 'adoption-specialist export children'];
    expect(found(await searchedFor(child.personalCode).expect(200))).toEqual(expected);
    const hyphen = await searchedFor(formatPersonalCode(child.personalCode)).expect(200);
    expect(found(hyphen)).toEqual(expected);
    expect(hyphen.headers['content-range']).toBe('audit-events 0-1/2');
    expect(found(await searchedFor(adopterCode).expect(200))).toEqual([
      'adoption-specialist list adopters',
    ]);
    expect(found(await searchedFor(courtChildCode).expect(200))).toEqual([
      'orphan-court list children',
    ]);
  });

  it('a name, with or without its Latvian letters, and with the other filters', async () => {
    const expected = ['adoption-specialist list children'];
    expect(found(await searchedFor(child.surname).expect(200))).toEqual(expected);
    expect(found(await searchedFor(foldForSearch(child.surname)).expect(200))).toEqual(expected);
    expect(
      found(await searchedFor(child.surname, { actorUsername: 'orphan-court' }).expect(200)),
    ).toEqual([]);
    // Every word must have been searched for: the adopter's search held "Dace" and the code.
    expect(found(await searchedFor(`${adopterCode} dace`).expect(200))).toHaveLength(1);
    expect(found(await searchedFor(`${adopterCode} Anna`).expect(200))).toHaveLength(0);
  });

  it('nothing for a term nobody searched for', async () => {
    expect((await searchedFor(unsearchedCode).expect(200)).body).toEqual([]);
  });

  it('refuses a term without a word, naming the filter', async () => {
    const res = await searchedFor(' – ').expect(400);
    expect(res.body.errors[0].path).toBe('query.filter.searchedFor');
    expect((await searchedFor('x'.repeat(201)).expect(400)).body.errors[0].path).toBe(
      'query.filter.searchedFor',
    );
  });
});
