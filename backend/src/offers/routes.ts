/**
 * offers/: the adoption process after a selection — the offer (piedāvājums) of one child or
 * sibling group to one adopter, its status machine (machine.ts), what follows each move (the
 * child's and the adopter's statuses through their record writers, the deadlines, the refusal,
 * the letter), overrides (a head of department's approval to offer outside a selection's result,
 * overrides.ts) and the refusal rule (refusal-rule.ts). The selection itself is selection/; the
 * nightly deadline job is jobs/.
 */
import { z } from 'zod';
import { rigaToday } from '@adoption/model';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import { Problem } from '../http/problem';
import { applyScope, recordScope } from '../policies/scopes';
import { currentParameters } from '../selection/parameters';
import {
  moveInput,
  offerInput,
  offerList,
  offerRecord,
  offerSummary,
  refusalsSummary,
} from './schema';
import { declinedOffers, offerColumns, offerDetail, summaries, type OfferRow } from './repository';
import { createOffer } from './create';
import { moveOffer } from './moves';
import type { OfficeContact } from './context';
import { evaluateRefusalRule, isUnreasoned } from './refusal-rule';
import { overrideRoutes } from './overrides';

const resource = 'offers';
const base = `/api/${resource}`;
const tags = ['Offers'];

export interface OfferDeps {
  maxPage: number;
  /** The office's contact in the letter to the adopter. */
  office: OfficeContact;
}

/**
 * The adoption process at `/api/offers`: an offer of one child or sibling group to one adopter,
 * created within the creation rule (a recent selection run, or an approved override), moved
 * through its status machine (offers/machine.ts) with everything that follows in the same
 * transaction; the override requests; the adopter's refusals summary. Every read is audited.
 */
export const offerRoutes = ({ maxPage, office }: OfferDeps): RouteDef[] =>
  [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'List offers',
      tags,
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description:
          'One page of offers. Sort: id, status, sentOn, answerBy, createdAt, updatedAt. Filters: status, adopterId, childId, live, deadlineWithinDays (an open deadline due today or in the next N days), overdue (has an overdue deadline).',
        schema: z.array(offerSummary),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        const q = parseListQuery(ctx.query, offerList, maxPage);
        const { page, count } = listQueries(db, 'offers', [...offerColumns], offerList, q);
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const shown = (await summaries(db, actor!, rows as OfferRow[])).map((s) => s.summary);
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
            childIds: [...new Set(shown.flatMap((r) => r.childIds))],
            adopterIds: [...new Set(shown.map((r) => r.adopterId))],
          },
        });
        return shown;
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: 'Show an offer with its children, adopter, timeline, deadlines and override',
      tags,
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The offer', schema: offerRecord },
      handler: async ({ db, params, actor, audit }) => {
        const shown = await offerDetail(db, actor!, params.id);
        await audit({
          action: 'read',
          resource,
          recordId: params.id,
          detail: { adopterId: shown.adopterId, childIds: shown.childIds },
        });
        return shown;
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary:
        'Create a draft offer: the children proposed by a selection run of the last 7 days, or an approved override',
      tags,
      access: `${resource}:write`,
      body: offerInput,
      response: { status: 201, description: 'The draft offer', schema: offerRecord },
      handler: async ({ db, body, actor, audit, onCommit }) => {
        const id = await createOffer({ db, actor: actor!, audit, onCommit }, body);
        return offerDetail(db, actor!, id);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/moves`,
      summary:
        'Move an offer to the next status; the child’s and the adopter’s statuses and the deadlines follow',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: moveInput,
      response: {
        description: 'The offer after the move (version incremented)',
        schema: offerRecord,
      },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        await moveOffer({ db, actor: actor!, audit, onCommit }, params.id, body, office);
        return offerDetail(db, actor!, params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/adopters/:id/refusals-summary',
      summary: 'The adopter’s refusals with reasons and the refusal rule evaluated',
      tags: ['Offers', 'Adopters'],
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'Refusals and the rule', schema: refusalsSummary },
      handler: async ({ db, params, actor, audit }) => {
        const adopter = await applyScope(
          db
            .selectFrom('adopters')
            .select(['id', 'origin', 'refusals'])
            .where('id', '=', params.id),
          recordScope('adopters', actor!),
        ).executeTakeFirst();
        if (!adopter) throw Problem.noRecord('adopters', params.id);
        const declined = await declinedOffers(db, adopter.id);
        // The adopter's refusals (an offer's appended when it is declined), and declined offers
        // whose refusal is no longer on the record, each once.
        const used = new Set<number>();
        const refusals = adopter.refusals.map((r) => {
          const offer = declined.find(
            (o) => !used.has(o.id) && o.closedOn === r.refusedOn && o.childId === r.childId,
          );
          if (offer) used.add(offer.id);
          return {
            refusedOn: r.refusedOn,
            childId: r.childId,
            reason: r.reason || null,
            offerId: offer?.id ?? null,
          };
        });
        for (const o of declined)
          if (!used.has(o.id) && o.closedOn)
            refusals.push({
              refusedOn: o.closedOn,
              childId: o.childId,
              reason: o.outcomeReason,
              offerId: o.id,
            });
        refusals.sort((a, b) => a.refusedOn.localeCompare(b.refusedOn));
        const inForce = await currentParameters(db);
        const rule = inForce.values.refusalRule;
        const unreasoned = refusals.filter(isUnreasoned).length;
        await audit({
          action: 'read',
          resource: 'adopters',
          recordId: adopter.id,
          detail: { view: 'refusals_summary' },
        });
        return {
          adopterId: adopter.id,
          origin: adopter.origin,
          total: refusals.length,
          reasoned: refusals.length - unreasoned,
          unreasoned,
          refusals,
          declinedOffers: declined.length,
          rule: { ...rule, parametersVersion: inForce.version },
          outcome: evaluateRefusalRule(refusals, adopter.origin, rule, rigaToday()),
        };
      },
    }),
    ...overrideRoutes(maxPage),
  ] as RouteDef[];
