import jwt from 'jsonwebtoken';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { roles, type Role } from '../policies/roles';
import { Problem } from '../http/problem';

const ISSUER = 'adoption-register';
const AUDIENCE = 'adoption-register-api';
/** The MFA step's token: its own audience, so it can never pass as an access token (or back). */
const MFA_AUDIENCE = 'adoption-register-mfa';
/** How long the second step may take after the password was proven. */
export const MFA_TOKEN_TTL_SECONDS = 300;

interface Claims {
  sub: string;
  /** Session id: `authenticate` checks the session on every request. */
  sid: string;
  usr: string;
  role: Role;
  iat: number;
}

/** What a verified token says; `authenticate` completes it from the session and user rows. */
export interface TokenClaims {
  userId: number;
  sessionId: string;
  username: string;
  role: Role;
}

export interface TokenService {
  issue(subject: TokenClaims): { token: string; expiresAt: string };
  /** Throws a 401 Problem for anything but a valid, unexpired token signed by a known key. */
  verify(token: string): TokenClaims;
  /** The token between password and second factor (subject = user id; no session exists yet). */
  issueMfa(userId: number): string;
  /** The user id of a valid, unexpired MFA token; throws a 401 Problem otherwise. */
  verifyMfa(token: string): number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Clocks of API processes may differ by this much (seconds). */
export const CLOCK_SKEW_SECONDS = 30;

/**
 * A token this service could have issued has `iat` and `exp`, a lifetime of at most `ttl` and was
 * not issued in the future. jsonwebtoken checks `exp` only when present, so a token signed
 * without one (or for a year) with a leaked or misused key would otherwise never expire.
 */
export function lifetimeIsValid(claims: object, ttl: number, now: number): boolean {
  const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
  return (
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    Number.isInteger(iat) &&
    Number.isInteger(exp) &&
    iat <= now + CLOCK_SKEW_SECONDS &&
    exp > iat &&
    exp - iat <= ttl + CLOCK_SKEW_SECONDS
  );
}

/**
 * Short-lived access tokens (HS256). Keys carry an id (`kid`): the key `currentKeyId` signs, every
 * configured key verifies, so a new key can sign while the old one still verifies until its tokens
 * expire (see docs/security.md, key rotation).
 */
export function createTokenService(opts: {
  keys: Record<string, string>;
  currentKeyId: string;
  ttlSeconds: number;
  now?: () => Date;
}): TokenService {
  const now = opts.now ?? (() => new Date());
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
  const keyOf = (token: string) => {
    const decoded = jwt.decode(token, { complete: true });
    return decoded?.header.kid ? keys.get(decoded.header.kid) : undefined;
  };
  const clockTimestamp = () => Math.floor(now().getTime() / 1000);
  return {
    issueMfa(userId) {
      return jwt.sign({ sub: String(userId), iat: clockTimestamp() }, signingKey, {
        algorithm: 'HS256',
        keyid: opts.currentKeyId,
        expiresIn: MFA_TOKEN_TTL_SECONDS,
        issuer: ISSUER,
        audience: MFA_AUDIENCE,
      });
    },
    verifyMfa(token) {
      const key = keyOf(token);
      const invalid = () => Problem.unauthorized('The sign-in has expired. Sign in again.');
      if (!key) throw invalid();
      try {
        const at = clockTimestamp();
        const c = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: MFA_AUDIENCE,
          clockTimestamp: at,
        }) as { sub: string };
        if (!/^\d+$/.test(String(c.sub)) || !lifetimeIsValid(c, MFA_TOKEN_TTL_SECONDS, at)) {
          throw new Error('bad claims');
        }
        return Number(c.sub);
      } catch {
        throw invalid();
      }
    },
    issue(subject) {
      const iat = Math.floor(now().getTime() / 1000);
      const claims: Claims = {
        sub: String(subject.userId),
        sid: subject.sessionId,
        usr: subject.username,
        role: subject.role,
        iat,
      };
      const token = jwt.sign(claims, signingKey, {
        algorithm: 'HS256',
        keyid: opts.currentKeyId,
        expiresIn: opts.ttlSeconds,
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return { token, expiresAt: new Date((iat + opts.ttlSeconds) * 1000).toISOString() };
    },
    verify(token) {
      const key = keyOf(token);
      if (!key) throw Problem.unauthorized('The access token is not valid.');
      try {
        const at = clockTimestamp();
        const c = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          clockTimestamp: at,
        }) as Claims;
        if (
          !roles.includes(c.role) ||
          !/^\d+$/.test(c.sub) ||
          !UUID.test(String(c.sid)) ||
          !lifetimeIsValid(c, opts.ttlSeconds, at)
        ) {
          throw new Error('bad claims');
        }
        return { userId: Number(c.sub), sessionId: c.sid, username: c.usr, role: c.role };
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

/**
 * The verification keys: JWT_KEYS, plus JWT_SECRET (or, in development without either, an
 * ephemeral secret) as the key JWT_KEY_ID.
 */
export function resolveJwtKeys(
  configured: Record<string, string> | undefined,
  currentKeyId: string,
  secret: string | undefined,
): Record<string, string> {
  const keys = { ...configured };
  if (!(currentKeyId in keys)) {
    if (!secret) throw new Error(`No JWT key with id ${currentKeyId}`);
    keys[currentKeyId] = secret;
  }
  return keys;
}

/** Development without JWT_SECRET: a random key per process (tokens end with the process). */
export function ephemeralSecret(): string {
  return randomBytes(32).toString('base64url');
}
