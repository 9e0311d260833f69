import type supertest from 'supertest';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { asBytes } from './downloads';

/** Makes requests: a TestApp's `request`, or an agent of another App on the same database. */
export type Agent = () => supertest.Agent;

/**
 * A child's attachments over HTTP: upload, list, download (the bytes) and delete, through
 * `agent` unless a call names another one.
 */
export function attachmentCalls(agent: Agent) {
  return {
    upload: (
      token: string,
      childId: number,
      body: Buffer,
      query: Record<string, string>,
      type: string,
      via: Agent = agent,
    ) =>
      via()
        .post(`/api/children/${childId}/attachments`)
        .query(query)
        .auth(token, { type: 'bearer' })
        .set('Content-Type', type)
        .send(body),
    list: (token: string, childId: number, via: Agent = agent) =>
      via().get(`/api/children/${childId}/attachments`).auth(token, { type: 'bearer' }),
    download: (token: string, childId: number, id: number, via: Agent = agent) =>
      via()
        .get(`/api/children/${childId}/attachments/${id}/content`)
        .auth(token, { type: 'bearer' })
        .buffer(true)
        .parse(asBytes),
    remove: (token: string, childId: number, id: number, via: Agent = agent) =>
      via().delete(`/api/children/${childId}/attachments/${id}`).auth(token, { type: 'bearer' }),
  };
}

/** How many attachments the register stores, straight from the database. */
export async function countAttachments(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('childAttachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
