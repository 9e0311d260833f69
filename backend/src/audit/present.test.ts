import { createTestApp, type TestApp } from '../test-support/test-app';
import { as, buildAuditWorld, type AuditWorld, type Card } from '../test-support/audit-world';
import { asText } from '../test-support/downloads';
import { lastAuditEventId } from '../test-support/audit-trail';
import { pdf } from '../attachments/test-files';
import type { Role } from '../policies/roles';

// What the readers of the audit trail see (audit/present.ts): the administrator and the auditor
// get who did what to which record and which fields changed, never a child's names, birth date
// or card text — in the list, one event, the CSV export and a record's history alike. Whoever
// may read the record sees its values, within its role's field rules.

interface Event {
  id: number;
  action: string;
  recordId: string | null;
  recordIds: string[] | null;
  changes: Record<string, { old?: unknown; new?: unknown }> | null;
  detail: Record<string, unknown> | null;
}

let t: TestApp;
let w: AuditWorld;
let child: Card;
const renamed = 'Bērziņa-Liepiņa';
const newPersonality = 'Smaidīga, dzied korī.';
const decisionFile = 'Lēmums – Bērziņa.pdf';
/** Events about the child: created, edited, edited (birth family only), two attachments, lists. */
const ids = {} as Record<'create' | 'update' | 'familyOnly' | 'hiddenDoc' | 'decision', number>;
let consentList: number;
let mixedList: number;

const lastEventId = () => lastAuditEventId(t.database.db);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildAuditWorld(t, 'present');
  child = w.children.both;
  const specialist = as(t, w.token.adoption_specialist);
  ids.create = Number(
    (
      await t.database.db
        .selectFrom('auditEvents')
        .select('id')
        .where('resource', '=', 'children')
        .where('action', '=', 'create')
        .where('recordId', '=', String(child.id))
        .executeTakeFirstOrThrow()
    ).id,
  );
  const card = (await specialist.get(`/api/children/${child.id}`).expect(200)).body;
  const edited = await specialist
    .put(`/api/children/${child.id}`, {
      ...card,
      surname: renamed,
      personality: newPersonality,
      consentDate: '2024-06-01',
    })
    .expect(200);
  ids.update = await lastEventId();
  await specialist
    .put(`/api/children/${child.id}`, {
      ...edited.body,
      birthFamilyCharacterisation: 'Māte dzīvo ārzemēs.',
    })
    .expect(200);
  ids.familyOnly = await lastEventId();
  const attach = async (category: string, fileName: string) => {
    await t
      .request()
      .post(`/api/children/${child.id}/attachments`)
      .query({ category, fileName })
      .auth(w.token.adoption_specialist, { type: 'bearer' })
      .set('Content-Type', 'application/pdf')
      .send(pdf())
      .expect(201);
    return lastEventId();
  };
  ids.hiddenDoc = await attach('birth_family', 'Ģimenes apraksts.pdf');
  ids.decision = await attach('court_decision', decisionFile);
  const list = async (filter: object) => {
    await specialist.get('/api/children', { filter: JSON.stringify(filter) }).expect(200);
    return lastEventId();
  };
  consentList = await list({ id: [child.id], consent: 'given' });
  mixedList = await list({ id: [child.id, w.children.neither.id], sex: 'female' });
});
afterAll(() => t.close());

/** Text of the child that only a reader of the card may see. */
const cardText = () => [
  child.givenNames,
  child.surname,
  renamed,
  child.birthDate,
  child.personalCode,
  child.personality,
  newPersonality,
  'luteriete',
  '2024-05-02',
  '2024-06-01',
  'Atbilst vecumam',
  'aizgādības',
  'ārzemēs',
  '"given"',
  decisionFile,
];

const byId = (events: Event[]) => new Map(events.map((e) => [e.id, e]));
const history = (role: Role) =>
  as(t, w.token[role])
    .get('/api/record-history', {
      filter: JSON.stringify({ resource: 'children', recordId: child.id }),
      range: '[0,99]',
    })
    .expect(200);

describe.each(['administrator', 'auditor'] as const)('the %s', (role) => {
  const reader = () => as(t, w.token[role]);

  /** Ids and field names, no values, in every view of the trail. */
  function expectMasked(events: Map<number, Event>) {
    const created = events.get(ids.create)!;
    expect(created).toMatchObject({ action: 'create', recordId: String(child.id) });
    expect(Object.keys(created.changes!)).toEqual(
      expect.arrayContaining(['givenNames', 'surname', 'birthDate', 'personality', 'consent']),
    );
    for (const change of Object.values(created.changes!)) expect(change).toEqual({ new: '***' });
    expect(events.get(ids.update)!.changes).toEqual({
      surname: { old: '***', new: '***' },
      personality: { old: '***', new: '***' },
      consentDate: { old: '***', new: '***' },
    });
    expect(events.get(ids.decision)!.detail).toEqual({ attachmentId: expect.any(Number) });
    expect(events.get(consentList)).toMatchObject({
      recordIds: [String(child.id)],
      detail: { filter: { id: [child.id], consent: '***' }, total: 1 },
    });
    const text = JSON.stringify([...events.values()]);
    for (const value of cardText()) expect(text).not.toContain(value);
  }

  it('lists the events of the child with ids and field names but no values', async () => {
    const res = await reader()
      .get('/api/audit-events', {
        filter: JSON.stringify({ resource: 'children', recordId: child.id }),
        range: '[0,99]',
      })
      .expect(200);
    expectMasked(byId(res.body as Event[]));
  });

  it('shows each event the same way', async () => {
    const shown: Event[] = [];
    for (const id of Object.values(ids).concat(consentList)) {
      shown.push((await reader().get(`/api/audit-events/${id}`).expect(200)).body as Event);
    }
    expectMasked(byId(shown));
  });

  it("exports them the same way, and reads the child's history the same way", async () => {
    const csv = await reader()
      .get('/api/audit-events/export.csv', {
        filter: JSON.stringify({ resource: 'children', recordId: child.id }),
      })
      .buffer(true)
      .parse(asText)
      .expect(200);
    const text = csv.body as string;
    expect(text).toContain('personality');
    expect(text.split('\n').filter((l) => l.startsWith(`${ids.update},`))).toHaveLength(1);
    for (const value of cardText()) expect(text).not.toContain(value.replace(/"/g, '""'));
    expectMasked(byId((await history(role)).body as Event[]));
  });
});

describe('whoever may read the child', () => {
  it('the specialist sees the values in its history', async () => {
    const events = byId((await history('adoption_specialist')).body as Event[]);
    expect(events.get(ids.create)!.changes).toMatchObject({
      surname: { new: child.surname },
      personality: { new: child.personality },
      birthDate: { new: child.birthDate },
      // Masked when stored, for everyone.
      personalCode: { new: '***' },
    });
    expect(events.get(ids.update)!.changes).toEqual({
      surname: { old: child.surname, new: renamed },
      personality: { old: child.personality, new: newPersonality },
      consentDate: { old: '2024-05-02', new: '2024-06-01' },
    });
    expect(events.get(ids.familyOnly)!.changes).toHaveProperty('birthFamilyCharacterisation');
    expect(events.get(consentList)!.detail).toMatchObject({ filter: { consent: 'given' } });
    expect(events.get(mixedList)!.detail).toMatchObject({ filter: { sex: 'female' } });
    expect(events.get(ids.decision)!.changes).toMatchObject({ fileName: { new: decisionFile } });
  });

  it('the care institution sees what its role may see, and nothing of the rest', async () => {
    const res = await history('care_institution');
    const events = byId(res.body as Event[]);
    const created = events.get(ids.create)!;
    expect(created.changes).toMatchObject({
      surname: { new: child.surname },
      personality: { new: child.personality },
    });
    // Religion, the birth family and consent are not its to see: not even that they changed.
    for (const field of ['religion', 'birthFamilyCharacterisation', 'consent', 'consentDate'])
      expect(created.changes).not.toHaveProperty(field);
    expect(events.get(ids.update)!.changes).toEqual({
      surname: { old: child.surname, new: renamed },
      personality: { old: child.personality, new: newPersonality },
    });
    expect(events.has(ids.familyOnly)).toBe(false);
    expect(events.has(ids.hiddenDoc)).toBe(false);
    expect(events.get(ids.decision)!.changes).toMatchObject({ fileName: { new: decisionFile } });
    // A filter on a field it may not see, and a page that showed a child outside its scope.
    expect(events.get(consentList)!.detail).toMatchObject({
      filter: { id: [child.id], consent: '***' },
    });
    expect(events.get(mixedList)!.detail).toMatchObject({
      filter: { id: [child.id, w.children.neither.id], sex: '***' },
    });
    expect(res.headers['content-range']).toMatch(new RegExp(`/${events.size}$`));
    const text = JSON.stringify(res.body);
    for (const value of ['2024-06-01', 'ārzemēs', '"given"', 'Ģimenes apraksts'])
      expect(text).not.toContain(value);
  });

  it('the orphan court, which sees the whole card, sees the consent and the birth family', async () => {
    const events = byId((await history('orphan_court')).body as Event[]);
    expect(events.get(ids.update)!.changes).toHaveProperty('consentDate', {
      old: '2024-05-02',
      new: '2024-06-01',
    });
    expect(events.has(ids.familyOnly)).toBe(true);
  });
});

describe('change requests and the chain', () => {
  it("the auditor sees a proposed new child's fields, not its names, birth date or card", async () => {
    const res = await as(t, w.token.auditor)
      .get('/api/audit-events', {
        filter: JSON.stringify({ resource: 'change-requests', recordId: w.requests.courtNewChild }),
      })
      .expect(200);
    const created = (res.body as Event[]).find((e) => e.action === 'create')!;
    expect(created.detail).toEqual({ resource: 'children', kind: 'create', recordId: null });
    expect(created.changes).toMatchObject({
      surname: { new: '***' },
      birthDate: { new: '***' },
      personality: { new: '***' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Krišjānis|Vītoliņš|2012-08-30|Kluss/);
  });

  it('presenting changes nothing stored: the chain is intact', async () => {
    const report = await as(t, w.token.auditor).get('/api/audit-events/verify').expect(200);
    expect(report.body).toMatchObject({ ok: true, lastId: await lastEventId() });
  });
});
