/**
 * campaigns/: "notify adopters" — a specialist picks waiting adopters by criteria, sees the
 * recipients (contacts only), and sends them one letter through the outbox; the selection and the
 * sending are audited, the campaign shows each recipient's delivery (service.ts). docs/campaigns.md.
 */
import { z } from 'zod';
import { campaignStatuses } from '@adoption/model';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import {
  equals,
  listQueries,
  listQueryDoc,
  parseListQuery,
  setContentRange,
  type ListSpec,
} from '../http/list';
import {
  campaignInput,
  campaignPreview,
  campaignRecord,
  campaignSummary,
  previewInput,
} from './schema';
import { campaignDetail, createDraft, preview, send, summaryOf } from './service';

const resource = 'mail-campaigns';
const base = `/api/${resource}`;
const tags = ['Mail campaigns'];

const columns = [
  'id',
  'criteria',
  'subject',
  'status',
  'recipientCount',
  'createdBy',
  'sentBy',
  'sentAt',
  'createdAt',
  'version',
];

const campaignList: ListSpec = {
  sort: {
    id: 'id',
    createdAt: 'createdAt',
    sentAt: 'sentAt',
    status: 'status',
    subject: 'subject',
  },
  defaultSort: ['id', 'DESC'],
  filters: { status: equals('status', z.enum(campaignStatuses)) },
};

/**
 * "Notify adopters" at `/api/mail-campaigns`: preview the waiting adopters the criteria pick
 * (contacts only), keep a draft letter, send it once through the outbox, follow each delivery.
 */
export const campaignRoutes = ({ maxPage }: { maxPage: number }): RouteDef[] => [
  defineRoute({
    method: 'post',
    path: `${base}/preview`,
    summary: 'The waiting adopters (with e-mail) the criteria pick now: contacts only',
    tags,
    access: `${resource}:write`,
    body: previewInput,
    transaction: false,
    response: { description: 'The recipients in queue order', schema: campaignPreview },
    handler: async ({ db, body, actor, audit, onCommit }) =>
      preview({ db, actor: actor!, audit, onCommit }, body.criteria),
  }),
  defineRoute({
    method: 'get',
    path: base,
    summary: 'List mail campaigns',
    tags,
    access: `${resource}:read`,
    query: listQueryDoc,
    response: {
      description: 'One page. Sort: id, createdAt, sentAt, status, subject. Filters: status.',
      schema: z.array(campaignSummary),
      headers: { 'Content-Range': `\`${resource} first-last/total\`` },
    },
    handler: async ({ db, ctx, audit }) => {
      const q = parseListQuery(ctx.query, campaignList, maxPage);
      const { page, count } = listQueries(db, 'mailCampaigns', columns, campaignList, q);
      const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
      setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
      await audit({
        action: 'list',
        resource,
        recordIds: rows.map((r) => r.id as number),
        detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total.total) },
      });
      return rows.map((r) => summaryOf(r as unknown as Parameters<typeof summaryOf>[0]));
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:id`,
    summary: 'Show a campaign with its recipients and the delivery of each letter',
    tags,
    access: `${resource}:read`,
    params: idParams,
    response: { description: 'The campaign', schema: campaignRecord },
    handler: async ({ db, params, audit }) => {
      const shown = await campaignDetail(db, params.id);
      await audit({
        action: 'read',
        resource,
        recordId: params.id,
        // The adopters whose names and addresses the answer shows.
        detail: { adopterIds: shown.recipients.map((r) => r.adopterId) },
      });
      return shown;
    },
  }),
  defineRoute({
    method: 'post',
    path: base,
    summary: 'Keep a draft campaign: criteria, subject and the letter’s text',
    tags,
    access: `${resource}:write`,
    body: campaignInput,
    response: { status: 201, description: 'The draft', schema: campaignRecord },
    handler: async ({ db, body, actor, audit, onCommit }) => {
      const id = await createDraft({ db, actor: actor!, audit, onCommit }, body);
      return campaignDetail(db, id);
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/send`,
    summary: 'Send a draft: recipients computed from the criteria now, one letter each (once)',
    tags,
    access: `${resource}:write`,
    params: idParams,
    response: { description: 'The sent campaign', schema: campaignRecord },
    handler: async ({ db, params, actor, audit, onCommit }) => {
      await send({ db, actor: actor!, audit, onCommit }, params.id);
      return campaignDetail(db, params.id);
    },
  }),
];
