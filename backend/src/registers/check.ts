import type { Context } from 'koa';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AuditEntry } from '../audit/request';
import { Problem } from '../http/problem';
import type { Row } from '../records';
import type { LookupContext, RecordRef, RegisterClient } from './client';
import {
  compareRecord,
  type CheckResource,
  type ComparedField,
  type FieldNote,
  type RegisterOutcome,
} from './compare';
import {
  RegisterError,
  type DisabilityRecord,
  type PersonRecord,
  type RegisterName,
} from './types';

// The register check of one record (docs/integrations.md, "The register check"): asks the
// population register (and, for a child, the disability register) through the client, and sets
// the answers beside the record with the notes kept for it. A register that does not answer is a
// state of the check, never an error of ours: the card shows "unavailable — last answered …".

export interface RegisterState {
  state: 'answered' | 'not_found' | 'unavailable';
  answeredAt?: string;
  fromCache?: boolean;
  lastAnsweredAt?: string;
}

export interface CheckResult {
  checkedAt: string;
  registers: Partial<Record<RegisterName, RegisterState>>;
  fields: ComparedField[];
}

/** What one check needs of its request: the database, the caller, the audit trail, the clock. */
export interface CheckContext {
  db: Db;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
  now: () => Date;
}

/** The one check's outcomes, kept for a take to judge the same answers the comparison did. */
export interface Asked {
  population: RegisterOutcome<PersonRecord>;
  disability?: RegisterOutcome<DisabilityRecord>;
}

/** 503 with a code the console can tell apart from a database that is away. */
export const unconfigured = () =>
  new Problem(
    503,
    'Service Unavailable',
    'No population register is configured in this environment (REGISTER_POPULATION_URL).',
    { code: 'register_unconfigured' },
    '/problems/register-unconfigured',
  );

/** The record's personal code; 409 naming the field when the record has none to ask about. */
export function personalCodeOf(row: Record<string, unknown>): string {
  const code = row.personalCode;
  if (typeof code !== 'string' || !code) {
    throw Problem.conflict('The record has no personal code: the registers cannot be asked.', {
      field: 'personalCode',
    });
  }
  return code;
}

/** One register's outcome: an answer, or `unavailable` with when it last answered about them. */
export async function ask<R>(
  c: LookupContext,
  client: RegisterClient,
  register: RegisterName,
  code: string,
  recordRef: RecordRef,
  purpose: string,
): Promise<RegisterOutcome<R>> {
  try {
    const result = (await client.lookup(c, register, code, { recordRef, purpose })) as never;
    return {
      state: (result as { found: boolean }).found ? 'answered' : 'not_found',
      result,
    };
  } catch (err) {
    // Breaker open, timeout, 5xx, malformed, not configured: the register said nothing usable.
    if (!(err instanceof RegisterError)) throw err;
    const last = await client.lastAnsweredAt(c.db, register, code);
    return { state: 'unavailable', ...(last ? { lastAnsweredAt: last.toISOString() } : {}) };
  }
}

/** Asks the registers about the record: both at once for a child. */
export async function askRegisters(
  c: LookupContext,
  client: RegisterClient,
  resource: CheckResource,
  row: { id: number } & Record<string, unknown>,
  purpose: string,
): Promise<Asked> {
  if (!client.configured('population')) throw unconfigured();
  const code = personalCodeOf(row);
  const ref = { resource, id: row.id };
  const [population, disability] = await Promise.all([
    ask<PersonRecord>(c, client, 'population', code, ref, purpose),
    resource === 'children'
      ? ask<DisabilityRecord>(c, client, 'disability', code, ref, purpose)
      : undefined,
  ]);
  return { population, ...(disability ? { disability } : {}) };
}

/** The newest note per field of one record, with its writer's name. */
export async function latestNotes(
  db: Db,
  resource: CheckResource,
  recordId: number,
): Promise<Map<string, FieldNote>> {
  const rows = await db
    .selectFrom('registerNotes as n')
    .innerJoin('users as u', 'u.id', 'n.createdBy')
    .select(['n.field', 'n.reason', 'n.createdAt', 'u.displayName'])
    .where('n.resource', '=', resource)
    .where('n.recordId', '=', recordId)
    .orderBy('n.id', 'desc')
    .execute();
  const notes = new Map<string, FieldNote>();
  for (const r of rows) {
    if (notes.has(r.field)) continue;
    notes.set(r.field, {
      reason: r.reason,
      by: r.displayName,
      at: new Date(r.createdAt).toISOString(),
    });
  }
  return notes;
}

function stateOf(outcome: RegisterOutcome<unknown>): RegisterState {
  if (outcome.state === 'unavailable') return { ...outcome };
  return {
    state: outcome.state,
    answeredAt: outcome.result.answeredAt,
    fromCache: outcome.result.fromCache,
  };
}

/** The check's answer: the registers' states and the compared fields the caller may see. */
export async function checkResult(
  c: CheckContext,
  resource: CheckResource,
  row: Row,
  asked: Asked,
): Promise<CheckResult> {
  const notes = await latestNotes(c.db, resource, row.id);
  return {
    checkedAt: c.now().toISOString(),
    registers: {
      population: stateOf(asked.population),
      ...(asked.disability ? { disability: stateOf(asked.disability) } : {}),
    },
    fields: compareRecord(resource, c.actor.role, row, asked.population, asked.disability, notes),
  };
}

/** A route's context as a check's (the clock is the app's, so tests can move it). */
export const checkContext = (
  input: { db: Db; actor: Actor | undefined; audit(e: AuditEntry): Promise<void>; ctx: Context },
  now: () => Date,
): CheckContext => ({ db: input.db, actor: input.actor!, audit: input.audit, now });
