import type { Context } from 'koa';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { permissionsByRole } from '../policies/permissions';
import { findUserById, findUserByUsername, recordLogin } from '../users/repository';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { TokenService } from './tokens';
import { loginBody, loginResponse, meResponse } from './schema';
import type { Actor } from './actor';

const WRONG = 'Wrong user name or password.';

export function authRoutes(tokens: TokenService): RouteDef[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with user name and password; returns a short-lived access token',
      tags: ['Auth'],
      access: 'public',
      body: loginBody,
      response: {
        description: 'Access token for the Authorization: Bearer header',
        schema: loginResponse,
      },
      handler: async ({ db, body, ctx }) => {
        const user = await findUserByUsername(db, body.username);
        // The same work and the same answer whether the user exists or not.
        const hash = user?.passwordHash ?? (await dummyHash());
        const ok =
          (await verifyPassword(body.password, hash)) && !!user?.passwordHash && user.active;
        if (!user || !ok) {
          ctx.log.warn({ event: 'login_failed', userId: user?.id ?? null }, 'sign-in failed');
          throw Problem.unauthorized(WRONG);
        }
        await recordLogin(
          db,
          user.id,
          needsRehash(hash) ? await hashPassword(body.password) : undefined,
        );
        ctx.log.info({ event: 'login', userId: user.id }, 'signed in');
        const actor: Actor = {
          userId: user.id,
          username: user.username,
          role: user.role,
          careProviderId: user.careProviderId,
          orphanCourtId: user.orphanCourtId,
        };
        return {
          ...tokens.issue(actor),
          user: {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      summary: 'The signed-in user and what the role may do',
      tags: ['Auth'],
      access: 'signed-in',
      response: { description: 'The user and permissions', schema: meResponse },
      handler: async ({ db, actor }) => {
        const user = await findUserById(db, actor!.userId);
        if (!user || !user.active) throw Problem.unauthorized('The account is no longer active.');
        return {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          careProviderId: user.careProviderId,
          orphanCourtId: user.orphanCourtId,
          permissions: permissionsByRole[user.role],
        };
      },
    }),
  ];
}

/** Reads `Authorization: Bearer <token>` and verifies it. */
export function bearerAuthenticator(tokens: TokenService) {
  return async (ctx: Context): Promise<Actor> => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw Problem.unauthorized();
    }
    try {
      return tokens.verify(match[1]!);
    } catch (err) {
      ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw err;
    }
  };
}
