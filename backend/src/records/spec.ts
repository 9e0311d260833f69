import type { ZodObject, ZodRawShape } from 'zod';
import type { Database, Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { PermissionResource } from '../policies/permissions';
import type { FieldError } from '../http/problem';
import type { ListSpec } from '../http/list';

/**
 * What a kind of record is, whoever writes it (its routes, an accepted change request, a status
 * move): its table, schemas and rules. It lives beside its domain (`children/spec.ts`,
 * `adopters/spec.ts`, …); how it is served over HTTP (page size, tag) is the route's business
 * (`http/crud.ts`).
 */
export interface RecordSpec<
  T extends keyof Database = keyof Database,
  S extends ZodRawShape = ZodRawShape,
> {
  /** URL segment, audit resource and Content-Range unit, e.g. `orphan-courts`. */
  resource: string & PermissionResource;
  table: T;
  /** Public shape of a record (also its selected columns). */
  record: ZodObject<S>;
  /** Writable fields (create); update is these plus `version`. */
  input: ZodObject<ZodRawShape>;
  /** Sorting, filters and search of the record's list. */
  list: ListSpec;
  /**
   * Fields a list row leaves out: the card's free text and sub-lists (health, relatives, the
   * birth family, wishes in detail), which no list or reference shows. A list page then carries
   * none of that special-category text, and a fifth to a half of the bytes; the card reads the
   * whole record (`GET …/:id`).
   */
  listOmits?: readonly string[];
  /** App-computed columns (search text, sort key) from a full set of writable fields. */
  derive?(input: Record<string, unknown>): Record<string, unknown>;
  /**
   * Audit reads too: show writes a `read` event and list a `list` event with the ids it showed.
   * Create, update and delete are always audited.
   */
  auditReads?: boolean;
  /**
   * Person registers (children, adopters): every query keeps to the actor's record scope
   * (policies/scopes.ts), every answer drops the fields its role must not see
   * (policies/fields.ts), and every change is in the field history (history/).
   */
  policy?: 'children' | 'adopters';
  /**
   * A scope of its own for records without a scope column (a sibling group is seen through its
   * members): narrows every query of the record to what the actor may see.
   */
  scope?<Q>(qb: Q, actor: Actor | undefined): Q;
  /** The current record as a 409 answers it, when that is more than its row (a group's members). */
  showCurrent?(db: Db, actor: Actor | undefined, row: Record<string, unknown>): Promise<unknown>;
  /** Rules across fields (dates in order, a personal code that fits the birth date). */
  check?(fields: Record<string, unknown>): FieldError[];
  /**
   * Rules that need the database (a likely duplicate), after `check`: throws a Problem to refuse,
   * or answers a detail for the audit event. Gets the whole body, so input fields that are not
   * stored (a confirmation) reach it; `id` is the record being updated.
   */
  guard?(
    db: Db,
    body: Record<string, unknown>,
    id?: number,
  ): Promise<Record<string, unknown> | void>;
}
