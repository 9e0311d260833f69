import jwt from 'jsonwebtoken';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Actor } from './actor';
import { roles, type Role } from '../policies/roles';
import { Problem } from '../http/problem';

const ISSUER = 'adoption-register';
const AUDIENCE = 'adoption-register-api';

interface Claims {
  sub: string;
  usr: string;
  role: Role;
  cp: number | null;
  oc: number | null;
}

export interface TokenService {
  issue(actor: Actor): { token: string; expiresAt: string };
  /** Throws a 401 Problem for anything but a valid, unexpired token signed by a known key. */
  verify(token: string): Actor;
}

/**
 * Short-lived access tokens (HS256). Keys carry an id (`kid`) so a new key can sign while the old
 * one still verifies until its tokens expire.
 */
export function createTokenService(opts: {
  keys: Record<string, string>;
  currentKeyId: string;
  ttlSeconds: number;
}): TokenService {
  // KeyObjects made once: given a string, jsonwebtoken re-parses the key on every call, first
  // trying it as a public key and catching the failure (a tenth of a list request's CPU).
  const keys = new Map<string, KeyObject>(
    Object.entries(opts.keys).map(([kid, secret]) => [
      kid,
      createSecretKey(Buffer.from(secret, 'utf8')),
    ]),
  );
  const signingKey = keys.get(opts.currentKeyId);
  if (!signingKey) throw new Error(`No JWT key with id ${opts.currentKeyId}`);
  return {
    issue(actor) {
      const claims: Claims = {
        sub: String(actor.userId),
        usr: actor.username,
        role: actor.role,
        cp: actor.careProviderId,
        oc: actor.orphanCourtId,
      };
      const token = jwt.sign(claims, signingKey, {
        algorithm: 'HS256',
        keyid: opts.currentKeyId,
        expiresIn: opts.ttlSeconds,
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return { token, expiresAt: new Date(Date.now() + opts.ttlSeconds * 1000).toISOString() };
    },
    verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      const key = decoded?.header.kid ? keys.get(decoded.header.kid) : undefined;
      if (!key) throw Problem.unauthorized('The access token is not valid.');
      try {
        const c = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
        }) as Claims;
        if (!roles.includes(c.role) || !/^\d+$/.test(c.sub)) throw new Error('bad claims');
        return {
          userId: Number(c.sub),
          username: c.usr,
          role: c.role,
          careProviderId: c.cp,
          orphanCourtId: c.oc,
        };
      } catch (err) {
        const expired = (err as Error).name === 'TokenExpiredError';
        throw Problem.unauthorized(
          expired
            ? 'The access token has expired. Sign in again.'
            : 'The access token is not valid.',
        );
      }
    },
  };
}

/** Development without JWT_SECRET: a random key per process (tokens end with the process). */
export function ephemeralSecret(): string {
  return randomBytes(32).toString('base64url');
}
