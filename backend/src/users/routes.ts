/**
 * users/: the register's user accounts — an administrator gives each a role and, for care
 * institutions and orphan courts, the institution it acts for; one-time links to set a password,
 * unlock, sign out everywhere, reset the second factor. Signing in is auth/, what a role may do
 * policies/.
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import { hashPassword } from '../auth/password';
import { passwordFieldErrors } from '../auth/password-policy';
import { clearLockout } from '../auth/lockout';
import { revokeUserSessions } from '../auth/sessions';
import { resetMfa } from '../mfa/service';
import type { MailContext } from '../messaging/outbox';
import { findUserById, findUserByUsername } from './repository';
import { consumeLink, peekLink } from './one-time-links';
import {
  createUser,
  presentUser,
  sendPasswordLink,
  updateUser,
  type PasswordLinks,
} from './service';
import { createdChanges, updatedChanges } from '../audit/diff';
import {
  linkCheckBody,
  passwordResetBody,
  setPasswordBody,
  userColumns,
  userCreate,
  userList,
  userRecord,
  userUpdate,
} from './schema';

const tags = ['Users'];

async function existingUser(db: Parameters<typeof findUserById>[0], id: number) {
  const user = await findUserById(db, id);
  if (!user) throw Problem.noRecord('users', id);
  return user;
}

type UserRow = Awaited<ReturnType<typeof existingUser>>;

/**
 * An administrator's action on one account (`POST /api/users/:id/<name>`): finds the user (404),
 * does it, writes one audit event (with what `run` reports as detail), answers the user.
 */
function accountAction(a: {
  name: string;
  action: string;
  summary: string;
  status?: number;
  /** Gets the request's transaction and its after-commit hook (a mail wakes the outbox). */
  run: (w: MailContext, user: UserRow) => Promise<Record<string, unknown> | void>;
}): RouteDef {
  return defineRoute({
    method: 'post',
    path: `/api/users/:id/${a.name}`,
    summary: a.summary,
    tags,
    access: 'users:write',
    params: idParams,
    response: { status: a.status, description: 'The user', schema: userRecord },
    handler: async ({ db, params, audit, onCommit }) => {
      const user = await existingUser(db, params.id);
      const detail = await a.run({ db, onCommit }, user);
      await audit({
        action: a.action,
        resource: 'users',
        recordId: user.id,
        detail: detail ?? null,
      });
      return presentUser(await existingUser(db, params.id));
    },
  });
}

/** Account administration (administrators) and the public set-password / reset flow. */
export function userRoutes(opts: { maxPage: number; links: PasswordLinks }): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      summary: 'List users',
      tags,
      access: 'users:read',
      query: listQueryDoc,
      response: {
        description: 'One page of users',
        schema: z.array(userRecord),
        headers: { 'Content-Range': '`users first-last/total`' },
      },
      // Accounts are personal data of staff: who listed or opened them is in the audit trail.
      transaction: true,
      handler: async ({ db, ctx, audit }) => {
        const q = parseListQuery(ctx.query, userList, opts.maxPage);
        const { page, count } = listQueries(db, 'users', userColumns, userList, q);
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, 'users', q.range, rows.length, Number(total.total));
        await audit({
          action: 'list',
          resource: 'users',
          recordIds: rows.map((r) => r.id as number),
        });
        return rows.map((r) => presentUser(r as typeof r & { mfaEnabledAt: Date | null }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/users/:id',
      summary: 'Show a user',
      tags,
      access: 'users:read',
      params: idParams,
      response: { description: 'The user', schema: userRecord },
      transaction: true,
      handler: async ({ db, params, audit }) => {
        const user = presentUser(await existingUser(db, params.id));
        await audit({ action: 'read', resource: 'users', recordId: params.id });
        return user;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      summary:
        'Create a user without a password; the user gets an e-mail with a one-time link to set it',
      tags,
      access: 'users:write',
      body: userCreate,
      response: { status: 201, description: 'The created user', schema: userRecord },
      handler: async ({ db, body, audit, onCommit }) => {
        if (await findUserByUsername(db, body.username)) {
          throw Problem.conflict('A user with this username already exists.', {
            field: 'username',
          });
        }
        const user = await createUser({ db, onCommit }, body, opts.links);
        await audit({
          action: 'create',
          resource: 'users',
          recordId: user.id as number,
          changes: createdChanges(user),
        });
        return user;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/:id',
      summary: 'Update a user; a change of role, scope or activity ends the user’s sessions',
      tags,
      access: 'users:write',
      params: idParams,
      body: userUpdate,
      response: { description: 'The updated user', schema: userRecord },
      handler: async ({ db, params, body, audit }) => {
        const before = presentUser(await existingUser(db, params.id));
        const after = await updateUser(db, params.id, body);
        await audit({
          action: 'update',
          resource: 'users',
          recordId: params.id,
          changes: updatedChanges(before, after),
        });
        return after;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/:id',
      summary: 'Users are never deleted (the audit trail refers to them): deactivate instead',
      tags,
      access: 'users:write',
      params: idParams,
      handler: async ({ db, params }) => {
        await existingUser(db, params.id);
        throw Problem.conflict(
          'Users are not deleted, because the audit trail refers to them. Set the user inactive instead.',
        );
      },
    }),
    accountAction({
      name: 'reset-password',
      action: 'send_reset_link',
      summary: 'Send the user a one-time link to set a new password',
      status: 202,
      run: async (w, user) => void (await sendPasswordLink(w, user, 'reset_password', opts.links)),
    }),
    accountAction({
      name: 'unlock',
      action: 'unlock',
      summary: 'Unlock an account locked after failed sign-ins',
      run: ({ db }, user) => clearLockout(db, user.id),
    }),
    accountAction({
      name: 'revoke-sessions',
      action: 'revoke_sessions',
      summary: 'End every session of the user (all devices)',
      run: async ({ db }, user) => ({
        revoked: await revokeUserSessions(db, user.id, 'revoked_by_administrator'),
      }),
    }),
    accountAction({
      name: 'reset-mfa',
      action: 'reset_mfa',
      summary:
        'Remove the second factor and recovery codes (app and codes lost): the user enrols again at the next sign-in; ends every session',
      run: async ({ db }, user) => {
        await resetMfa(db, user.id);
        return { revoked: await revokeUserSessions(db, user.id, 'revoked_by_administrator') };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      summary:
        'Ask for a password-reset link; the answer is the same whether the account exists or not',
      tags: ['Auth'],
      access: 'public',
      body: passwordResetBody,
      response: {
        status: 202,
        description: 'If the account exists and has an e-mail address, a link is on its way',
      },
      handler: async ({ db, body, ctx, audit, onCommit }) => {
        const user = await findUserByUsername(db, body.username);
        if (user?.active && user.email) {
          await sendPasswordLink({ db, onCommit }, user, 'reset_password', opts.links);
          await audit({ action: 'request_reset_link', resource: 'users', recordId: user.id });
        } else
          ctx.log.info(
            { event: 'password_reset_ignored' },
            'password reset for an unknown or inactive account',
          );
        return {
          status:
            'If the account exists, a link to set a new password has been sent to its e-mail address.',
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/set-password/check',
      summary:
        'Whether a one-time link is still valid, and for which user name (the link page asks before showing the form)',
      tags: ['Auth'],
      access: 'public',
      transaction: false,
      body: linkCheckBody,
      response: {
        description: 'The link is valid',
        schema: z.object({
          username: z.string(),
          purpose: z.enum(['set_password', 'reset_password']),
        }),
      },
      handler: async ({ db, body }) => {
        const link = await peekLink(db, body.token);
        const user = link && (await findUserById(db, link.userId));
        if (!link || !user)
          throw Problem.field(
            'body.token',
            'invalid_link',
            'the link is invalid, expired or already used',
          );
        return { username: user.username, purpose: link.purpose };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/set-password',
      summary: 'Set a password with a one-time link (new account or reset); ends other sessions',
      tags: ['Auth'],
      access: 'public',
      body: setPasswordBody,
      response: { status: 204, description: 'Password set; sign in with it' },
      handler: async ({ db, body, ctx, audit }) => {
        const invalid = () =>
          Problem.field(
            'body.token',
            'invalid_link',
            'the link is invalid, expired or already used',
          );
        const link = await peekLink(db, body.token);
        if (!link) throw invalid();
        const user = await existingUser(db, link.userId);
        const policy = passwordFieldErrors(
          body.password,
          { username: user.username },
          'body.password',
        );
        if (policy.length) throw Problem.validation(policy);
        // Consumed only now, so a password the policy refused can be retried with the same link.
        if (!(await consumeLink(db, body.token))) throw invalid();
        await db
          .updateTable('users')
          .set({ passwordHash: await hashPassword(body.password), passwordChangedAt: new Date() })
          .where('id', '=', user.id)
          .execute();
        await clearLockout(db, user.id);
        await revokeUserSessions(db, user.id, 'password_reset');
        // Nobody is signed in: the actor is the holder of the link.
        await audit({
          action: 'set_password',
          resource: 'users',
          recordId: user.id,
          actorUserId: user.id,
          actorUsername: user.username,
          actorRole: user.role,
          changes: { password: { old: '***', new: '***' } },
          detail: { purpose: link.purpose },
        });
        ctx.log.info(
          { event: 'password_set', userId: user.id, purpose: link.purpose },
          'password set with a one-time link',
        );
        return undefined;
      },
    }),
  ];
}
