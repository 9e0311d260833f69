import type { ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { Role } from '../policies/roles';
import type { ChangeRequestResource } from '../db/tables/change-requests';
import { applyScope, recordScope, type RecordScope } from '../policies/scopes';
import { hiddenFields, presentFields } from '../policies/fields';
import { Problem, type FieldError } from '../http/problem';
import {
  recordWriter,
  type RecordSpec,
  type Row,
  type WriteContext,
  type WriteOrigin,
} from '../records';
import { childSpec } from '../children/spec';
import { adopterSpec } from '../adopters/spec';
import { checkSiblingGroup, siblingGroupInput } from '../sibling-groups/schema';
import { groupFields, siblingGroupWriter } from '../sibling-groups/writer';
import { membersOf } from '../sibling-groups/members';

/**
 * What a change request can be about, seen from the change-request flow: the resource's input
 * schema and rules, the proposer's view of a record (scope and field rules), and the writer an
 * accepted request goes through — the same one the resource's own routes use.
 */
export interface ProposalTarget {
  /** Each proposed value is parsed by its field's schema here. */
  shape: ZodRawShape;
  /** The fields a proposal may carry (stored input fields), in the card's order. */
  fields: string[];
  /** The resource's rules across fields, as on an edit. */
  check(fields: Record<string, unknown>): FieldError[];
  /** Rules on who proposes what value (an orphan court sends its own decisions only). */
  checkProposal?(actor: Actor, values: Record<string, unknown>): FieldError[];
  /** Where a proposed new record must lie (the proposer's own organisation). */
  newRecordScope?(actor: Actor): RecordScope;
  /** The record as far as the actor may see it exists (undefined outside its scope). */
  findInScope(db: Db, actor: Actor, id: number): Promise<Row | undefined>;
  /** The record, locked for an accepted update. */
  lock(db: Db, id: number): Promise<Row | undefined>;
  create?(w: WriteContext, body: Record<string, unknown>, origin: WriteOrigin): Promise<Row>;
  update(
    w: WriteContext,
    id: number,
    body: Record<string, unknown> & { version: number },
    origin: WriteOrigin,
  ): Promise<Row>;
  /** Values without the fields the actor's role must not see. */
  present(actor: Actor, values: Record<string, unknown>): Record<string, unknown>;
  hidden(role: Role): Set<string>;
  /** What the inbox calls the records the actor may see, by id. */
  names(db: Db, actor: Actor, ids: number[]): Promise<Map<number, string>>;
}

/** A person register (children, adopters) through its record writer and field rules. */
function personTarget(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: RecordSpec<any, ZodRawShape> & { policy: 'children' | 'adopters' },
) {
  const writer = recordWriter(spec);
  const resource = spec.policy;
  const { input } = spec;
  const target: ProposalTarget = {
    shape: input.shape,
    fields: Object.keys(input.shape).filter((f) => f in spec.record.shape),
    check: (fields) => spec.check?.(fields) ?? [],
    newRecordScope: (actor) => recordScope(resource, actor),
    findInScope: (db, actor, id) => writer.findById(db, id, actor),
    lock: (db, id) => writer.lock(db, id),
    create: (w, body, origin) => writer.create(w, body, origin),
    update: (w, id, body, origin) => writer.update(w, id, body, origin),
    present: (actor, values) => presentFields(resource, actor.role, values),
    hidden: (role) => hiddenFields(resource, role),
    async names(db, actor, ids) {
      if (ids.length === 0 || hiddenFields(resource, actor.role).has('surname')) return new Map();
      const found = await applyScope(
        db.selectFrom(resource).select(['id', 'givenNames', 'surname']).where('id', 'in', ids),
        recordScope(resource, actor),
      ).execute();
      return new Map(found.map((r) => [r.id, `${r.surname} ${r.givenNames}`]));
    },
  };
  return target;
}

/**
 * A sibling group: an orphan court sends its decision that the brothers and sisters may be
 * adopted separately (or that they may not, after all). It sees the groups with one of its
 * children; the decision it sends must be its own.
 */
const siblingGroupTarget: ProposalTarget = {
  shape: siblingGroupInput.shape,
  fields: [...groupFields],
  check: (fields) => checkSiblingGroup(fields),
  checkProposal(actor, values) {
    const court = values.separationOrphanCourtId;
    return actor.role === 'orphan_court' && court != null && court !== actor.orphanCourtId
      ? [
          {
            path: 'body.changes.separationOrphanCourtId',
            code: 'out_of_scope',
            message: `must be your own orphan court (${actor.orphanCourtId})`,
            params: { value: actor.orphanCourtId ?? '' },
          },
        ]
      : [];
  },
  findInScope: (db, actor, id) => siblingGroupWriter.findById(db, id, actor),
  lock: (db, id) => siblingGroupWriter.lock(db, id),
  update: (w, id, body, origin) => siblingGroupWriter.update(w, id, body, origin),
  present: (_actor, values) => values,
  hidden: () => new Set(),
  // The group's visible members, oldest first: "Bērziņš Jānis, Bērziņa Anna".
  async names(db, actor, ids) {
    const members = await membersOf(db, actor, ids);
    return new Map(
      [...members]
        .map(
          ([id, children]) =>
            [
              id,
              children
                .filter((c) => c.surname !== undefined)
                .map((c) => `${c.surname} ${c.givenNames}`)
                .join(', '),
            ] as const,
        )
        .filter(([, name]) => name !== ''),
    );
  },
};

export const targets: Record<ChangeRequestResource, ProposalTarget> = {
  children: personTarget(childSpec),
  adopters: personTarget(adopterSpec),
  'sibling-groups': siblingGroupTarget,
};

/** The target's stored input fields of a record (a whole body for its writer). */
export function storedValues(target: ProposalTarget, row: Row): Record<string, unknown> {
  return Object.fromEntries(target.fields.map((f) => [f, row[f]]));
}

export function recordNotFound(resource: ChangeRequestResource, id: number): never {
  throw Problem.noRecord(resource, id);
}
