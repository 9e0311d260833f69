/**
 * change-requests/: proposals (izmaiņu pieprasījumi) of care institutions (aprūpes iestādes) and
 * orphan courts — a new or changed child's card or adopter's record, a sibling separation — which
 * an adoption specialist accepts (wholly or field by field) or returns; an accepted one is written
 * through records/ (targets.ts). Who may propose which fields is the model's proposals.ts.
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import {
  acceptInput,
  changeRequestList,
  changeRequestRecord,
  changeRequestSummary,
  proposalInput,
  returnInput,
  withdrawInput,
} from './schema';
import {
  detail,
  notFound,
  requestColumns,
  requestScope,
  selectRequests,
  summaries,
  type RequestRow,
} from './repository';
import { accept, propose, returnRequest, withdraw } from './service';
import { applyScope } from '../policies/scopes';

const resource = 'change-requests';
const base = `/api/${resource}`;
const tags = ['Change requests'];

export interface ChangeRequestDeps {
  maxPage: number;
  /** Base of the console link in the decision mail. */
  publicUrl: () => string;
}

/**
 * Change requests at `/api/change-requests`: care institutions and orphan courts propose changes
 * of the fields they are responsible for (model/src/proposals.ts), or a new record; an adoption
 * specialist accepts them, wholly or field by field, or returns them with a comment. Nothing a
 * proposer sends reaches the register without that acceptance. Every read and decision is audited.
 */
export const changeRequestRoutes = ({ maxPage, publicUrl }: ChangeRequestDeps): RouteDef[] =>
  [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'List change requests (specialists: all; proposers: their organisation’s)',
      tags,
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description:
          'One page of requests, without values. Sort: id, createdAt, updatedAt, decidedAt, status. Filters: status, resource, kind, recordId, proposedBy, careProviderId, orphanCourtId.',
        schema: z.array(changeRequestSummary),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        const q = parseListQuery(ctx.query, changeRequestList, maxPage);
        const { page, count } = listQueries(
          db,
          'changeRequests',
          [...requestColumns],
          changeRequestList,
          q,
          (qb) => applyScope(qb, requestScope(actor!)),
        );
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const shown = await summaries(db, actor!, rows as RequestRow[]);
        await audit({
          action: 'list',
          resource,
          recordIds: shown.map((r) => r.id),
          detail: {
            filter: q.filter,
            sort: q.sort,
            range: q.range,
            total: Number(total.total),
            // The records the page named (it shows their names).
            childIds: shown.filter((r) => r.resource === 'children').map(recordOf),
            adopterIds: shown.filter((r) => r.resource === 'adopters').map(recordOf),
          },
        });
        return shown;
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: 'Show a change request with the proposed, earlier and current values',
      tags,
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The request', schema: changeRequestRecord },
      handler: async ({ db, params, actor, audit }) => {
        const row =
          (await selectRequests(db, actor!).where('id', '=', params.id).executeTakeFirst()) ??
          notFound(params.id);
        const shown = await detail(db, actor!, row);
        await audit({
          action: 'read',
          resource,
          recordId: params.id,
          detail: { resource: row.resource, recordId: recordOf(row) },
        });
        return shown;
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: 'Propose a change of a record, or a new record (nothing is written to the register)',
      tags,
      access: `${resource}:write`,
      body: proposalInput,
      response: { status: 201, description: 'The pending request', schema: changeRequestSummary },
      handler: async ({ db, body, actor, audit, onCommit }) =>
        propose({ db, actor: actor!, audit, onCommit }, body),
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/accept`,
      summary: 'Accept a change request, wholly or the chosen fields (adoption specialist)',
      tags,
      access: 'change-request-decisions:write',
      params: idParams,
      body: acceptInput,
      response: { description: 'The decided request', schema: changeRequestRecord },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const w = { db, actor: actor!, audit, onCommit };
        return detail(db, actor!, await accept(w, params.id, body, publicUrl()));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/return`,
      summary: 'Return a change request to the proposer with a comment (adoption specialist)',
      tags,
      access: 'change-request-decisions:write',
      params: idParams,
      body: returnInput,
      response: { description: 'The returned request', schema: changeRequestRecord },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const w = { db, actor: actor!, audit, onCommit };
        return detail(db, actor!, await returnRequest(w, params.id, body, publicUrl()));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/withdraw`,
      summary: 'Withdraw a pending change request (its proposer’s organisation)',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: withdrawInput,
      response: { description: 'The withdrawn request', schema: changeRequestRecord },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const w = { db, actor: actor!, audit, onCommit };
        return detail(db, actor!, await withdraw(w, params.id, body.version));
      },
    }),
  ] as RouteDef[];

function recordOf(r: { recordId: number | null; createdRecordId: number | null }) {
  return r.recordId ?? r.createdRecordId;
}
