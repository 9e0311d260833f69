import { Writable } from 'node:stream';
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from '@koa/bodyparser';
import pino from 'pino';
import { sql } from 'kysely';
import supertest from 'supertest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { asBytes, asText } from '../test-support/downloads';
import { countAuditEvents, lastAuditEventId } from '../test-support/audit-trail';
import { roles, type Role } from '../policies/roles';
import { crudRoutes } from '../http/crud';
import { mountRoutes } from '../http/route';
import { requestContext } from '../http/request-context';
import { problemMiddleware } from '../http/errors';
import { createMetrics } from '../health/metrics';
import { nameColumns } from '../classifiers/common';
import { territory, territoryInput, territoryList } from '../classifiers/territories/schema';
import { recordAudit, verifyChain } from './chain';

// The audit trail over HTTP: every classifier mutation leaves exactly one event with the right
// diff and actor, audited reads leave read/list events, the table is append-only, tampering is
// found, concurrent writers keep one intact chain, and only administrators and auditors see it.

let t: TestApp;
let admin: string;
let auditor: string;
let territoryId: number;
let orphanCourtId: number;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  t = await createTestApp({}, { logger: pino({ level: 'warn' }, sink) });
  admin = await t.token('administrator');
  auditor = await t.token('auditor');
  const riga = await t
    .request()
    .get('/api/territories')
    .query({ filter: '{"atvkCode":"0001000"}' })
    .auth(admin, { type: 'bearer' });
  territoryId = riga.body[0].id;
  orphanCourtId = (
    await t.database.db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

interface Event {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  sessionId: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  recordIds: string[] | null;
  changes: Record<string, { old?: unknown; new?: unknown }> | null;
  detail: Record<string, unknown> | null;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
  hash: string;
}

/** Events newer than `afterId`, oldest first, as the auditor reads them. */
async function eventsAfter(afterId: number): Promise<Event[]> {
  const res = await t
    .request()
    .get('/api/audit-events')
    .query({ sort: '["id","ASC"]', range: '[0,999]' })
    .auth(auditor, { type: 'bearer' })
    .expect(200);
  return (res.body as Event[]).filter((e) => e.id > afterId);
}

/**
 * Events newer than `afterId`, oldest first, as stored (the auditor reads the values of person
 * records masked: audit/present.test.ts).
 */
async function storedAfter(afterId: number): Promise<Event[]> {
  const rows = await t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), occurredAt: r.occurredAt.toISOString() }));
}

const lastEventId = () => lastAuditEventId(t.database.db);

interface Case {
  resource: string;
  valid: () => Record<string, unknown>;
  change: [string, unknown];
  /** Who keeps the resource (default: the administrator). */
  writer?: 'adoption_specialist';
  /** Person registers audit reads too. */
  readsAudited?: boolean;
}

const cases: Case[] = [
  {
    resource: 'territories',
    valid: () => ({ atvkCode: '9990001', name: 'Ķēniņu novads', kind: 'municipality' }),
    change: ['name', 'Ķēniņu valstspilsēta'],
  },
  {
    resource: 'orphan-courts',
    valid: () => ({
      name: 'Testa novada bāriņtiesa',
      territoryId,
      address: 'Brīvības iela 1, Rīga, LV-1010',
      phone: '+371 67000000',
      email: 'bt@example.lv',
    }),
    change: ['address', 'Dzirnavu iela 5, Rīga, LV-1010'],
  },
  {
    resource: 'care-providers',
    valid: () => ({
      name: 'Bērnu nams “Testa”',
      kind: 'crisis_centre',
      registrationNumber: '90000999999',
      legalAddress: 'Skolas iela 2, Ogre, LV-5001',
      territoryId,
      phone: null,
      email: null,
    }),
    change: ['phone', '+371 65000000'],
  },
  {
    resource: 'countries',
    valid: () => ({
      alpha2: 'XX',
      alpha3: 'XXX',
      numeric: '999',
      nameLv: 'Testa valsts',
      nameEn: 'Test country',
      hagueAdoption1993: false,
    }),
    change: ['hagueAdoption1993', true],
  },
  {
    resource: 'children',
    writer: 'adoption_specialist',
    readsAudited: true,
    valid: () => ({
      givenNames: 'Ance',
      surname: 'Ērgle',
      sex: 'female',
      birthDate: '2012-06-01',
      nationalityKind: 'citizen',
      recordSheetReceivedOn: '2025-05-02',
      careForm: 'foster_family',
      careOrphanCourtId: orphanCourtId,
      careDecisionNumber: 'BT-2025/44',
      careDecisionDate: '2025-04-28',
    }),
    change: ['surname', 'Ērgle-Liepa'],
  },
  {
    resource: 'adopters',
    writer: 'adoption_specialist',
    readsAudited: true,
    valid: () => ({
      origin: 'latvian',
      givenNames: 'Dace',
      surname: 'Strazdiņa',
      birthDate: '1983-03-03',
      declaredAddress: 'Ozolu iela 9, Cēsis, LV-4101',
      orphanCourtId,
      decisionNumber: 'BT-2025/A44',
      decisionDate: '2025-02-02',
      enteredOn: '2025-02-20',
    }),
    change: ['declaredAddress', 'Ozolu iela 11, Cēsis, LV-4101'],
  },
];

describe.each(cases)('$resource mutations are audited', (kase) => {
  const { resource, valid, change } = kase;
  it('create, update and delete each leave exactly one event with the diff and the actor', async () => {
    const role = kase.writer ?? 'administrator';
    const admin = await t.token(role);
    const me = await t.request().get('/api/auth/me').auth(admin, { type: 'bearer' }).expect(200);

    // create
    let before = await lastEventId();
    const created = await t
      .request()
      .post(`/api/${resource}`)
      .auth(admin, { type: 'bearer' })
      .send(valid())
      .expect(201);
    const id = created.body.id as number;
    let events = await storedAfter(before);
    expect(events).toHaveLength(1);
    const [c] = events as [Event];
    expect(c).toMatchObject({
      action: 'create',
      resource,
      recordId: String(id),
      actorUserId: me.body.id,
      actorUsername: role.replace(/_/g, '-'),
      actorRole: role,
      requestId: created.headers['x-request-id'],
    });
    expect(c.clientIp).toBeTruthy();
    for (const [field, value] of Object.entries(valid()))
      expect(c.changes![field]).toEqual({ new: value });
    expect(c.changes).not.toHaveProperty('version');
    expect(c.changes).not.toHaveProperty('id');

    // a refused update (stale version) leaves nothing
    before = await lastEventId();
    await t
      .request()
      .put(`/api/${resource}/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...valid(), version: 99 })
      .expect(409);
    expect(await storedAfter(before)).toHaveLength(0);

    // update: only the changed field, old and new
    const [field, value] = change;
    const updated = await t
      .request()
      .put(`/api/${resource}/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...created.body, [field]: value })
      .expect(200);
    events = await storedAfter(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'update',
      resource,
      recordId: String(id),
      actorUsername: role.replace(/_/g, '-'),
      requestId: updated.headers['x-request-id'],
      changes: { [field]: { old: valid()[field], new: value } },
    });
    expect(Object.keys(events[0]!.changes!)).toEqual([field]);

    // reads of reference data are not audited; reads of a person register are, once each
    before = await lastEventId();
    await t.request().get(`/api/${resource}/${id}`).auth(admin, { type: 'bearer' }).expect(200);
    await t.request().get(`/api/${resource}`).auth(admin, { type: 'bearer' }).expect(200);
    events = await storedAfter(before);
    expect(events.map((e) => e.action)).toEqual(kase.readsAudited ? ['read', 'list'] : []);
    before = await lastEventId();

    // delete: the last values
    const deleted = await t
      .request()
      .delete(`/api/${resource}/${id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    events = await storedAfter(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'delete',
      resource,
      recordId: String(id),
      requestId: deleted.headers['x-request-id'],
    });
    expect(events[0]!.changes![field]).toEqual({ old: value });

    // a delete of nothing leaves nothing
    before = await lastEventId();
    await t.request().delete(`/api/${resource}/${id}`).auth(admin, { type: 'bearer' }).expect(404);
    expect(await storedAfter(before)).toHaveLength(0);
  });
});

describe('a resource with auditReads', () => {
  // The crud machinery's read auditing on its own (children and adopters use it, above): a
  // RecordSpec on the territories table, mounted with the real route machinery.
  let agent: supertest.Agent;
  let actorId: number;
  beforeAll(async () => {
    const head = await t.token('head_of_department');
    actorId = (await t.request().get('/api/auth/me').auth(head, { type: 'bearer' })).body.id;
    const router = new Router();
    mountRoutes(
      router,
      crudRoutes(
        {
          resource: 'territories',
          table: 'territories',
          record: territory,
          input: territoryInput,
          list: territoryList,
          derive: (x) => nameColumns(String(x.name), String(x.atvkCode)),
          auditReads: true,
        },
        { tag: 'Test', maxPage: 100 },
      ),
      {
        db: t.database.db,
        authenticate: async () => ({
          userId: actorId,
          username: 'head-of-department',
          role: 'head_of_department',
          careProviderId: null,
          orphanCourtId: null,
          sessionId: 'test-session',
        }),
      },
    );
    const koa = new Koa({ proxy: true });
    koa.use(requestContext(pino({ level: 'silent' }), createMetrics()));
    koa.use(problemMiddleware);
    koa.use(bodyParser());
    koa.use(router.routes());
    agent = supertest.agent(koa.callback());
  });

  it('show leaves a read event and list one list event with the ids shown', async () => {
    let before = await lastEventId();
    const shown = await agent.get(`/api/territories/${territoryId}`).expect(200);
    let events = await eventsAfter(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'read',
      resource: 'territories',
      recordId: String(territoryId),
      actorUserId: actorId,
      actorUsername: 'head-of-department',
      actorRole: 'head_of_department',
      sessionId: 'test-session',
      requestId: shown.headers['x-request-id'],
      changes: null,
    });

    before = await lastEventId();
    const page = await agent
      .get('/api/territories')
      .query({ filter: '{"kind":"state_city"}', range: '[0,4]', sort: '["name","ASC"]' })
      .expect(200);
    events = await eventsAfter(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'list',
      resource: 'territories',
      recordId: null,
      recordIds: (page.body as { id: number }[]).map((r) => String(r.id)),
      detail: { filter: { kind: 'state_city' }, range: [0, 4], sort: ['name', 'ASC'] },
    });
    expect(events[0]!.recordIds).toHaveLength(5);

    // a record id filter finds both the read and the list page that showed it
    const shownId = events[0]!.recordIds![0]!;
    const found = await t
      .request()
      .get('/api/audit-events')
      .query({
        filter: JSON.stringify({
          resource: 'territories',
          recordId: shownId,
          action: ['read', 'list'],
        }),
      })
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect((found.body as Event[]).map((e) => e.id)).toContain(events[0]!.id);

    // a missing record is not "read"
    before = await lastEventId();
    await agent.get('/api/territories/999999').expect(404);
    expect(await eventsAfter(before)).toHaveLength(0);
  });
});

describe('the trail cannot be changed', () => {
  it.each([
    ['UPDATE', sql`update audit_events set actor_username = 'someone-else'`],
    ['DELETE', sql`delete from audit_events`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('%s is refused on the application connection', async (op, statement) => {
    expect(await lastEventId()).toBeGreaterThan(0);
    const count = () => countAuditEvents(t.database.db);
    const n = await count();
    await expect(statement.execute(t.database.db.withoutPlugins())).rejects.toThrow(
      new RegExp(`audit_events is append-only: ${op} is refused`),
    );
    expect(await count()).toBe(n);
  });
});

describe('tamper evidence', () => {
  it('verify finds a changed row by its id, and is intact again once it is restored', async () => {
    const ok = await t.request().get('/api/audit-events/verify').auth(auditor, { type: 'bearer' });
    expect(ok.body).toMatchObject({ ok: true, lastId: await lastEventId() });
    expect(ok.body.checked).toBeGreaterThan(3);

    const victim = (await eventsAfter(0))[2]!;
    const tamper = async (username: string | null) => {
      const raw = t.database.db.withoutPlugins();
      await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
        raw,
      );
      await sql`update audit_events set actor_username = ${username} where id = ${victim.id}`.execute(
        raw,
      );
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(raw);
    };
    await tamper('intruder');
    logLines.length = 0;
    const broken = await t
      .request()
      .get('/api/audit-events/verify')
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(broken.body).toMatchObject({
      ok: false,
      firstBreak: { id: victim.id, reason: 'hash_mismatch' },
    });
    expect(logLines).toContainEqual(
      expect.objectContaining({
        event: 'audit_chain_broken',
        id: victim.id,
        reason: 'hash_mismatch',
      }),
    );

    await tamper(victim.actorUsername);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });

  it('a removed row breaks the link of the next one', async () => {
    // In a throw-away chain of its own: a deleted event cannot be put back.
    const db = t.database.db;
    const raw = db.withoutPlugins();
    const events = await eventsAfter(0);
    const victim = events[events.length - 2]!;
    const next = events[events.length - 1]!;
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(raw);
    try {
      await sql`delete from audit_events where id = ${victim.id}`.execute(raw);
      // The batch size is small so the walk crosses batch borders.
      expect(await verifyChain(db, 2)).toMatchObject({
        ok: false,
        firstBreak: { id: next.id, reason: 'prev_hash_mismatch' },
      });
    } finally {
      // Put it back exactly as it was, so the other tests keep an intact chain.
      await sql`insert into audit_events (id, occurred_at, actor_user_id, actor_username, actor_role,
          session_id, action, resource, record_id, record_ids, changes, detail, request_id, client_ip,
          prev_hash, hash)
        overriding system value values (${victim.id}, ${victim.occurredAt}, ${victim.actorUserId},
          ${victim.actorUsername}, ${victim.actorRole}, ${victim.sessionId}, ${victim.action},
          ${victim.resource}, ${victim.recordId}, ${victim.recordIds && JSON.stringify(victim.recordIds)}::jsonb,
          ${victim.changes && JSON.stringify(victim.changes)}::jsonb,
          ${victim.detail && JSON.stringify(victim.detail)}::jsonb, ${victim.requestId},
          ${victim.clientIp}, ${victim.prevHash}, ${victim.hash})`.execute(raw);
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(raw);
    }
    expect(await verifyChain(db, 2)).toMatchObject({ ok: true });
  });
});

describe('concurrent writers', () => {
  it('20 parallel creates and 20 parallel updates keep one intact chain', async () => {
    const before = await lastEventId();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .request()
          .post('/api/territories')
          .auth(admin, { type: 'bearer' })
          .send({
            atvkCode: `98800${String(i).padStart(2, '0')}`,
            name: `Paralēles novads ${i}`,
            kind: 'municipality',
          })
          .expect(201),
      ),
    );
    await Promise.all(
      created.map((res) =>
        t
          .request()
          .put(`/api/territories/${res.body.id}`)
          .auth(admin, { type: 'bearer' })
          .send({ ...res.body, name: `${res.body.name as string} (mainīts)` })
          .expect(200),
      ),
    );
    const events = await eventsAfter(before);
    expect(events).toHaveLength(40);
    expect(events.filter((e) => e.action === 'create')).toHaveLength(20);
    expect(events.filter((e) => e.action === 'update')).toHaveLength(20);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    const report = await t
      .request()
      .get('/api/audit-events/verify')
      .auth(auditor, { type: 'bearer' });
    expect(report.body).toMatchObject({ ok: true, lastId: events[events.length - 1]!.id });
  });
});

describe('GET /api/audit-events', () => {
  let created: { id: number };
  let actorId: number;
  beforeAll(async () => {
    actorId = (await t.request().get('/api/auth/me').auth(admin, { type: 'bearer' })).body.id;
    created = (
      await t
        .request()
        .post('/api/territories')
        .auth(admin, { type: 'bearer' })
        .send({ atvkCode: '9770000', name: 'Filtru novads', kind: 'municipality' })
        .expect(201)
    ).body;
  });

  const list = (filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
    t
      .request()
      .get('/api/audit-events')
      .query({ filter: JSON.stringify(filter), range: '[0,999]', ...extra })
      .auth(auditor, { type: 'bearer' });

  it('lists newest first with Content-Range', async () => {
    const res = await t
      .request()
      .get('/api/audit-events')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const ids = (res.body as Event[]).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(res.headers['content-range']).toMatch(/^audit-events 0-24\/\d+$/);
    const asc = await list({}, { sort: '["occurredAt","ASC"]', range: '[0,1]' }).expect(200);
    expect(asc.body[0].id).toBeLessThan(asc.body[1].id);
  });

  it('filters by resource, record id, action, user and period', async () => {
    const byRecord = await list({ resource: 'territories', recordId: created.id }).expect(200);
    expect(byRecord.body).toHaveLength(1);
    expect(byRecord.body[0]).toMatchObject({ action: 'create', recordId: String(created.id) });

    const byAction = await list({ action: 'create', resource: 'territories' }).expect(200);
    expect(
      (byAction.body as Event[]).every(
        (e) => e.action === 'create' && e.resource === 'territories',
      ),
    ).toBe(true);
    expect((byAction.body as Event[]).length).toBeGreaterThan(20);

    const byUser = await list({ actorUserId: actorId }).expect(200);
    expect((byUser.body as Event[]).every((e) => e.actorUserId === actorId)).toBe(true);
    expect(await list({ actorUserId: 999999 }).expect(200)).toHaveProperty('body', []);

    const occurredAt = byRecord.body[0].occurredAt as string;
    const exact = {
      occurredAt_gte: occurredAt,
      occurredAt_lte: occurredAt,
      recordId: String(created.id),
    };
    expect((await list(exact).expect(200)).body).toHaveLength(1);
    // Whole days in Latvian time: today includes it, yesterday does not.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(
      new Date(occurredAt),
    );
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await list({ occurredAt_gte: today, occurredAt_lte: today, recordId: created.id }).expect(
          200,
        )
      ).body,
    ).toHaveLength(1);
    expect(
      (await list({ occurredAt_lte: yesterday, recordId: created.id }).expect(200)).body,
    ).toHaveLength(0);
    expect((await list({ occurredAt_gte: '2999-01-01' }).expect(200)).body).toHaveLength(0);

    const q = await list({ q: 'administrator territories' }).expect(200);
    expect((q.body as Event[]).length).toBeGreaterThan(0);
    expect(
      (q.body as Event[]).every(
        (e) => e.actorUsername === 'administrator' && e.resource === 'territories',
      ),
    ).toBe(true);
  });

  it('refuses unknown filters and bad dates, naming the field', async () => {
    const bad = await list({ occurredAt_gte: 'yesterday' }).expect(400);
    expect(bad.body.errors[0].path).toBe('query.filter.occurredAt_gte');
    expect((await list({ colour: 'red' }).expect(400)).body.errors[0].path).toBe(
      'query.filter.colour',
    );
    await t
      .request()
      .get('/api/audit-events')
      .query({ sort: '["hash","ASC"]' })
      .auth(auditor, { type: 'bearer' })
      .expect(400);
  });

  it('shows one event; /verify and /export.csv are not taken for ids', async () => {
    const [latest] = (await list({}, { range: '[0,0]' })).body as Event[];
    const one = await t
      .request()
      .get(`/api/audit-events/${latest!.id}`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(one.body).toEqual(latest);
    await t
      .request()
      .get('/api/audit-events/99999999')
      .auth(auditor, { type: 'bearer' })
      .expect(404);
    await t.request().get('/api/audit-events/abc').auth(auditor, { type: 'bearer' }).expect(400);
    await t.request().get('/api/audit-events/verify').auth(auditor, { type: 'bearer' }).expect(200);
  });
});

describe('GET /api/audit-events/export.csv', () => {
  it('exports the filtered trail as CSV with BOM, header and Latvian letters, and audits the export', async () => {
    const filter = JSON.stringify({ resource: 'territories', action: 'create' });
    const listed = await t
      .request()
      .get('/api/audit-events')
      .query({ filter, range: '[0,999]' })
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    const before = await lastEventId();
    const res = await t
      .request()
      .get('/api/audit-events/export.csv')
      .query({ filter })
      .auth(auditor, { type: 'bearer' })
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-events-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id,occurredAt,actorUserId,actorUsername,actorRole,sessionId,action,resource,recordId,recordIds,changes,detail,requestId,clientIp,prevHash,hash',
    );
    expect(lines).toHaveLength((listed.body as Event[]).length + 1);
    expect(lines[1]!.startsWith(`${listed.body[0].id},`)).toBe(true);
    expect(text).toContain('Ķēniņu novads');
    expect(text).toContain('Paralēles novads');

    const events = await eventsAfter(before);
    expect(events).toHaveLength(1);
    // The export does not contain itself (nor anything written while it streams).
    const all = await t
      .request()
      .get('/api/audit-events/export.csv')
      .auth(auditor, { type: 'bearer' })
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect((all.body as string).trimEnd().split('\n')).toHaveLength(events[0]!.id + 1);
    expect(events[0]).toMatchObject({
      action: 'export',
      resource: 'audit-events',
      actorUsername: 'auditor',
      detail: {
        format: 'csv',
        filter: { resource: 'territories', action: 'create' },
        rows: listed.body.length,
      },
    });
  });

  it('pages through large exports', async () => {
    // More events than one export batch (2,000), written straight through the writer.
    const db = t.database.db;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2100; i++)
        await recordAudit(trx, { action: 'read', resource: 'bulk-test', recordId: i + 1 });
    });
    const res = await t
      .request()
      .get('/api/audit-events/export.csv')
      .query({ filter: '{"resource":"bulk-test"}', sort: '["id","ASC"]' })
      .auth(auditor, { type: 'bearer' })
      .buffer(true)
      .parse(asText)
      .expect(200);
    const lines = (res.body as string).trimEnd().split('\n');
    expect(lines).toHaveLength(2101);
    const recordIds = lines.slice(1).map((l) => l.split(',')[8]);
    expect(recordIds[0]).toBe('1');
    expect(recordIds[2099]).toBe('2100');
    expect(new Set(recordIds).size).toBe(2100);
  });
});

describe('sensitive values', () => {
  it('are masked in the stored changes and detail, keeping that they changed', async () => {
    const { id } = await recordAudit(t.database.db, {
      action: 'update',
      resource: 'users',
      recordId: 1,
      changes: {
        passwordHash: { old: 'scrypt$old', new: 'scrypt$new' },
        totpSecret: { old: null, new: 'JBSWY3DPEHPK3PXP' },
        refreshTokenHash: { old: 'a', new: 'b' },
        personalCode: { old: '010101-10000', new: '010101-10001' },
        displayName: { old: 'Jānis', new: 'Jānis Bērziņš' },
      },
      detail: { token: 'secret-token', reason: 'reset', nested: { recoveryCodes: ['a'] } },
    });
    const res = await t
      .request()
      .get(`/api/audit-events/${id}`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(res.body.changes).toEqual({
      passwordHash: { old: '***', new: '***' },
      totpSecret: { old: null, new: '***' },
      refreshTokenHash: { old: '***', new: '***' },
      personalCode: { old: '***', new: '***' },
      displayName: { old: 'Jānis', new: 'Jānis Bērziņš' },
    });
    expect(res.body.detail).toEqual({
      token: '***',
      reason: 'reset',
      nested: { recoveryCodes: '***' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|JBSWY|010101|secret-token/);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });
});

describe('access', () => {
  const routes = [
    '/api/audit-events',
    '/api/audit-events/1',
    '/api/audit-events/verify',
    '/api/audit-events/export.csv',
  ];
  const allowed: Role[] = ['administrator', 'auditor'];

  it.each(roles.filter((r) => !allowed.includes(r)))(
    '%s gets 403 on every audit route',
    async (role) => {
      const token = await t.token(role);
      for (const path of routes)
        await t.request().get(path).auth(token, { type: 'bearer' }).expect(403);
    },
  );

  it('nobody signed out gets in, and nobody can write', async () => {
    for (const path of routes) await t.request().get(path).expect(401);
    for (const method of ['post', 'put', 'delete'] as const) {
      const res = await t.request()[method]('/api/audit-events/1').auth(admin, { type: 'bearer' });
      expect([404, 405]).toContain(res.status);
    }
  });

  it('administrators and auditors may read', async () => {
    for (const role of allowed) {
      const token = await t.token(role);
      for (const path of routes.filter((p) => !p.endsWith('/1')))
        await t.request().get(path).auth(token, { type: 'bearer' }).expect(200);
    }
  });
});
