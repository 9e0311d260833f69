import { createTestApp, type TestApp } from '../test-support/test-app';
import { adopterCard } from '../test-support/adopter-card';
import { firstId } from '../test-support/reference-data';
import { createRng } from '../latvian/random';
import { renderMail } from '../messaging/templates';

// "Notify adopters": criteria pick waiting adopters with an e-mail (contacts only), the draft is
// kept, sending queues one letter each through the outbox (once), the campaign shows each
// recipient's delivery, and the selection and the sending are in the audit trail.

let t: TestApp;
let specialist: string;
const rng = createRng('campaigns');
const ids: Record<string, number> = {};

// Queue dates long ago (2010), so the demo register's adopters never meet `waitingMoreThanMonths: 200`.
const old = { enteredOn: '2010-01-15', decisionDate: '2010-01-04' };

async function adopter(key: string, over: Record<string, unknown>, status = 'waiting') {
  const courtId = await firstId(t.database.db, 'orphanCourts');
  const res = await t
    .as(specialist)
    .post('/api/adopters', adopterCard(rng, courtId, { ...old, ...over }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  ids[key] = res.body.id;
  // The queue state as the status machine would have left it (not what this suite tests).
  await t.database.db
    .updateTable('adopters')
    .set({ status: status as never })
    .where('id', '=', res.body.id)
    .execute();
}

const preview = (criteria: object) =>
  t.as(specialist).post('/api/mail-campaigns/preview', { criteria }).expect(200);

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  await adopter('group3', {
    givenNames: 'Līga',
    surname: 'Kalniņa',
    email: 'liga.kalnina@example.lv',
    wishedChildrenCount: 3,
    acceptsSiblings: true,
    wishedAgeFrom: 2,
    wishedAgeTo: 10,
    wishedSex: 'any',
  });
  await adopter('single', {
    givenNames: 'Jānis',
    surname: 'Ozols',
    email: 'janis.ozols@example.lv',
    preferredLanguage: 'en',
    wishedChildrenCount: 1,
    wishedAgeFrom: 0,
    wishedAgeTo: 4,
    wishedSex: 'female',
  });
  await adopter('noMail', {
    givenNames: 'Ģirts',
    surname: 'Āboliņš',
    wishedChildrenCount: 3,
    acceptsSiblings: true,
  });
  await adopter(
    'adopted',
    { givenNames: 'Rūta', surname: 'Zariņa', email: 'ruta.zarina@example.lv' },
    'adopted',
  );
  await adopter('recent', {
    givenNames: 'Dace',
    surname: 'Liepa',
    email: 'dace.liepa@example.lv',
    enteredOn: '2026-10-01',
    decisionDate: '2026-09-01',
  });
});
afterAll(() => t?.close());

it('previews waiting adopters with an e-mail by criteria, contacts only', async () => {
  const all = await preview({ waitingMoreThanMonths: 200 });
  expect(all.body.recipients.map((r: { adopterId: number }) => r.adopterId).sort()).toEqual(
    [ids.group3, ids.single].sort(),
  );
  expect(Object.keys(all.body.recipients[0]).sort()).toEqual(
    ['adopterId', 'email', 'enteredOn', 'name', 'origin', 'preferredLanguage'].sort(),
  );
  const group = await preview({ waitingMoreThanMonths: 200, fitsGroupOfSize: 3 });
  expect(group.body).toMatchObject({
    count: 1,
    recipients: [{ adopterId: ids.group3, name: 'Līga Kalniņa', email: 'liga.kalnina@example.lv' }],
  });
  const age = await preview({ waitingMoreThanMonths: 200, fitsAge: 8 });
  expect(age.body.recipients.map((r: { adopterId: number }) => r.adopterId)).toEqual([ids.group3]);
  const sex = await preview({ waitingMoreThanMonths: 200, fitsSex: 'male' });
  expect(sex.body.recipients.map((r: { adopterId: number }) => r.adopterId)).toEqual([ids.group3]);
  const foreign = await preview({ waitingMoreThanMonths: 200, origin: 'foreign' });
  expect(foreign.body.count).toBe(0);
  // The recent adopter waits under 200 months, but counts for "all Latvian adopters".
  const latvian = await preview({ origin: 'latvian' });
  expect(latvian.body.recipients.map((r: { adopterId: number }) => r.adopterId)).toContain(
    ids.recent,
  );

  await t
    .as(specialist)
    .post('/api/mail-campaigns/preview', { criteria: { fitsAge: 40 } })
    .expect(400);
  const trail = await t.database.db
    .selectFrom('auditEvents')
    .select(['recordIds', 'detail'])
    .where('action', '=', 'select')
    .where('resource', '=', 'adopters')
    .orderBy('id')
    .execute();
  expect(trail[1]).toMatchObject({
    recordIds: [String(ids.group3)],
    detail: { purpose: 'mail-campaign-preview', count: 1 },
  });
});

it('keeps a draft, sends it once with one letter each, and shows each delivery', async () => {
  const draft = await t
    .as(specialist)
    .post('/api/mail-campaigns', {
      criteria: { waitingMoreThanMonths: 200 },
      subject: 'Informācija gaidošajiem adoptētājiem',
      body: 'Lūdzam atjaunot kontaktinformāciju.\r\n\r\nAr cieņu,\r\nadopcijas nodaļa',
    })
    .expect(201);
  expect(draft.body).toMatchObject({ status: 'draft', recipientCount: 2, recipients: [] });
  expect(draft.body.body).toBe(
    'Lūdzam atjaunot kontaktinformāciju.\n\nAr cieņu,\nadopcijas nodaļa',
  );

  // Recipients are computed when sending: an adopter who started waiting since is included.
  await adopter('late', { givenNames: 'Inga', surname: 'Vītola', email: 'inga.vitola@example.lv' });
  const sent = await t.as(specialist).post(`/api/mail-campaigns/${draft.body.id}/send`).expect(200);
  expect(sent.body).toMatchObject({ status: 'sent', recipientCount: 3 });
  expect(sent.body.recipients).toHaveLength(3);
  for (const r of sent.body.recipients) expect(r.delivery).toBe('queued');

  const letters = await t.database.db
    .selectFrom('outbox')
    .select(['recipient', 'template', 'language', 'data'])
    .where('idempotencyKey', 'like', `campaign:${draft.body.id}:%`)
    .orderBy('recipient')
    .execute();
  expect(letters.map((l) => [l.recipient, l.language])).toEqual([
    ['inga.vitola@example.lv', 'lv'],
    ['janis.ozols@example.lv', 'en'],
    ['liga.kalnina@example.lv', 'lv'],
  ]);
  const mail = renderMail('adopter-notice', 'lv', letters[2]!.data);
  expect(mail.subject).toBe('Informācija gaidošajiem adoptētājiem');
  expect(mail.text).toContain('Labdien, Līga Kalniņa!');
  expect(mail.text).toContain('Ar cieņu,\nadopcijas nodaļa');

  const twice = await t
    .as(specialist)
    .post(`/api/mail-campaigns/${draft.body.id}/send`)
    .expect(409);
  expect(twice.body.code).toBe('already_sent');

  // Delivery follows the outbox.
  await t.database.db
    .updateTable('outbox')
    .set({ status: 'sent', sentAt: new Date() })
    .where('recipient', '=', 'janis.ozols@example.lv')
    .execute();
  const shown = await t.as(specialist).get(`/api/mail-campaigns/${draft.body.id}`).expect(200);
  const janis = shown.body.recipients.find(
    (r: { adopterId: number }) => r.adopterId === ids.single,
  );
  expect(janis).toMatchObject({ delivery: 'sent', deliveredAt: expect.any(String) });

  const list = await t
    .as(specialist)
    .get('/api/mail-campaigns?filter={"status":"sent"}')
    .expect(200);
  expect(list.headers['content-range']).toBe('mail-campaigns 0-0/1');

  const send = await t.database.db
    .selectFrom('auditEvents')
    .select(['recordId', 'detail', 'actorUsername'])
    .where('action', '=', 'send')
    .where('resource', '=', 'mail-campaigns')
    .executeTakeFirstOrThrow();
  expect(send).toMatchObject({
    recordId: String(draft.body.id),
    actorUsername: 'adoption-specialist',
    detail: { recipientCount: 3 },
  });
});

it('refuses a campaign nobody fits, a letter with control characters, and other roles', async () => {
  const none = await t
    .as(specialist)
    .post('/api/mail-campaigns', {
      criteria: { origin: 'foreign', waitingMoreThanMonths: 200 },
      subject: 'Tukša',
      body: 'Teksts',
    })
    .expect(201);
  const res = await t.as(specialist).post(`/api/mail-campaigns/${none.body.id}/send`).expect(409);
  expect(res.body.code).toBe('no_recipients');
  await t
    .as(specialist)
    .post('/api/mail-campaigns', { criteria: {}, subject: 'Divas\nrindas', body: 'x' })
    .expect(400);
  await t
    .as(specialist)
    .post('/api/mail-campaigns', { criteria: {}, subject: 'Labi', body: 'ar \u0007 zvanu' })
    .expect(400);
  for (const role of ['administrator', 'care_institution', 'orphan_court', 'analyst'] as const) {
    const token = await t.token(role);
    await t.as(token).post('/api/mail-campaigns/preview', { criteria: {} }).expect(403);
  }
  await t
    .as(await t.token('head_of_department'))
    .get('/api/mail-campaigns')
    .expect(200);
});
