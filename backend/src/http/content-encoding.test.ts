import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { Test } from 'supertest';
import { createTestApp, type TestApp } from '../test-support/test-app';

// JSON bodies may come compressed (gzip, deflate, br: docs/api.md). A body that does not
// decompress is the client's error (400), an encoding we do not read is 415 naming the ones we
// do, and BODY_LIMIT counts the inflated bytes, so a small bomb stops at the limit (413).

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT: '64kb' });
  admin = await t.token('administrator');
});
afterAll(() => t.close());

/** Sends the bytes as they are (superagent would serialise a Buffer sent as JSON). */
const raw = (req: Test, encoding: string, bytes: Buffer | string) =>
  req
    .set('Content-Type', 'application/json')
    .set('Content-Encoding', encoding)
    .serialize((b: unknown) => b as string)
    .send(bytes);

const territoryCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('territories')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Content-Encoding of a JSON body', () => {
  it.each(['gzip', 'br', 'deflate'])(
    '%s on a body that is not compressed: 400, the body is not valid data of it',
    async (encoding) => {
      const res = await raw(t.request().post('/api/auth/login'), encoding, '{"a":1}').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { path: 'body', code: 'invalid_encoding', message: `is not valid ${encoding} data` },
      ]);
    },
  );

  it('a truncated gzip body: 400', async () => {
    const gz = gzipSync(JSON.stringify({ username: 'x', password: 'y' }));
    const res = await raw(t.request().post('/api/auth/login'), 'gzip', gz.subarray(0, 12));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'body', code: 'invalid_encoding' });
  });

  it.each(['compress', 'x-gzip', 'gzip, br', 'zstd'])(
    'an encoding the API does not read (%s): 415 naming the supported ones',
    async (encoding) => {
      const res = await raw(t.request().post('/api/auth/login'), encoding, '{"a":1}').expect(415);
      expect(res.body.errors).toEqual([
        {
          path: 'headers.content-encoding',
          code: 'unsupported_encoding',
          message: 'must be one of gzip, deflate, br, identity',
        },
      ]);
    },
  );

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a %s body is read and validated like any other', async (encoding, compress) => {
    const before = await territoryCount();
    const created = await raw(
      t.request().post('/api/territories').auth(admin, { type: 'bearer' }),
      encoding,
      compress(
        JSON.stringify({
          atvkCode: `99${before}`.padEnd(7, '0'),
          name: `Saspiests ${encoding}`,
          kind: 'municipality',
        }),
      ),
    ).expect(201);
    expect(created.body.name).toBe(`Saspiests ${encoding}`);
    // Compressed NUL is still NUL.
    const refused = await raw(
      t.request().post('/api/territories').auth(admin, { type: 'bearer' }),
      encoding,
      compress(JSON.stringify({ atvkCode: '9800000', name: 'x\u0000', kind: 'municipality' })),
    ).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ path: 'body.name', code: 'nul_character' });
    expect(await territoryCount()).toBe(before + 1);
  });

  it('a gzip bomb stops at BODY_LIMIT (413), counted after inflating', async () => {
    // 2 MB of spaces inside a JSON string, a few kilobytes compressed: the limit is 64 kB.
    const bomb = gzipSync(`{"username":"${' '.repeat(2_000_000)}","password":"x"}`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await raw(t.request().post('/api/auth/login'), 'gzip', bomb).expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
