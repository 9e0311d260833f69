import { z } from 'zod';
import { validatePersonalCode } from '@adoption/model';
import type { Actor } from '../auth/actor';
import { rateLimiter, type RateSpec } from '../auth/rate-limit';
import type { Db } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { presentFields } from '../policies/fields';
import { recordWriter } from '../records';
import { childSpec } from '../children/spec';
import { adopterSpec } from '../adopters/spec';
import { ask, unconfigured } from './check';
import type { CheckResource, RegisterOutcome } from './compare';
import type { RegisterRouteDeps } from './routes';
import type { PersonRecord } from './types';

// Filling a new card on entry (issue 15; docs/integrations.md, "Filling a new card on entry"): the
// specialist types a personal code on a card not yet saved and asks the population register for
// the names, birth date, sex (a child) or declared address (an adopter); the console shows them
// beside the form and fills only what the specialist confirms. Nothing is written here: the card
// is saved by its ordinary create route. Whoever may create the record may ask.

export interface RegisterEntryDeps extends RegisterRouteDeps {
  /** Look-ups per user (RATE_LIMIT_REGISTER_ENTRY, default 60 an hour); undefined: no limit. */
  limit: RateSpec | undefined;
}

/** The purpose the query is audited with (the client refuses a query without one). */
export const ENTRY_PURPOSE = 'new record entry';

const specs = { children: childSpec, adopters: adopterSpec } as const;
const tags = { children: 'Children', adopters: 'Adopters' } as const;
const nouns = { children: 'child', adopters: 'adopter' } as const;

const entryBody = z.object({ personalCode: z.string().trim().min(1).max(20) }).strict();

/** Only what a new card holds: never the death date, the parents or the spouse. */
const entryValues = z.object({
  givenNames: z.string().optional(),
  surname: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.enum(['female', 'male']).optional().meta({ description: 'children only' }),
  declaredAddress: z.string().nullable().optional().meta({ description: 'adopters only' }),
});
const entryAnswer = z
  .object({
    state: z.enum(['answered', 'not_found', 'unavailable']),
    answeredAt: z.string().optional(),
    lastAnsweredAt: z.string().optional(),
    values: entryValues,
  })
  .meta({ id: 'RegisterEntry' });
type EntryAnswer = z.output<typeof entryAnswer>;

/** The register's values for a new card of this resource, as the caller's role may see them. */
export function entryValuesOf(
  resource: CheckResource,
  role: Actor['role'],
  person: PersonRecord,
): EntryAnswer['values'] {
  const values: EntryAnswer['values'] = {
    givenNames: person.givenNames,
    surname: person.surname,
    birthDate: person.birthDate,
    // Adopters' records hold no sex; children's no address.
    ...(resource === 'children' ? { sex: person.sex } : {}),
    ...(resource === 'adopters' ? { declaredAddress: person.declaredAddress?.text ?? null } : {}),
  };
  return presentFields(resource, role, values);
}

function answerOf(
  resource: CheckResource,
  role: Actor['role'],
  outcome: RegisterOutcome<PersonRecord>,
): EntryAnswer {
  if (outcome.state === 'unavailable') return { ...outcome, values: {} };
  const { result } = outcome;
  return {
    state: result.found ? 'answered' : 'not_found',
    answeredAt: result.answeredAt,
    values: result.found ? entryValuesOf(resource, role, result.record) : {},
  };
}

/**
 * 409 `duplicate` when a record of the resource already has the code: the card exists, the
 * register is not asked. The existing record's id only when it is in the caller's scope.
 */
async function refuseDuplicate(
  db: Db,
  resource: CheckResource,
  code: string,
  actor: Actor | undefined,
): Promise<void> {
  const existing = await db
    .selectFrom(resource)
    .select('id')
    .where('personalCode', '=', code)
    .executeTakeFirst();
  if (!existing) return;
  const visible = await recordWriter(specs[resource]).findById(db, existing.id, actor);
  throw Problem.conflict(
    `A ${nouns[resource]} with this personal code is already in the register: open that record instead.`,
    { code: 'duplicate', field: 'personalCode', ...(visible ? { id: existing.id } : {}) },
  );
}

export function registerEntryRoutes(deps: RegisterEntryDeps): RouteDef[] {
  // One counter for both resources: the register is asked about people, whichever card.
  const limit = rateLimiter(
    'register-entry',
    deps.limit,
    (seconds) =>
      `Too many population register look-ups on entry (at most ${deps.limit?.points} per ${deps.limit?.seconds} seconds per user). Try again in ${seconds} seconds.`,
  );
  return (['children', 'adopters'] as const).map((resource) =>
    defineRoute({
      method: 'post',
      path: `/api/${resource}/register-entry`,
      summary: `Fill a new one of ${resource} from the population register`,
      tags: [tags[resource]],
      access: `${resource}:write`,
      body: entryBody,
      response: {
        description:
          'The population register’s values for a new card (names, birth date; a child’s sex, an adopter’s declared address)',
        schema: entryAnswer,
      },
      // No transaction: the query's audit event stands alone, as the register check's.
      transaction: false,
      handler: async ({ db, actor, body, ctx, audit }) => {
        // Every request counts, a duplicate too (it tells whether the code is in our register).
        await limit(ctx, String(actor!.userId));
        const valid = validatePersonalCode(body.personalCode);
        if (!valid.ok) {
          throw Problem.field('body.personalCode', valid.reason, 'is not a valid personal code');
        }
        await refuseDuplicate(db, resource, valid.normalized, actor);
        const client = deps.client();
        if (!client?.configured('population')) throw unconfigured();
        const outcome = await ask<PersonRecord>(
          { db, audit },
          client,
          'population',
          valid.normalized,
          { resource, entry: true },
          ENTRY_PURPOSE,
        );
        return answerOf(resource, actor!.role, outcome);
      },
    }),
  ) as RouteDef[];
}
