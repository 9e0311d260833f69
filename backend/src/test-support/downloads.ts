import type { Test } from 'supertest';
import type { Role } from '../policies/roles';
import type { TestApp } from './test-app';

/** The streamed response supertest hands to a `.parse()` function in Node (not the browser's string). */
type Streamed = Parameters<Exclude<Parameters<Test['parse']>[0], (text: string) => unknown>>[0];
type Done<T> = (err: Error | null, body: T) => void;

/** `.buffer(true).parse(asBytes)`: the answer's bytes as they came (exports, attachments, a BOM). */
export const asBytes = (res: Streamed, done: Done<Buffer>): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** `.buffer(true).parse(asText)`: the answer as UTF-8 text, whatever its content type. */
export const asText = (res: Streamed, done: Done<string>): void => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (text += c));
  res.on('end', () => done(null, text));
};

/**
 * `GET /api/<resource>/export` as `role`, the answer's body as bytes (a problem too). Query
 * values that are not strings (filter, sort, columns) are sent as JSON.
 */
export async function downloadExport(
  t: TestApp,
  resource: 'children' | 'adopters',
  query: Record<string, unknown>,
  role: Role = 'adoption_specialist',
) {
  return t
    .request()
    .get(`/api/${resource}/export`)
    .query(
      Object.fromEntries(
        Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
    )
    .auth(await t.token(role), { type: 'bearer' })
    .buffer(true)
    .parse(asBytes);
}
