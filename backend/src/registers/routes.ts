import { z } from 'zod';
import { recordAudit } from '../audit/chain';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { requestAuditEvent } from '../audit/request';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem, type FieldError } from '../http/problem';
import { idParams } from '../http/ids';
import { recordWriter, type Change, type Row } from '../records';
import { childSpec } from '../children/spec';
import { adopterSpec } from '../adopters/spec';
import type { RegisterClient } from './client';
import { resolveFromCard } from './differences-routes';
import { askRegisters, checkContext, checkResult, latestNotes, unconfigured } from './check';
import {
  compareRecord,
  comparedFieldVisible,
  comparedFields,
  fieldState,
  untakeable,
  type CheckResource,
} from './compare';

// The register check on the card (issue 15; docs/integrations.md, "The register check"):
// `POST /api/<resource>/:id/register-check` compares, `…/take` writes the register's value into
// the record through its writer (history source 'register'), `…/notes` keeps why ours differs.
// Whoever may write the record may check it: the registers are asked to keep it right.

export interface RegisterRouteDeps {
  /** The app's client; undefined: no register configured (every route answers 503). */
  client: () => RegisterClient | undefined;
  now: () => Date;
}

const specs = { children: childSpec, adopters: adopterSpec } as const;
const tags = { children: 'Children', adopters: 'Adopters' } as const;

const purpose = z.string().trim().min(1).max(200);
const checkBody = z.object({ purpose: purpose.optional() }).strict();
const takeBody = z
  .object({
    field: z.string().min(1).max(60),
    version: z.number().int().positive(),
    purpose: purpose.optional(),
  })
  .strict();
const noteBody = z
  .object({ field: z.string().min(1).max(60), reason: z.string().trim().min(1).max(2000) })
  .strict();

const registerState = z.object({
  state: z.enum(['answered', 'not_found', 'unavailable']),
  answeredAt: z.string().optional(),
  fromCache: z.boolean().optional(),
  lastAnsweredAt: z.string().optional(),
});
const checkAnswer = z
  .object({
    checkedAt: z.string(),
    registers: z.object({ population: registerState, disability: registerState.optional() }),
    fields: z.array(
      z.object({
        field: z.string(),
        register: z.enum(['population', 'disability']),
        ours: z.string().nullable(),
        theirs: z.string().nullable(),
        state: z.enum(['same', 'different', 'missing_ours', 'missing_theirs']),
        note: z.object({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
      }),
    ),
  })
  .meta({ id: 'RegisterCheck' });

const DEFAULT_PURPOSE = 'card check';

/** 400 naming `body.field`. */
const badField = (code: string, message: string) => Problem.field('body.field', code, message);

export function registerCheckRoutes(deps: RegisterRouteDeps): RouteDef[] {
  const clientOr503 = (): RegisterClient => {
    const client = deps.client();
    if (!client) throw unconfigured();
    return client;
  };
  return (['children', 'adopters'] as const).flatMap((resource) => {
    const spec = specs[resource];
    const writer = recordWriter(spec);
    const base = `/api/${resource}/:id/register-check`;
    /** The record in the caller's scope; 404 outside it, as for any other route of the record. */
    const load = async (input: { db: Db; actor: Actor | undefined; params: { id: number } }) => {
      const row = await writer.findById(input.db, input.params.id, input.actor);
      if (!row) throw Problem.noRecord(resource, input.params.id);
      return row;
    };
    return [
      defineRoute({
        method: 'post',
        path: base,
        summary: `Compare one of ${resource} with the state registers`,
        tags: [tags[resource]],
        access: `${resource}:write`,
        params: idParams,
        body: checkBody,
        response: {
          description: 'The registers beside the record, field by field',
          schema: checkAnswer,
        },
        // No transaction around the registers' answers: each query's audit event stands alone.
        transaction: false,
        handler: async (input) => {
          const client = clientOr503();
          const c = checkContext(input, deps.now);
          const row = await load(input);
          const asked = await askRegisters(
            c,
            client,
            resource,
            row,
            input.body.purpose ?? DEFAULT_PURPOSE,
          );
          return checkResult(c, resource, row, asked);
        },
      }),
      defineRoute({
        method: 'post',
        path: `${base}/take`,
        summary: `Take a state register's value into one of ${resource}`,
        tags: [tags[resource]],
        access: `${resource}:write`,
        params: idParams,
        body: takeBody,
        response: { description: 'The updated record (version incremented)', schema: spec.record },
        // The registers are asked outside the write's transaction (their audit stands either way).
        transaction: false,
        handler: async (input) => {
          const { params, body, actor, ctx, onCommit } = input;
          const client = clientOr503();
          const c = checkContext(input, deps.now);
          if (!(comparedFields[resource] as readonly string[]).includes(body.field)) {
            throw badField(
              'unknown_field',
              `is not a field the register check compares for ${resource}`,
            );
          }
          if (untakeable.has(body.field)) {
            throw badField('not_takeable', 'has no field of ours to take it into');
          }
          const row = await load(input);
          const asked = await askRegisters(
            c,
            client,
            resource,
            row,
            body.purpose ?? DEFAULT_PURPOSE,
          );
          const compared = compareRecord(
            resource,
            c.actor.role,
            row,
            asked.population,
            asked.disability,
          );
          const field = compared.find((f) => f.field === body.field);
          if (!field) {
            const down = [asked.population, asked.disability].some(
              (o) => o?.state === 'unavailable',
            );
            if (down) {
              throw new Problem(
                503,
                'Service Unavailable',
                'The register does not answer now; try again later.',
                {
                  code: 'register_unavailable',
                },
              );
            }
            throw badField('not_different', 'the register gives no value for this field');
          }
          if (field.state !== 'different' && field.state !== 'missing_ours') {
            throw badField('not_different', `is ${field.state} in the register: nothing to take`);
          }
          return input.db.transaction().execute(async (trx) => {
            const w = {
              db: trx,
              actor,
              onCommit,
              audit: async (e: Parameters<typeof input.audit>[0]) =>
                void (await recordAudit(trx, requestAuditEvent(ctx, e))),
            };
            const updated = await writer.write(
              w,
              params.id,
              body.version,
              async (current) => {
                await writer.refuseStale(w, body.version, current);
                return takeChange(resource, current, field.field, field.theirs, field.register);
              },
              { source: 'register' },
            );
            // The work queue's item of this field, if the reconciliation found one, is done.
            await resolveFromCard(
              trx,
              { resource, recordId: params.id, field: field.field },
              { resolution: 'taken', userId: actor!.userId },
            );
            return writer.present(actor, updated);
          });
        },
      }),
      defineRoute({
        method: 'post',
        path: `${base}/notes`,
        summary: `Explain why one of ${resource} differs from a state register`,
        tags: [tags[resource]],
        access: `${resource}:write`,
        params: idParams,
        body: noteBody,
        response: { status: 201, description: 'The note as the next check shows it' },
        handler: async ({ db, params, body, actor, audit }) => {
          if (
            !(comparedFields[resource] as readonly string[]).includes(body.field) ||
            !comparedFieldVisible(resource, actor!.role, body.field)
          ) {
            throw badField(
              'unknown_field',
              `is not a field the register check compares for ${resource}`,
            );
          }
          await load({ db, actor, params });
          const note = await db
            .insertInto('registerNotes')
            .values({
              resource,
              recordId: params.id,
              field: body.field,
              reason: body.reason,
              createdBy: actor!.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await resolveFromCard(
            db,
            { resource, recordId: params.id, field: body.field },
            { resolution: 'explained', reason: body.reason, userId: actor!.userId },
          );
          // The reason may name people: the trail says which field was explained, the note keeps why.
          await audit({
            action: 'register_note',
            resource,
            recordId: params.id,
            detail: { field: body.field, noteId: Number(note.id) },
          });
          return {
            field: body.field,
            note: (await latestNotes(db, resource, params.id)).get(body.field),
          };
        },
      }),
    ];
  }) as RouteDef[];
}

/**
 * The change a take makes to the locked record: the register's value, the derived columns (search
 * text, sort key) recomputed, and refused when the record's rules would break only because of it.
 * 400 naming the field when the locked record already holds that value.
 */
function takeChange(
  resource: CheckResource,
  current: Row,
  field: string,
  value: string | null,
  register: string,
): Change {
  const spec = specs[resource];
  if (fieldState(current[field] === null ? null : String(current[field]), value) === 'same') {
    throw badField('not_different', 'the record holds the register’s value already');
  }
  const after = { ...current, [field]: value };
  // Only the rules this value breaks: a record's older problems are not this take's to refuse.
  const key = (e: FieldError) => `${e.path}:${e.code}`;
  const before = new Set(spec.check(current).map(key));
  const broken = spec.check(after).filter((e) => !before.has(key(e)));
  if (broken.length) throw Problem.validation(broken);
  return {
    action: 'update',
    set: { [field]: value, ...spec.derive(after) },
    detail: { register, field },
    source: 'register',
  };
}
