import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { App } from '../app';
import { parseConfig } from '../config/config';
import { createLogger } from '../logger';
import { createTestApp, TEST_DATA_ENCRYPTION_KEY, type TestApp } from '../test-support/test-app';
import { attachmentCalls, countAttachments, type Agent } from '../test-support/attachments';
import { lastAuditEvent } from '../test-support/audit-trail';
import { firstId } from '../test-support/reference-data';
import { exe, pdf, png } from './test-files';

// Storage in the database and in ATTACHMENTS_DIR, access by scope and category, the audit trail
// (upload-checks.test.ts: what an upload must be).

const MAX = 64 * 1024;
let t: TestApp;
/** The same register with ATTACHMENTS_DIR set: same database, same sign-ins. */
let onDisk: App;
let dir: string;
let specialist: string;
let institution: string;
let court: string;
let analyst: string;
/** A child placed with the institution (and in the orphan court's scope); one in neither. */
let own: number;
let foreign: number;

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_MAX_BYTES: String(MAX) });
  dir = await mkdtemp(join(tmpdir(), 'attachments-'));
  const config = parseConfig({
    APP_ENV: 'dev',
    LOG_LEVEL: 'silent',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    ATTACHMENT_MAX_BYTES: String(MAX),
    ATTACHMENTS_DIR: dir,
  });
  onDisk = new App({
    config,
    database: t.database,
    logger: createLogger('silent'),
    version: { version: '0.0.0-test', commit: 'test' },
    jwtSecret: 'test-secret-test-secret-test-secret-123',
    now: () => t.clock.now(),
  });
  [specialist, institution, court, analyst] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('care_institution'),
    t.token('orphan_court'),
    t.token('analyst'),
  ]);
  const db = t.database.db;
  const providerId = await firstId(db, 'careProviders');
  const courtId = await firstId(db, 'orphanCourts');
  const children = await db.selectFrom('children').select('id').orderBy('id').execute();
  // Scopes as the tests need them, whatever the demo data placed where.
  own = children[0]!.id;
  foreign = children[1]!.id;
  await db
    .updateTable('children')
    .set({ careForm: 'care_institution', careProviderId: providerId, careOrphanCourtId: courtId })
    .where('id', '=', own)
    .execute();
  const otherProvider = await db
    .selectFrom('careProviders')
    .select('id')
    .where('id', '!=', providerId)
    .executeTakeFirstOrThrow();
  const otherCourt = await db
    .selectFrom('orphanCourts')
    .select('id')
    .where('id', '!=', courtId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('children')
    .set({
      careForm: 'care_institution',
      careProviderId: otherProvider.id,
      careOrphanCourtId: otherCourt.id,
    })
    .where('id', '=', foreign)
    .execute();
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const inDb: Agent = () => t.request();
const onDir: Agent = () => supertest.agent(onDisk.callback());
const { upload, list, download, remove } = attachmentCalls(inDb);
const count = () => countAttachments(t.database.db);
const lastEvent = () => lastAuditEvent(t.database.db);
const filesIn = async (root: string): Promise<string[]> => {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      for (const f of await readdir(join(root, entry.name))) out.push(`${entry.name}/${f}`);
    }
  }
  return out.sort();
};

const latvianName = 'Ģirta Bērziņa lēmums – bāriņtiesa (2025).pdf';
describe.each([
  ['the database', inDb],
  ['ATTACHMENTS_DIR', onDir],
])('kept in %s', (where, agent) => {
  it('uploads, lists and downloads a document with a Latvian name, byte for byte', async () => {
    const body = pdf(`Dokuments ${where}`);
    const created = await upload(
      specialist,
      own,
      body,
      { category: 'court_decision', fileName: latvianName, note: 'Lēmums par aprūpi' },
      'application/pdf',
      agent,
    ).expect(201);
    expect(created.body).toMatchObject({
      childId: own,
      category: 'court_decision',
      fileName: latvianName,
      mediaType: 'application/pdf',
      sizeBytes: body.length,
      note: 'Lēmums par aprūpi',
      uploadedByName: 'Tests adoption_specialist',
    });
    expect(created.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body).not.toHaveProperty('content');
    expect(created.body).not.toHaveProperty('storageKey');

    const listed = await list(specialist, own, agent).expect(200);
    expect(listed.body[0]).toEqual(created.body);

    const got = await download(specialist, own, created.body.id, agent).expect(200);
    expect(Buffer.compare(got.body as Buffer, body)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Girta Berzina lemums _ barintiesa (2025).pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent(latvianName).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(decodeURIComponent(got.headers['content-disposition']!.split("''")[1]!)).toBe(
      latvianName,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');

    const row = await t.database.db
      .selectFrom('childAttachments')
      .select(['content', 'storageKey'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    if (agent === onDir) {
      expect(row.content).toBeNull();
      const file = join(dir, row.storageKey!);
      expect(Buffer.compare(await readFile(file), body)).toBe(0);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      // The person's file name never reaches the file system.
      expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect((await filesIn(dir)).some((f) => f.endsWith('.tmp'))).toBe(false);
    } else {
      expect(row.storageKey).toBeNull();
      expect(Buffer.compare(Buffer.from(row.content!), body)).toBe(0);
    }
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 and stores nothing', async () => {
    const before = await count();
    const filesBefore = agent === onDir ? await filesIn(dir) : [];
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX, 0x20)]);
    const res = await upload(
      specialist,
      own,
      big,
      { category: 'other', fileName: 'liels.pdf' },
      'application/pdf',
      agent,
    ).expect(413);
    expect(res.body).toMatchObject({
      status: 413,
      detail: 'The file is larger than the limit of 64 KiB.',
      errors: [{ path: 'body', code: 'too_large' }],
    });
    expect(await count()).toBe(before);
    if (agent === onDir) expect(await filesIn(dir)).toEqual(filesBefore);
  });

  it('deletes an attachment and its file', async () => {
    const created = await upload(
      specialist,
      own,
      png(),
      { category: 'photo', fileName: 'Foto.png' },
      'image/png',
      agent,
    ).expect(201);
    const row = await t.database.db
      .selectFrom('childAttachments')
      .select('storageKey')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    if (agent === onDir) expect(await filesIn(dir)).toContain(row.storageKey);
    await remove(specialist, own, created.body.id, agent).expect(204);
    await download(specialist, own, created.body.id, agent).expect(404);
    expect(
      (await list(specialist, own, agent)).body.map((a: { id: number }) => a.id),
    ).not.toContain(created.body.id);
    if (agent === onDir) expect(await filesIn(dir)).not.toContain(row.storageKey);
    await remove(specialist, own, created.body.id, agent).expect(404);
  });
});

describe('who may see and change what', () => {
  let birthFamilyDoc: number;
  let medicalDoc: number;
  let photo: number;

  beforeAll(async () => {
    const up = async (category: string, fileName: string, body: Buffer, type: string) =>
      (await upload(specialist, own, body, { category, fileName }, type).expect(201)).body
        .id as number;
    birthFamilyDoc = await up('birth_family', 'Ģimenes raksturojums.pdf', pdf(), 'application/pdf');
    medicalDoc = await up('medical', 'Epikrīze F84.0.pdf', pdf(), 'application/pdf');
    photo = await up('photo', 'Sejas foto.png', png(), 'image/png');
  });

  it('a care institution lists and downloads all but the birth family’s documents', async () => {
    const ids = (await list(institution, own).expect(200)).body.map((a: { id: number }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([medicalDoc, photo]));
    expect(ids).not.toContain(birthFamilyDoc);
    await download(institution, own, photo).expect(200);
    await download(institution, own, medicalDoc).expect(200);
    const hidden = await download(institution, own, birthFamilyDoc).expect(404);
    const missing = await download(institution, own, 999999).expect(404);
    const problem = (res: { body: Buffer }) => {
      const { requestId: _, instance: __, ...rest } = JSON.parse(res.body.toString());
      return rest;
    };
    const expected = problem(missing);
    expect(problem(hidden)).toEqual({
      ...expected,
      detail: expected.detail.replace('999999', String(birthFamilyDoc)),
    });
  });

  it('an orphan court sees the birth family’s documents of its children', async () => {
    const ids = (await list(court, own).expect(200)).body.map((a: { id: number }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([birthFamilyDoc, medicalDoc, photo]));
    await download(court, own, birthFamilyDoc).expect(200);
  });

  it('a child outside the scope answers 404 like a child nobody has', async () => {
    const outside = await list(institution, foreign).expect(404);
    const nobody = await list(institution, 999999).expect(404);
    expect(outside.body.detail).toBe(nobody.body.detail.replace('999999', String(foreign)));
    await download(institution, foreign, photo).expect(404);
    await download(court, foreign, photo).expect(404);
    // An attachment id of another child is not found under this one.
    await download(specialist, foreign, photo).expect(404);
  });

  it('only writers upload and delete; the analyst reads nothing', async () => {
    await upload(
      institution,
      own,
      png(),
      { category: 'photo', fileName: 'a.png' },
      'image/png',
    ).expect(403);
    await remove(institution, own, photo).expect(403);
    await remove(court, own, photo).expect(403);
    await list(analyst, own).expect(403);
    await download(analyst, own, photo).expect(403);
    await download(specialist, own, photo).expect(200);
  });
});

describe('the audit trail', () => {
  it('records upload, every download and list, and delete — never a medical file’s name', async () => {
    const medical = await upload(
      specialist,
      own,
      pdf(),
      { category: 'medical', fileName: 'Diagnoze F84.0.pdf', note: 'Autisms' },
      'application/pdf',
    ).expect(201);
    const created = await lastEvent();
    expect(created).toMatchObject({
      action: 'attach',
      resource: 'children',
      recordId: String(own),
      detail: { attachmentId: medical.body.id },
      actorUsername: 'adoption-specialist',
    });
    expect(created.changes).toMatchObject({
      childId: { new: own },
      category: { new: 'medical' },
      fileName: { new: '***' },
      note: { new: '***' },
      mediaType: { new: 'application/pdf' },
      storage: { new: 'database' },
    });
    expect(JSON.stringify(created)).not.toMatch(/F84|Autisms|Diagnoze/);

    for (let i = 0; i < 2; i++) {
      await download(institution, own, medical.body.id).expect(200);
      expect(await lastEvent()).toMatchObject({
        action: 'read',
        resource: 'children',
        recordId: String(own),
        actorUsername: 'care-institution',
        detail: { view: 'attachment', attachmentId: medical.body.id, category: 'medical' },
      });
    }
    await list(court, own).expect(200);
    const listed = await lastEvent();
    expect(listed).toMatchObject({ action: 'read', resource: 'children', recordId: String(own) });
    expect(listed.detail).toMatchObject({ view: 'attachments' });
    expect((listed.detail as { attachmentIds: number[] }).attachmentIds).toContain(medical.body.id);

    const other = await upload(
      specialist,
      own,
      pdf(),
      { category: 'other', fileName: 'Vēstule.pdf' },
      'application/pdf',
      onDir,
    ).expect(201);
    expect((await lastEvent()).changes).toMatchObject({
      fileName: { new: 'Vēstule.pdf' },
      storage: { new: 'directory' },
    });
    await remove(specialist, own, other.body.id, onDir).expect(204);
    const deleted = await lastEvent();
    expect(deleted).toMatchObject({
      action: 'detach',
      resource: 'children',
      recordId: String(own),
      detail: { attachmentId: other.body.id },
    });
    expect(deleted.changes).toMatchObject({ fileName: { old: 'Vēstule.pdf' } });
  });

  it('writes no event for a refused upload or a download of nothing', async () => {
    const before = (await lastEvent()).id;
    await upload(
      specialist,
      own,
      exe(),
      { category: 'other', fileName: 'a.pdf' },
      'application/pdf',
    ).expect(415);
    await download(specialist, own, 999999).expect(404);
    expect((await lastEvent()).id).toBe(before);
  });
});

describe('integrity', () => {
  it('refuses to hand out a file changed on disk', async () => {
    const created = await upload(
      specialist,
      own,
      pdf('oriģināls'),
      { category: 'other', fileName: 'Oriģināls.pdf' },
      'application/pdf',
      onDir,
    ).expect(201);
    const { storageKey } = await t.database.db
      .selectFrom('childAttachments')
      .select('storageKey')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    await writeFile(join(dir, storageKey!), pdf('viltots'));
    const before = (await lastEvent()).id;
    await download(specialist, own, created.body.id, onDir).expect(500);
    // Nothing was handed out, so nothing was read.
    expect((await lastEvent()).id).toBe(before);
  });

  it('removes the attachments with their child', async () => {
    const child = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('id', 'not in', [own, foreign])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await upload(
      specialist,
      child.id,
      png(),
      { category: 'photo', fileName: 'a.png' },
      'image/png',
    ).expect(201);
    await t.database.db.deleteFrom('children').where('id', '=', child.id).execute();
    const left = await t.database.db
      .selectFrom('childAttachments')
      .select('id')
      .where('childId', '=', child.id)
      .execute();
    expect(left).toEqual([]);
  });
});
