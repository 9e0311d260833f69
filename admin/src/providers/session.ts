/**
 * The signed-in session, kept in sessionStorage (one browser tab, gone when the tab closes): the
 * short-lived access token. The refresh token is an HttpOnly cookie the page never sees; it is
 * sent only to /api/auth (see http.ts, refreshSession).
 */
export interface SessionUser {
  id: number | string;
  username: string;
  displayName: string;
  role: string;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'adoption-register.session';

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

export const saveSession = (answer: LoginAnswer): void => {
  storage()?.setItem(KEY, JSON.stringify(answer));
};

export const clearSession = (): void => {
  storage()?.removeItem(KEY);
};

export const readSession = (): LoginAnswer | undefined => {
  const raw = storage()?.getItem(KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<LoginAnswer>;
    if (typeof parsed.token !== 'string' || !parsed.token) return undefined;
    return parsed as LoginAnswer;
  } catch {
    return undefined;
  }
};

/** True when the stored expiry is in the past (a missing or unreadable expiry is left to the API). */
export const isExpired = (session: LoginAnswer, now: number = Date.now()): boolean => {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt <= now;
};

/** True when the access token expires within `ms` (time to refresh it). */
export const expiresWithin = (
  session: LoginAnswer,
  ms: number,
  now: number = Date.now(),
): boolean => isExpired(session, now + ms);

/**
 * A completed sign-in or refresh: `{token, expiresAt, user}`. (When a second factor is needed,
 * sign-in answers `mfaRequired` or `mfaEnrollmentRequired` and no token: not a completed sign-in.)
 */
export const isLoginAnswer = (body: unknown): body is LoginAnswer => {
  const answer = body as Partial<LoginAnswer> | null;
  return !!answer && typeof answer.token === 'string' && !!answer.token && !!answer.user;
};

/** The bearer token of a live session, or undefined. */
export const getToken = (): string | undefined => {
  const session = readSession();
  if (!session || isExpired(session)) return undefined;
  return session.token;
};
