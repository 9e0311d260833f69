import { sql } from 'kysely';
import { createTestApp, TEST_DATA_ENCRYPTION_KEY, type TestApp } from '../test-support/test-app';
import { countAuditEvents } from '../test-support/audit-trail';
import { roles } from '../policies/roles';
import type { OutboxStatus } from '../db/tables/outbox';
import { enqueueMail, mailSecrets, type MailTemplate } from './outbox';
import { sampleMailData } from './templates';
import { HIDDEN_LINK } from './outgoing-mail-routes';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('administrator');
});
afterAll(() => t.close());

const sealer = mailSecrets({ APP_ENV: 'dev', DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY });
const SECRET_LINK = 'https://register.example.lv/#/set-password?token=SeCrEtToKeN-123456';
const get = (path: string, token = admin) => t.request().get(path).auth(token, { type: 'bearer' });
const post = (path: string, token = admin) =>
  t.request().post(path).auth(token, { type: 'bearer' });
const list = (filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
  get('/api/outgoing-mail').query({ filter: JSON.stringify(filter), ...extra });

let seq = 0;
/** Queues one mail (a password link sealed, as the users service does) and sets its status. */
async function queue(
  template: MailTemplate,
  opts: {
    language?: 'lv' | 'en';
    recipient?: string;
    status?: OutboxStatus;
    data?: Record<string, unknown>;
  } = {},
): Promise<number> {
  const { link: _link, ...data } = sampleMailData[template] as Record<string, unknown>;
  const isPasswordLink = template === 'set-password' || template === 'reset-password';
  const id = await enqueueMail(
    t.database.db,
    {
      idempotencyKey: `outgoing-mail-test:${++seq}`,
      recipient: opts.recipient ?? `Person.${seq}@Outgoing.example.lv`,
      template,
      language: opts.language ?? 'lv',
      data: opts.data ?? (isPasswordLink ? data : { ...sampleMailData[template] }),
    },
    isPasswordLink ? { values: { link: SECRET_LINK }, sealer } : undefined,
  );
  if (opts.status && opts.status !== 'queued') {
    await t.database.db
      .updateTable('outbox')
      .set({
        status: opts.status,
        attempts: 5,
        lastError: opts.status === 'sent' ? null : '550 mailbox unavailable',
        nextAttemptAt: opts.status === 'failed' ? new Date(Date.now() + 60_000) : null,
        sentAt: opts.status === 'sent' ? new Date() : null,
        sealedData: opts.status === 'sent' ? null : undefined,
      })
      .where('id', '=', id)
      .execute();
  }
  return Number(id);
}

const ids = {} as Record<'setLv' | 'setEn' | 'reset' | 'locked' | 'report' | 'old', number>;
beforeAll(async () => {
  ids.setLv = await queue('set-password', { recipient: 'Liga.Berzina@Filter.example.lv' });
  ids.setEn = await queue('set-password', { language: 'en', status: 'sent' });
  ids.reset = await queue('reset-password', { status: 'dead_lettered' });
  ids.locked = await queue('account-locked', { language: 'en', status: 'failed' });
  ids.report = await queue('report-due', { status: 'sent' });
  // Queued long ago (the date filters): 1 March 2026, 12:00 in Riga.
  ids.old = await queue('offer-deadline-approaching', { recipient: 'old@filter.example.lv' });
  await sql`update outbox set created_at = '2026-03-01T10:00:00Z' where id = ${ids.old}`.execute(
    t.database.db,
  );
});

describe('GET /api/outgoing-mail', () => {
  it('lists newest first with Content-Range, an overview without data or sealed values', async () => {
    const res = await get('/api/outgoing-mail').expect(200);
    expect(res.headers['content-range']).toBe(`outgoing-mail 0-5/6`);
    expect(res.body.map((r: { id: number }) => r.id)).toEqual([
      ids.report,
      ids.locked,
      ids.reset,
      ids.setEn,
      ids.setLv,
      ids.old,
    ]);
    for (const row of res.body) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'id',
          'recipient',
          'template',
          'language',
          'status',
          'attempts',
          'createdAt',
          'lastAttemptAt',
          'publishedAt',
          'sentAt',
          'lastError',
          'nextAttemptAt',
        ].sort(),
      );
    }
    expect(JSON.stringify(res.body)).not.toContain('SeCrEtToKeN');
    expect(res.body.find((r: { id: number }) => r.id === ids.reset)).toMatchObject({
      template: 'reset-password',
      status: 'dead_lettered',
      attempts: 5,
      lastError: '550 mailbox unavailable',
    });
  });

  it('filters by status, template, language, day and recipient (any case)', async () => {
    const idsOf = async (filter: Record<string, unknown>, sort?: string) =>
      (await list(filter, sort ? { sort } : {}).expect(200)).body.map((r: { id: number }) => r.id);
    expect(await idsOf({ status: 'sent' })).toEqual([ids.report, ids.setEn]);
    expect(await idsOf({ status: ['failed', 'dead_lettered'] })).toEqual([ids.locked, ids.reset]);
    expect(await idsOf({ template: 'set-password' })).toEqual([ids.setEn, ids.setLv]);
    expect(await idsOf({ language: 'en' })).toEqual([ids.locked, ids.setEn]);
    expect(await idsOf({ q: 'berzina@FILTER' })).toEqual([ids.setLv]);
    expect(await idsOf({ q: 'filter.example' }, '["id","ASC"]')).toEqual([ids.setLv, ids.old]);
    expect(await idsOf({ q: '%' })).toEqual([]);
    expect(await idsOf({ createdAt_gte: '2026-03-01', createdAt_lte: '2026-03-01' })).toEqual([
      ids.old,
    ]);
    expect(await idsOf({ createdAt_lte: '2026-02-28' })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await idsOf({ createdAt_gte: today })).not.toContain(ids.old);

    const page = await list({ template: 'set-password' }, { range: '[1,1]' }).expect(200);
    expect(page.headers['content-range']).toBe('outgoing-mail 1-1/2');
    const sorted = await idsOf({ status: ['sent', 'failed'] }, '["status","ASC"]');
    expect(sorted).toEqual([ids.locked, ids.setEn, ids.report]);
  });

  it('refuses unknown filters and sort fields, and a date that is not one', async () => {
    const bad = await list({ data: 'x' }).expect(400);
    expect(bad.body.errors[0].path).toBe('query.filter.data');
    expect((await list({ createdAt_gte: 'yesterday' }).expect(400)).body.errors[0].path).toBe(
      'query.filter.createdAt_gte',
    );
    await get('/api/outgoing-mail?sort=["recipient","ASC"]').expect(400);
  });
});

describe('GET /api/outgoing-mail/:id', () => {
  it('renders the Latvian mail with a placeholder for the one-time link, never the link', async () => {
    const res = await get(`/api/outgoing-mail/${ids.setLv}`).expect(200);
    expect(res.body).toMatchObject({
      id: ids.setLv,
      template: 'set-password',
      language: 'lv',
      status: 'queued',
      hasSealedValues: true,
      placeholders: ['link'],
      renderError: null,
    });
    expect(res.body).not.toHaveProperty('data');
    expect(res.body).not.toHaveProperty('sealedData');
    expect(res.body.rendered.subject).toBe('Paroles iestatīšana Adopcijas reģistrā');
    expect(res.body.rendered.text).toContain('Līga Bērziņa');
    expect(res.body.rendered.text).toContain(HIDDEN_LINK);
    // Mustache escapes the slashes in HTML.
    expect(res.body.rendered.html).toContain(HIDDEN_LINK.replace(/\//g, '&#x2F;'));
    expect(res.body.rendered.html).toContain('<html lang="lv">');
    expect(JSON.stringify(res.body)).not.toContain('SeCrEtToKeN');
  });

  it('renders the English mail of a sent row, whose sealed values are gone', async () => {
    const res = await get(`/api/outgoing-mail/${ids.setEn}`).expect(200);
    expect(res.body).toMatchObject({ language: 'en', status: 'sent', hasSealedValues: false });
    expect(res.body.rendered.text).toContain(HIDDEN_LINK);
    expect(res.body.rendered.subject).toBe('Set your password for the Adoption Register');
    expect(res.body.rendered.html).toContain('<html lang="en">');
  });

  it('masks a link a row from before the sealing still holds in its data', async () => {
    const id = await queue('reset-password', {
      data: { ...sampleMailData['reset-password'], link: SECRET_LINK },
    });
    const res = await get(`/api/outgoing-mail/${id}`).expect(200);
    expect(res.body.rendered.text).toContain(HIDDEN_LINK);
    expect(JSON.stringify(res.body)).not.toContain('SeCrEtToKeN');
    await t.database.db.deleteFrom('outbox').where('id', '=', id).execute();
  });

  it('does not show administrators the content of a letter about a case', async () => {
    for (const id of [ids.report, ids.old]) {
      const res = await get(`/api/outgoing-mail/${id}`).expect(200);
      expect(res.body).toMatchObject({ contentWithheld: true, rendered: null, renderError: null });
      expect(JSON.stringify(res.body)).not.toMatch(/2027|janvāris/);
    }
  });

  it('renders account mails, and says why a mail cannot be built', async () => {
    const locked = await get(`/api/outgoing-mail/${ids.locked}`).expect(200);
    expect(locked.body).toMatchObject({ placeholders: [], contentWithheld: false });
    expect(locked.body.rendered.subject).toBeTruthy();

    const broken = await queue('account-locked', { data: { displayName: 'Ērika Kalniņa' } });
    const res = await get(`/api/outgoing-mail/${broken}`).expect(200);
    expect(res.body.rendered).toBeNull();
    expect(res.body.renderError).toMatch(/data\.username is required/);
    await t.database.db.deleteFrom('outbox').where('id', '=', broken).execute();
  });

  it('answers 404 for an unknown id', async () => {
    await get('/api/outgoing-mail/999999').expect(404);
    await get('/api/outgoing-mail/abc').expect(400);
  });
});

describe('POST /api/outgoing-mail/:id/retry', () => {
  const auditCount = () => countAuditEvents(t.database.db);

  it('queues a dead-lettered mail again, keeping its history, with exactly one audit event', async () => {
    const before = await auditCount();
    const res = await post(`/api/outgoing-mail/${ids.reset}/retry`).expect(200);
    expect(res.body).toMatchObject({
      id: ids.reset,
      status: 'queued',
      nextAttemptAt: null,
      attempts: 5,
      lastError: '550 mailbox unavailable',
    });
    expect(res.body).not.toHaveProperty('data');
    expect(await auditCount()).toBe(before + 1);
    const events = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('resource', '=', 'outgoing-mail')
      .where('action', '=', 'retry')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      recordId: String(ids.reset),
      actorUsername: 'administrator',
      detail: { previousStatus: 'dead_lettered' },
    });
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', ids.reset)
      .executeTakeFirstOrThrow();
    // The sealed link stays for the deliverer to build the mail again.
    expect(row.sealedData).not.toBeNull();
  });

  it('leaves a failed mail to its automatic retries', async () => {
    const res = await post(`/api/outgoing-mail/${ids.locked}/retry`).expect(409);
    expect(res.body.detail).toMatch(/retried automatically/);
  });

  it('refuses a sent or queued mail with 409, and an unknown one with 404', async () => {
    const before = await auditCount();
    const sent = await post(`/api/outgoing-mail/${ids.setEn}/retry`).expect(409);
    expect(sent.body.detail).toMatch(/Only a dead-lettered e-mail.*this one is sent\./);
    await post(`/api/outgoing-mail/${ids.setLv}/retry`).expect(409);
    await post('/api/outgoing-mail/999999/retry').expect(404);
    expect(await auditCount()).toBe(before);
    const row = await t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', ids.setEn)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });
});

describe('who may see outgoing mail', () => {
  it.each(roles.filter((r) => r !== 'administrator'))('%s gets 403', async (role) => {
    const token = await t.token(role);
    await get('/api/outgoing-mail', token).expect(403);
    await get(`/api/outgoing-mail/${ids.setLv}`, token).expect(403);
    await post(`/api/outgoing-mail/${ids.report}/retry`, token).expect(403);
  });

  it('audits who listed or opened the mails', async () => {
    await get(`/api/outgoing-mail/${ids.report}`).expect(200);
    const read = await t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'recordId'])
      .where('resource', '=', 'outgoing-mail')
      .where('action', '=', 'read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(read.recordId).toBe(String(ids.report));
  });
});
