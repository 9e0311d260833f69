/**
 * http/: how the API speaks HTTP — route declarations (this file: defineRoute, mountRoutes),
 * problem+json errors, input parsing, the ra-data-simple-rest list contract and CRUD routes, the
 * OpenAPI document, serving the console. No domain rules: how records are written is records/, who
 * may call a route policies/.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z, type ZodType } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database';
import type { Actor } from '../auth/actor';
import { can, type Permission } from '../policies/permissions';
import { Problem } from './problem';
import { fieldErrors } from './errors';
import { inputErrors } from './input';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent, type AuditEntry } from '../audit/request';
import type { TermKeyer } from '../audit/mask';
import { CommitHooks, type AfterCommit } from '../db/transaction';

/**
 * A route is declared once — method, path, who may call it, request schemas, handler — and that
 * one declaration drives validation, authorisation, transactions and the OpenAPI document.
 */
export type Access = 'public' | 'signed-in' | Permission;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The database, or the request's transaction for mutating routes. */
  db: Db;
  actor: Actor | undefined;
  ctx: Context;
  /**
   * Runs `fn` after the transaction commits, never on rollback (side effects such as removing a
   * file or waking the outbox relay); a failing `fn` is logged, the answer stands (db/transaction.ts).
   */
  onCommit(fn: AfterCommit): void;
  /**
   * Appends an event to the audit trail with the request's actor, session, request id and client
   * address, in this route's transaction; call it after the change it records. A route without a
   * transaction (an audited read) has its event group-committed with other requests' events and
   * answers only once the event is durable (audit/chain.ts).
   */
  audit(entry: AuditEntry): Promise<void>;
}

export interface RouteDef<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Koa path, e.g. `/api/territories/:id`. */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented success response. */
  response?: {
    status?: number;
    description: string;
    schema?: ZodType;
    headers?: Record<string, string>;
  };
  /** Mutating routes run in one transaction unless told otherwise. */
  transaction?: boolean;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown> | unknown;
}

export function defineRoute<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

export interface RouteDeps {
  db: Kysely<Database>;
  authenticate(ctx: Context): Promise<Actor>;
  /** Keys the search terms of audit events (audit/mask.ts); without it they are masked. */
  keyTerm?: TermKeyer;
}

function parsePart<T extends ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  // Before the schema, so no NUL or absurd nesting reaches a handler, the database or the trail.
  const refused = inputErrors(value, where);
  if (refused.length) throw Problem.validation(refused);
  const result = schema.safeParse(value);
  if (!result.success) throw Problem.validation(fieldErrors(result.error, where));
  return result.data;
}

/** Mounts routes on the router as: authenticate → authorise → validate → transaction → handler. */
export function mountRoutes(router: Router, routes: RouteDef[], deps: RouteDeps): void {
  for (const route of routes) {
    router[route.method](route.path, async (ctx) => {
      ctx.state.route = route.path;
      let actor: Actor | undefined;
      if (route.access !== 'public') {
        actor = await deps.authenticate(ctx);
        ctx.state.actor = actor;
        if (route.access !== 'signed-in' && !can(actor.role, route.access)) {
          ctx.log.warn(
            {
              event: 'access_denied',
              userId: actor.userId,
              role: actor.role,
              permission: route.access,
            },
            'access denied',
          );
          throw Problem.forbidden();
        }
      }
      const hasBody = Boolean(ctx.request.length || ctx.get('transfer-encoding'));
      if (route.body && hasBody && !ctx.is('application/json', '+json')) {
        throw new Problem(415, 'Unsupported Media Type', 'Send the body as application/json.');
      }
      const params = parsePart(route.params, ctx.params, 'params');
      const query = parsePart(route.query, ctx.query, 'query');
      const body = parsePart(route.body, ctx.request.body ?? {}, 'body');

      // A route without a transaction runs its onCommit callbacks once the handler is done.
      const hooks = new CommitHooks();
      const run = async (db: Db) =>
        route.handler({
          params,
          query,
          body,
          db,
          actor,
          ctx,
          onCommit: hooks.onCommit,
          audit: async (entry) =>
            void (await recordAudit(db, requestAuditEvent(ctx, entry), deps.keyTerm)),
        });
      const useTransaction = route.transaction ?? route.method !== 'get';
      const result = useTransaction ? await deps.db.transaction().execute(run) : await run(deps.db);
      await hooks.run(ctx.log);

      // A handler may set ctx.status itself (readiness answers 503); otherwise the declared one.
      if (result !== undefined) ctx.body = result;
      else if (ctx.body == null) ctx.status = 204;
      if (route.response?.status && ctx.status === 200) ctx.status = route.response.status;
    });
  }
}
