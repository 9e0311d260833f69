import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { attachmentCalls, countAttachments } from '../test-support/attachments';
import { DOCX } from './detect';
import { docx, exe, jpeg, pdf, png, zip } from './test-files';

// What an upload must be: checked by content, size and name before anything is stored
// (attachments.test.ts: storage, access and audit).

const MAX = 64 * 1024;
let t: TestApp;
let specialist: string;
let own: number;

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_MAX_BYTES: String(MAX) });
  specialist = await t.token('adoption_specialist');
  own = (
    await t.database.db.selectFrom('children').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const inDb = () => t.request();
const { upload } = attachmentCalls(inDb);
const count = () => countAttachments(t.database.db);

describe('what is accepted', () => {
  const refused = async (
    body: Buffer,
    query: Record<string, string>,
    type: string,
    status: number,
    path: string,
    code?: string,
  ) => {
    const before = await count();
    const res = await upload(specialist, own, body, query, type).expect(status);
    expect(res.body.errors).toEqual([expect.objectContaining({ path, ...(code ? { code } : {}) })]);
    expect(await count()).toBe(before);
    return res;
  };

  it('refuses a program renamed .pdf: 415 naming the body', async () => {
    const res = await refused(
      exe(),
      { category: 'record_sheet', fileName: 'uzskaites-lapa.pdf' },
      'application/pdf',
      415,
      'body',
      'unsupported_type',
    );
    expect(res.body.errors[0].message).toBe(
      'must be a PDF, JPEG, PNG or DOCX file; the content is none of these',
    );
  });

  it('refuses a plain ZIP named .docx, and a Word file with macros', async () => {
    await refused(
      zip({ 'lēmums.txt': 'nav Word' }),
      { category: 'court_decision', fileName: 'lēmums.docx' },
      DOCX,
      415,
      'body',
      'unsupported_type',
    );
    const docm = zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/vbaProject.bin': Buffer.alloc(64, 1),
    });
    const res = await refused(
      docm,
      { category: 'court_decision', fileName: 'lēmums.docx' },
      DOCX,
      415,
      'body',
    );
    expect(res.body.errors[0].message).toMatch(/macros/);
  });

  it('accepts a real DOCX and a JPEG scan as documents', async () => {
    await upload(
      specialist,
      own,
      docx(),
      { category: 'other', fileName: 'Raksturojums.docx' },
      DOCX,
    ).expect(201);
    const scan = await upload(
      specialist,
      own,
      jpeg(),
      { category: 'record_sheet', fileName: 'skenējums.jpg' },
      'image/jpg',
    ).expect(201);
    expect(scan.body.mediaType).toBe('image/jpeg');
  });

  it('refuses content that does not match the declared type', async () => {
    const res = await refused(
      png(),
      { category: 'photo', fileName: 'foto.jpg' },
      'image/jpeg',
      415,
      'headers.content-type',
      'type_mismatch',
    );
    expect(res.body.errors[0].message).toBe(
      'says image/jpeg but the content is a PNG image (image/png)',
    );
  });

  it('takes only JPEG and PNG as photos', async () => {
    await refused(
      pdf(),
      { category: 'photo', fileName: 'foto.pdf' },
      'application/pdf',
      415,
      'headers.content-type',
      'unsupported_type',
    );
    // Declared as a photo type but a PDF inside: the content decides.
    await refused(
      pdf(),
      { category: 'photo', fileName: 'foto.png' },
      'image/png',
      415,
      'body',
      'unsupported_type',
    );
  });

  it('refuses an empty body (400), a missing or JSON type (415)', async () => {
    await refused(
      Buffer.alloc(0),
      { category: 'other', fileName: 'tukšs.pdf' },
      'application/pdf',
      400,
      'body',
      'empty',
    );
    await refused(
      Buffer.from('{"a":1}'),
      { category: 'other', fileName: 'a.json' },
      'application/json',
      415,
      'headers.content-type',
      'unsupported_type',
    );
    const res = await inDb()
      .post(`/api/children/${own}/attachments`)
      .query({ category: 'other', fileName: 'x.pdf' })
      .auth(specialist, { type: 'bearer' })
      .send(pdf().toString('latin1'))
      .unset('Content-Type');
    expect([res.status, res.body.errors?.[0]?.path, res.body.errors?.[0]?.code]).toEqual([
      415,
      'headers.content-type',
      'required',
    ]);
  });

  it.each([
    ['an unknown category', 'query.category', { category: 'selfie', fileName: 'a.png' }],
    ['a path', 'query.fileName', { category: 'photo', fileName: '../../etc/passwd' }],
    ['a Windows path', 'query.fileName', { category: 'photo', fileName: 'mape\\foto.png' }],
    [
      'a name of 201 letters',
      'query.fileName',
      { category: 'photo', fileName: `${'ā'.repeat(197)}.png` },
    ],
    ['a blank name', 'query.fileName', { category: 'photo', fileName: '  ' }],
    ['a control character', 'query.fileName', { category: 'photo', fileName: 'a\u0007.png' }],
    ['no name', 'query.fileName', { category: 'photo' }],
    [
      'a note over 2000',
      'query.note',
      { category: 'photo', fileName: 'a.png', note: 'x'.repeat(2001) },
    ],
    ['an unknown parameter', 'query.owner', { category: 'photo', fileName: 'a.png', owner: 'me' }],
  ])('refuses %s, naming %s', async (_, path, query) => {
    const before = await count();
    const res = await upload(specialist, own, png(), query, 'image/png').expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it('stops reading a stream that passes the limit: 413, nothing stored', async () => {
    const before = await count();
    const server: Server = createServer(t.app.callback());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: `/api/children/${own}/attachments?category=other&fileName=straume.pdf`,
            headers: {
              Authorization: `Bearer ${specialist}`,
              'Content-Type': 'application/pdf',
              'Transfer-Encoding': 'chunked',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          },
        );
        req.on('error', reject);
        req.write(pdf());
        for (let i = 0; i < 5; i++) req.write(Buffer.alloc(MAX / 2, 0x20));
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).errors[0]).toMatchObject({ path: 'body', code: 'too_large' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    expect(await count()).toBe(before);
  });
});

describe('the database', () => {
  it('is guarded by the database too: a path, both or neither storage, a wrong size', async () => {
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'adoption-specialist')
      .executeTakeFirstOrThrow();
    const bytes = pdf();
    const row = {
      childId: own,
      category: 'other' as const,
      fileName: 'a.pdf',
      mediaType: 'application/pdf' as const,
      sizeBytes: bytes.length,
      sha256: 'a'.repeat(64),
      content: bytes as Uint8Array | null,
      storageKey: null as string | null,
      note: null,
      uploadedBy: user.id,
    };
    const insert = (over: Partial<typeof row>) =>
      t.database.db
        .insertInto('childAttachments')
        .values({ ...row, ...over })
        .execute();
    for (const over of [
      { fileName: 'mape\\a.pdf' },
      { fileName: 'mape/a.pdf' },
      { storageKey: 'ab/' + 'c'.repeat(32) },
      { content: null },
      { sizeBytes: bytes.length + 1 },
      { content: null, storageKey: '../' + 'c'.repeat(32) },
    ]) {
      await expect(insert(over)).rejects.toMatchObject({ code: '23514' });
    }
  });
});
