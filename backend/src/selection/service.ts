import { rigaToday } from '@adoption/model';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AuditEntry } from '../audit/request';
import { Problem } from '../http/problem';
import { applyScope, recordScope } from '../policies/scopes';
import { currentParameters } from './parameters';
import { reverseView, selectForAdopter, type AdopterResult, type ReverseResult } from './engine';
import {
  adopterFacts,
  adoptersAhead,
  childCandidate,
  groupCandidate,
  narrowedCandidates,
  narrowing,
  waitingAdopters,
} from './repository';
import type { CandidateFacts, RuleContext } from './rules';
import { proposedIndex, storedResult } from './stored';

export interface RunDeps {
  db: Db;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
}

/** The stored run as the API answers it (the row; the result expanded, selection/stored.ts). */
export const runColumns = [
  'id',
  'direction',
  'adopterId',
  'childId',
  'siblingGroupId',
  'runOn',
  'parametersVersion',
  'inputs',
  'result',
  'proposedCount',
  'createdBy',
  'createdAt',
] as const;

async function context(db: Db, runOn: string | undefined) {
  const params = await currentParameters(db);
  const ctx: RuleContext = { runOn: runOn ?? rigaToday(), params: params.values };
  return { ctx, version: params.version };
}

async function store(
  w: RunDeps,
  run: {
    direction: 'for_adopter' | 'for_child' | 'for_group';
    adopterId?: number;
    childId?: number;
    siblingGroupId?: number;
    runOn: string;
    parametersVersion: number;
    inputs: Record<string, unknown>;
    result: AdopterResult | ReverseResult;
    proposedCount: number;
  },
) {
  const row = await w.db
    .insertInto('selectionRuns')
    .values({
      direction: run.direction,
      adopterId: run.adopterId ?? null,
      childId: run.childId ?? null,
      siblingGroupId: run.siblingGroupId ?? null,
      runOn: run.runOn,
      parametersVersion: run.parametersVersion,
      inputs: JSON.stringify(run.inputs),
      result: JSON.stringify(storedResult(run.result)),
      proposed: JSON.stringify(proposedIndex(run.result)),
      proposedCount: run.proposedCount,
      createdBy: w.actor.userId,
    })
    // Not the stored jsonb back again (megabytes on a large register): the row as inserted.
    .returning(['id', 'createdAt'])
    .executeTakeFirstOrThrow();
  const { direction, runOn, parametersVersion, inputs, result, proposedCount } = run;
  return {
    id: row.id,
    direction,
    adopterId: run.adopterId ?? null,
    childId: run.childId ?? null,
    siblingGroupId: run.siblingGroupId ?? null,
    runOn,
    parametersVersion,
    // Plain JSON data (strings, numbers, booleans, null): answered as the database stores it.
    inputs,
    result: result as unknown as Record<string, unknown>,
    proposedCount,
    createdBy: w.actor.userId,
    createdAt: row.createdAt,
  };
}

/** Selection for an adopter (`POST /api/adopters/:id/selections`): stored and audited. */
export async function selectForAdopterRun(w: RunDeps, adopterId: number, runOn?: string) {
  const { db } = w;
  const inScope = await applyScope(
    db.selectFrom('adopters').select(['id', 'status']).where('id', '=', adopterId),
    recordScope('adopters', w.actor),
  ).executeTakeFirst();
  if (!inScope) throw Problem.noRecord('adopters', adopterId);
  if (inScope.status !== 'waiting') {
    throw Problem.conflict(
      `The adopter's status is "${inScope.status}": children are selected only for a waiting adopter.`,
      { code: 'adopter_not_waiting', status: inScope.status },
    );
  }
  const { ctx, version } = await context(db, runOn);
  const adopter = (await adopterFacts(db, adopterId, ctx))!;
  const n = narrowing(adopter, ctx);
  const [{ candidates }, ahead] = await Promise.all([
    narrowedCandidates(db, n),
    adoptersAhead(db, adopter, ctx),
  ]);
  const result = selectForAdopter({
    adopter,
    candidates,
    ahead,
    context: ctx,
    parametersVersion: version,
  });
  const row = await store(w, {
    direction: 'for_adopter',
    adopterId,
    runOn: ctx.runOn,
    parametersVersion: version,
    inputs: {
      adopter,
      parameters: ctx.params,
      narrowing: n,
      candidatesConsidered: candidates.length,
      adoptersAhead: ahead.map((a) => a.id),
    },
    result,
    proposedCount: result.proposed.length,
  });
  await w.audit({
    action: 'select',
    resource: 'selections',
    recordId: row.id,
    detail: {
      direction: 'for_adopter',
      adopterId,
      runOn: ctx.runOn,
      parametersVersion: version,
      proposed: result.proposed.length,
      nearMisses: result.nearMisses.length,
      excluded: result.excluded.length,
      // The children whose names the answer shows.
      childIds: [...result.proposed, ...result.nearMisses, ...result.excluded].flatMap(
        (c) => c.childIds,
      ),
    },
  });
  return row;
}

async function reverse(
  w: RunDeps,
  direction: 'for_child' | 'for_group',
  candidate: CandidateFacts,
  runOn?: string,
) {
  const { db } = w;
  const { ctx, version } = await context(db, runOn);
  const cleared = candidate.children.every((c) => c.clearedAbroad);
  const adopters = await waitingAdopters(db, cleared, ctx);
  const result = reverseView({ candidate, adopters, context: ctx, parametersVersion: version });
  const row = await store(w, {
    direction,
    childId: direction === 'for_child' ? candidate.childIds[0] : undefined,
    siblingGroupId: direction === 'for_group' ? candidate.siblingGroupId! : undefined,
    runOn: ctx.runOn,
    parametersVersion: version,
    inputs: {
      candidate,
      parameters: ctx.params,
      narrowing: { adopterStatus: 'waiting', latvianOnly: !cleared },
      adoptersConsidered: adopters.length,
    },
    result,
    proposedCount: result.fitting.length,
  });
  await w.audit({
    action: 'select',
    resource: 'selections',
    recordId: row.id,
    detail: {
      direction,
      childIds: candidate.childIds,
      siblingGroupId: candidate.siblingGroupId,
      runOn: ctx.runOn,
      parametersVersion: version,
      fitting: result.fitting.length,
      notFitting: result.notFitting.length,
      adopterIds: [...result.fitting, ...result.notFitting].map((a) => a.adopterId),
    },
  });
  return row;
}

/** The reverse view for a child (`POST /api/children/:id/selections`). */
export async function selectForChildRun(w: RunDeps, childId: number, runOn?: string) {
  const inScope = await applyScope(
    w.db.selectFrom('children').select('id').where('id', '=', childId),
    recordScope('children', w.actor),
  ).executeTakeFirst();
  const candidate = inScope && (await childCandidate(w.db, childId));
  if (!candidate) throw Problem.noRecord('children', childId);
  return reverse(w, 'for_child', candidate, runOn);
}

/** The reverse view for a sibling group (`POST /api/sibling-groups/:id/selections`). */
export async function selectForGroupRun(w: RunDeps, groupId: number, runOn?: string) {
  const candidate = await groupCandidate(w.db, groupId);
  if (!candidate) throw Problem.noRecord('sibling-groups', groupId);
  if (candidate.childIds.length === 0) {
    throw Problem.conflict('The sibling group has no members.', { code: 'group_empty' });
  }
  return reverse(w, 'for_group', candidate, runOn);
}
