import { z, type ZodType } from 'zod';
import type { Actor } from '../auth/actor';
import { Problem, type FieldError } from '../http/problem';
import { fieldErrors } from '../http/errors';
import type { WriteContext } from '../records';
import { notResponsibleFor, proposableFields } from '@adoption/model';
import { canonicalJson } from '../audit/canonical';
import { queueDecisionMail } from './mail';
import type { AcceptInput, ProposalInput } from './schema';
import { changedSince, lockRequest, pickValues, summaries, type RequestRow } from './repository';
import { recordNotFound, storedValues, targets } from './targets';

type Ctx = WriteContext & { actor: Actor };

/** A cross-field error about the proposal, named where the proposer put the value. */
const underChanges = (e: FieldError): FieldError => ({
  ...e,
  path: e.path.replace(/^body\./, 'body.changes.'),
});

/**
 * What a proposer may send: fields of the resource it is responsible for, each valid by the
 * resource's own input schema, and together with the record a whole the register's rules accept
 * — so a proposal that could never be accepted is refused at once. Answers the parsed values and,
 * for an update, what the record holds now.
 */
async function validateProposal(w: Ctx, input: ProposalInput) {
  const { actor } = w;
  const { resource, kind, changes } = input;
  if (proposableFields(actor.role, resource, kind).length === 0) {
    const any = proposableFields(actor.role, resource, kind === 'create' ? 'update' : 'create');
    throw Problem.field(
      any.length ? 'body.kind' : 'body.resource',
      'not_responsible',
      `your role does not propose ${kind === 'create' ? 'new' : 'changes of'} ${resource}`,
    );
  }
  const target = targets[resource];
  const known = new Set(target.fields);
  const names = Object.keys(changes);
  const notOurs = new Set(notResponsibleFor(actor.role, resource, kind, names));
  const refused: FieldError[] = names
    .filter((f) => !known.has(f) || notOurs.has(f))
    .map((f) =>
      known.has(f)
        ? {
            path: `body.changes.${f}`,
            code: 'not_responsible',
            message: 'is not a field your organisation is responsible for',
          }
        : { path: `body.changes.${f}`, code: 'unknown_field', message: 'is not a known field' },
    );
  if (refused.length) throw Problem.validation(refused);

  const { shape } = target;
  if (kind === 'create') {
    const whole = z.object(Object.fromEntries(target.fields.map((f) => [f, shape[f]!]))).strict();
    const parsed = whole.safeParse(changes);
    if (!parsed.success) throw Problem.validation(fieldErrors(parsed.error, 'body.changes'));
    const values = parsed.data as Record<string, unknown>;
    // The new record lies in the proposer's own scope (the court that decided the care).
    const scope = target.newRecordScope?.(actor);
    if (scope?.kind === 'match' && values[scope.column] !== scope.value) {
      throw Problem.field(
        `body.changes.${scope.column}`,
        'out_of_scope',
        `must be your own organisation (${scope.value})`,
      );
    }
    const errors = [
      ...target.check(values).map(underChanges),
      ...(target.checkProposal?.(actor, values) ?? []),
    ];
    if (errors.length) throw Problem.validation(errors);
    return { proposed: pickValues(values, target.fields), atProposal: null };
  }

  const current =
    (await target.findInScope(w.db, actor, input.recordId!)) ??
    recordNotFound(resource, input.recordId!);
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const f of names) {
    const parsed = (shape[f] as ZodType).safeParse(changes[f]);
    if (!parsed.success) {
      errors.push(...fieldErrors(parsed.error, `body.changes.${f}`));
    } else if (canonicalJson(parsed.data) === canonicalJson(current[f])) {
      errors.push({
        path: `body.changes.${f}`,
        code: 'unchanged',
        message: "is the register's value already",
      });
    } else {
      values[f] = parsed.data;
    }
  }
  errors.push(...(target.checkProposal?.(actor, values) ?? []));
  if (errors.length) throw Problem.validation(errors);
  // Only what the proposal breaks, and only where the proposer could mend it: a rule the record
  // already fails is not its doing, and a field it is not responsible for (the Commission's opinion
  // date of a clearance abroad) is the specialist's to complete when accepting.
  const before = storedValues(target, current);
  const key = (e: FieldError) => `${e.path} ${e.code}`;
  const existing = new Set(target.check(before).map(key));
  const mine = new Set(proposableFields(actor.role, resource, kind));
  const broken = target
    .check({ ...before, ...values })
    .filter((e) => !existing.has(key(e)) && mine.has(e.path.split('.')[1] ?? ''));
  if (broken.length) throw Problem.validation(broken.map(underChanges));
  return { proposed: pickValues(values, names), atProposal: pickValues(current, names) };
}

/** Records a proposal; nothing is written to the register. */
export async function propose(w: Ctx, input: ProposalInput) {
  const { actor } = w;
  const { proposed, atProposal } = await validateProposal(w, input);
  const row = await w.db
    .insertInto('changeRequests')
    .values({
      resource: input.resource,
      kind: input.kind,
      recordId: input.kind === 'update' ? input.recordId! : null,
      proposedBy: actor.userId,
      careProviderId: actor.careProviderId,
      orphanCourtId: actor.orphanCourtId,
      proposed: JSON.stringify(proposed),
      valuesAtProposal: atProposal && JSON.stringify(atProposal),
      comment: input.comment,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Field by field, so the trail masks special-category values as it does for the record itself.
  await w.audit({
    action: 'create',
    resource: 'change-requests',
    recordId: row.id,
    changes: Object.fromEntries(
      Object.keys(proposed).map((f) => [
        f,
        atProposal ? { old: atProposal[f]!, new: proposed[f]! } : { new: proposed[f]! },
      ]),
    ),
    detail: { resource: row.resource, kind: row.kind, recordId: row.recordId },
  });
  return (await summaries(w.db, actor, [row]))[0]!;
}

/** The locked request, pending and at the version the caller saw (409 otherwise). */
async function pendingRequest(w: Ctx, id: number, version: number): Promise<RequestRow> {
  const row = await lockRequest(w.db, w.actor, id);
  if (row.version !== version) {
    throw Problem.conflict(
      `The change request was changed by someone else (your version ${version}, current version ${row.version}). Reload it.`,
      { current: (await summaries(w.db, w.actor, [row]))[0] },
    );
  }
  if (row.status !== 'pending') {
    throw Problem.conflict(
      `The change request is ${row.status} already; only a pending one is decided.`,
      {
        code: 'not_pending',
        status: row.status,
      },
    );
  }
  return row;
}

async function decide(
  w: Ctx,
  row: RequestRow,
  set: {
    status: RequestRow['status'];
    acceptedFields?: string[];
    decisionComment?: string | null;
    createdRecordId?: number;
  },
  detail: Record<string, unknown>,
) {
  const updated = await w.db
    .updateTable('changeRequests')
    .set({
      status: set.status,
      acceptedFields: set.acceptedFields && JSON.stringify(set.acceptedFields),
      decisionComment: set.decisionComment ?? null,
      decidedBy: w.actor.userId,
      decidedAt: new Date(),
      createdRecordId: set.createdRecordId ?? row.createdRecordId,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await w.audit({
    action: 'update',
    resource: 'change-requests',
    recordId: row.id,
    changes: { status: { old: row.status, new: updated.status } },
    detail: {
      resource: row.resource,
      recordId: row.recordId ?? updated.createdRecordId,
      ...detail,
    },
  });
  return updated;
}

/**
 * Values the specialist adds when accepting, for fields the proposal does not carry (a rule of
 * the card needs them together with the proposed ones), each valid by the resource's schema.
 */
function completionOf(row: RequestRow, complete: Record<string, unknown>) {
  const { shape, fields } = targets[row.resource];
  const known = new Set(fields);
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [f, value] of Object.entries(complete)) {
    const path = `body.complete.${f}`;
    if (!known.has(f)) {
      errors.push({ path, code: 'unknown_field', message: 'is not a known field' });
    } else if (Object.hasOwn(row.proposed, f)) {
      errors.push({ path, code: 'proposed', message: 'is proposed: accept or leave it out' });
    } else {
      const parsed = (shape[f] as ZodType).safeParse(value);
      if (parsed.success) values[f] = parsed.data;
      else errors.push(...fieldErrors(parsed.error, path));
    }
  }
  if (errors.length) throw Problem.validation(errors);
  return values;
}

/**
 * Accepts the request, all its fields or the chosen ones, through the resource's writer (rules,
 * scope, audit, field history with the request's id). A field the register changed since the
 * proposal answers 409 naming it, unless the specialist overrides; a new record is accepted whole.
 */
export async function accept(w: Ctx, id: number, input: AcceptInput, publicUrl: string) {
  const row = await pendingRequest(w, id, input.version);
  const proposedFields = Object.keys(row.proposed);
  const fields = [...new Set(input.fields ?? proposedFields)];
  const strange = (input.fields ?? [])
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !proposedFields.includes(f));
  if (strange.length) {
    throw Problem.validation(
      strange.map(({ i }) => ({
        path: `body.fields.${i}`,
        code: 'not_proposed',
        message: 'is not a field of this request',
      })),
    );
  }
  const completion = completionOf(row, input.complete ?? {});
  const target = targets[row.resource];
  const origin = { source: 'change_request' as const, changeRequestId: row.id };
  let createdRecordId: number | undefined;
  let overridden: string[] = [];
  if (row.kind === 'create') {
    if (fields.length !== proposedFields.length) {
      throw Problem.field('body.fields', 'whole_record', 'a new record is accepted whole');
    }
    if (!target.create) throw new Error(`${row.resource} has no proposed new records`);
    const created = await target.create(
      w,
      { ...row.proposed, ...completion, confirmLikelyDuplicate: input.confirmLikelyDuplicate },
      origin,
    );
    createdRecordId = created.id;
  } else {
    const current = await target.lock(w.db, row.recordId!);
    if (!current) {
      throw Problem.conflict('The record of this request is no longer in the register.', {
        code: 'record_missing',
      });
    }
    const conflicts = changedSince(fields, row.valuesAtProposal!, current, row.proposed);
    if (conflicts.length && !input.override) {
      throw Problem.conflict(
        `The register changed ${conflicts.join(', ')} since the proposal. Compare the values, then accept again overriding, or leave those fields out.`,
        {
          code: 'changed_since_proposal',
          fields: conflicts,
          current: pickValues(target.present(w.actor, current), conflicts),
        },
      );
    }
    overridden = conflicts;
    const accepted = Object.fromEntries(fields.map((f) => [f, row.proposed[f]]));
    await target.update(
      w,
      row.recordId!,
      {
        ...storedValues(target, current),
        ...accepted,
        ...completion,
        version: current.version,
        confirmLikelyDuplicate: input.confirmLikelyDuplicate,
      },
      origin,
    );
  }
  const status = fields.length === proposedFields.length ? 'accepted' : 'partially_accepted';
  const updated = await decide(
    w,
    row,
    { status, acceptedFields: fields, decisionComment: input.comment, createdRecordId },
    { decision: 'accept', acceptedFields: fields, overridden, completed: Object.keys(completion) },
  );
  await queueDecisionMail(w, publicUrl, {
    requestId: row.id,
    proposedBy: row.proposedBy,
    outcome: 'accepted',
    acceptedCount: fields.length,
    proposedCount: proposedFields.length,
    comment: updated.decisionComment,
  });
  return updated;
}

/** Returns the request to the proposer with the specialist's comment; the register is unchanged. */
export async function returnRequest(
  w: Ctx,
  id: number,
  input: { version: number; comment: string },
  publicUrl: string,
) {
  const row = await pendingRequest(w, id, input.version);
  const updated = await decide(
    w,
    row,
    { status: 'returned', decisionComment: input.comment },
    { decision: 'return' },
  );
  await queueDecisionMail(w, publicUrl, {
    requestId: row.id,
    proposedBy: row.proposedBy,
    outcome: 'returned',
    comment: input.comment,
  });
  return updated;
}

/** The proposer's organisation takes its pending request back. */
export async function withdraw(w: Ctx, id: number, version: number) {
  const row = await pendingRequest(w, id, version);
  return decide(w, row, { status: 'withdrawn' }, { decision: 'withdraw' });
}
