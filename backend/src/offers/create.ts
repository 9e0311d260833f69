import { addDays, rigaToday } from '@adoption/model';
import type { Db } from '../db/database';
import { Problem } from '../http/problem';
import type { OfferInput } from './schema';
import { storedProposedIndex, type ProposedIndex } from '../selection/stored';
import { sameIds, type Ctx } from './context';

/*
 * Creating an offer (`POST /api/offers`): the children it names, and the authority for it — a
 * recent selection run that proposed exactly them, or an approved override (docs/offers.md).
 * Moves are ./moves.ts.
 */

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * The children an offer or an override names: `childIds`, or the members of `siblingGroupId`
 * (with both, the named children must be members of the group). 400 naming the field otherwise.
 */
export async function resolveChildren(
  db: Db,
  body: { childIds?: number[]; siblingGroupId?: number },
): Promise<number[]> {
  if (body.siblingGroupId !== undefined) {
    const group = await db
      .selectFrom('siblingGroups')
      .select('id')
      .where('id', '=', body.siblingGroupId)
      .executeTakeFirst();
    if (!group)
      throw Problem.field(
        'body.siblingGroupId',
        'not_found',
        `names no sibling group (${body.siblingGroupId})`,
      );
    const members = (
      await db
        .selectFrom('children')
        .select('id')
        .where('siblingGroupId', '=', body.siblingGroupId)
        .orderBy('id')
        .execute()
    ).map((c) => c.id);
    if (!body.childIds) {
      if (!members.length)
        throw Problem.field('body.siblingGroupId', 'empty_group', 'the group has no children');
      return members;
    }
    const outside = body.childIds.filter((id) => !members.includes(id));
    if (outside.length)
      throw Problem.field(
        'body.childIds',
        'not_in_group',
        `names children outside the sibling group (${outside.join(', ')})`,
      );
  }
  const ids = body.childIds!;
  const found = new Set(
    (await db.selectFrom('children').select('id').where('id', 'in', ids).execute()).map(
      (c) => c.id,
    ),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw Problem.field(
      'body.childIds',
      'not_found',
      `names no child in the register (${missing.join(', ')})`,
    );
  return [...ids].sort((a, b) => a - b);
}

export async function adopterOf(db: Db, adopterId: number) {
  const adopter = await db
    .selectFrom('adopters')
    .select(['id', 'origin', 'status', 'givenNames', 'surname', 'email', 'preferredLanguage'])
    .where('id', '=', adopterId)
    .executeTakeFirst();
  if (!adopter)
    throw Problem.field('body.adopterId', 'not_found', `names no adopter (${adopterId})`);
  return adopter;
}

/**
 * The creation rule (design "Offer creation rule"): a selection run of the last 7 days that
 * proposed exactly these children to this adopter — acknowledging the adopters ahead in the queue
 * when it names any — or an approved override for this adopter and exactly these children.
 */
async function authority(
  w: Ctx,
  body: OfferInput,
  childIds: number[],
): Promise<{ detail: Record<string, unknown>; overrideId: number | null }> {
  if (body.overrideRequestId !== undefined) {
    const request = await w.db
      .selectFrom('overrideRequests')
      .selectAll()
      .where('id', '=', body.overrideRequestId)
      .forUpdate()
      .executeTakeFirst();
    if (!request)
      throw Problem.field(
        'body.overrideRequestId',
        'not_found',
        `names no override request (${body.overrideRequestId})`,
      );
    if (request.adopterId !== body.adopterId || !sameIds(request.childIds, childIds))
      throw Problem.field(
        'body.overrideRequestId',
        'does_not_match',
        'was approved for another adopter or other children',
      );
    if (request.status !== 'approved')
      throw Problem.field(
        'body.overrideRequestId',
        'not_approved',
        `is ${request.status}; only an approved override allows the offer`,
      );
    await w.db
      .updateTable('overrideRequests')
      .set({ status: 'used', version: request.version + 1 })
      .where('id', '=', request.id)
      .execute();
    await w.audit({
      action: 'update',
      resource: 'override-requests',
      recordId: request.id,
      changes: { status: { old: 'approved', new: 'used' } },
    });
    return { detail: { overrideRequestId: request.id }, overrideId: request.id };
  }
  if (body.selectionRunId === undefined)
    throw Problem.field(
      'body.selectionRunId',
      'required',
      'is required: the selection run that proposed the children, or an approved overrideRequestId',
    );
  // Not the result (megabytes for a wide run): what an offer checks is stored apart (`proposed`,
  // selection/stored.ts); a run stored before it has only its result.
  const run = await w.db
    .selectFrom('selectionRuns')
    .select(['id', 'direction', 'adopterId', 'runOn', 'proposed'])
    .select((eb) =>
      eb.case().when('proposed', 'is', null).then(eb.ref('result')).else(null).end().as('result'),
    )
    .where('id', '=', body.selectionRunId)
    .executeTakeFirst();
  if (!run)
    throw Problem.field(
      'body.selectionRunId',
      'not_found',
      `names no selection run (${body.selectionRunId})`,
    );
  const oldest = addDays(rigaToday(), -7);
  if (run.runOn < oldest)
    throw Problem.field(
      'body.selectionRunId',
      'too_old',
      `ran on ${run.runOn}; an offer follows a selection of the last 7 days (run it again)`,
    );
  const index = (run.proposed ?? storedProposedIndex(run.result ?? {})) as ProposedIndex;
  let ahead: { adopterId: number }[];
  if (run.direction === 'for_adopter') {
    if (run.adopterId !== body.adopterId)
      throw Problem.field('body.selectionRunId', 'does_not_match', 'was run for another adopter');
    const { ahead: adopters = [], candidates = [] } = index as Extract<
      ProposedIndex,
      { ahead: number[] }
    >;
    const candidate = candidates.find(([ids]) => sameIds(ids, childIds));
    if (!candidate)
      throw Problem.field(
        'body.childIds',
        'not_proposed',
        `are not proposed by selection run ${run.id}; a near miss or an excluded child needs an approved override`,
      );
    ahead = candidate[1].map((i) => ({ adopterId: adopters[i]! }));
  } else {
    const { childIds: runChildren = [], fitting: fittingIds = [] } = index as Extract<
      ProposedIndex,
      { fitting: number[] }
    >;
    const fitting = fittingIds.map((adopterId) => ({ adopterId }));
    const at = fitting.findIndex((a) => a.adopterId === body.adopterId);
    if (!sameIds(runChildren, childIds))
      throw Problem.field(
        'body.childIds',
        'does_not_match',
        `are not the children of selection run ${run.id}`,
      );
    if (at < 0)
      throw Problem.field(
        'body.adopterId',
        'not_proposed',
        `does not fit the children in selection run ${run.id}; an offer outside it needs an approved override`,
      );
    ahead = fitting.slice(0, at).map((a) => ({ adopterId: a.adopterId }));
  }
  if (ahead.length && !body.acknowledgedAhead)
    throw Problem.field(
      'body.acknowledgedAhead',
      'required',
      `must be true: ${ahead.length} adopter(s) ahead in the queue also fit these children (${ahead.map((a) => a.adopterId).join(', ')})`,
    );
  return {
    detail: {
      selectionRunId: run.id,
      acknowledgedAhead: body.acknowledgedAhead,
      aheadInQueue: ahead.map((a) => a.adopterId),
    },
    overrideId: null,
  };
}

const offerExists = (which: 'adopter' | 'child') =>
  Problem.conflict(
    which === 'adopter'
      ? 'The adopter already has a live offer; an adopter considers one child or sibling group at a time.'
      : 'A child of this offer already has a live offer (someone may have offered them a moment ago).',
    { code: 'offer_exists', field: which === 'adopter' ? 'adopterId' : 'childIds' },
  );

/** `POST /api/offers`: a draft offer, within the creation rule; 409 `offer_exists` on a race. */
export async function createOffer(w: Ctx, body: OfferInput): Promise<number> {
  const adopter = await adopterOf(w.db, body.adopterId);
  const childIds = await resolveChildren(w.db, body);
  const { detail, overrideId } = await authority(w, body, childIds);
  if (adopter.status !== 'waiting')
    throw Problem.conflict(
      `The adopter is ${adopter.status}; an offer goes to a waiting adopter.`,
      {
        code: 'adopter_not_waiting',
        status: adopter.status,
      },
    );
  const children = await w.db
    .selectFrom('children')
    .select(['id', 'status'])
    .where('id', 'in', childIds)
    .execute();
  const unavailable = children.filter((c) => c.status !== 'available');
  if (unavailable.length)
    throw Problem.conflict(
      `Only available children are offered (${unavailable.map((c) => `${c.id}: ${c.status}`).join(', ')}).`,
      { code: 'child_not_available', childIds: unavailable.map((c) => c.id) },
    );
  const today = rigaToday();
  let offerId: number;
  try {
    const offer = await w.db
      .insertInto('offers')
      .values({
        adopterId: body.adopterId,
        siblingGroupId: body.siblingGroupId ?? null,
        status: 'draft',
        live: true,
        selectionRunId: body.selectionRunId ?? null,
        overrideRequestId: overrideId,
        foreignAdoption: adopter.origin === 'foreign',
        createdBy: w.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    offerId = offer.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw offerExists('adopter');
    throw err;
  }
  try {
    await w.db
      .insertInto('offerChildren')
      .values(childIds.map((childId) => ({ offerId, childId, live: true })))
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw offerExists('child');
    throw err;
  }
  await w.db
    .insertInto('offerEvents')
    .values({
      offerId,
      fromStatus: null,
      toStatus: 'draft',
      happenedOn: today,
      reason: null,
      detail: JSON.stringify(detail),
      createdBy: w.actor.userId,
    })
    .execute();
  await w.audit({
    action: 'create',
    resource: 'offers',
    recordId: offerId,
    detail: { adopterId: body.adopterId, childIds, ...detail },
  });
  return offerId;
}
