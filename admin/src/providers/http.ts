import { fetchUtils, HttpError } from 'react-admin';

import { formErrors } from './fieldErrors';
import { expiresWithin, getToken, isLoginAnswer, readSession, saveSession } from './session';

/**
 * The API answers errors as RFC 9457 problem+json: `{"type","title","status","detail"}`.
 * Returns the text to show a person: `detail`, else `title`.
 */
export const problemDetail = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined;
  const { detail, title } = body as { detail?: unknown; title?: unknown };
  if (typeof detail === 'string' && detail.trim()) return detail;
  if (typeof title === 'string' && title.trim()) return title;
  return undefined;
};

/**
 * fetchJson rejects with HttpError(json.message || statusText); put the problem's detail there, and
 * its field errors in the shape react-admin's forms read (`body.errors: {field: message}`).
 */
const withProblemDetail = (error: unknown): unknown => {
  if (error instanceof HttpError) {
    const detail = problemDetail(error.body);
    const errors = formErrors(error.body);
    const body: unknown = errors ? { ...(error.body as object), errors } : error.body;
    if (detail || errors) return new HttpError(detail ?? error.message, error.status, body);
  }
  return error;
};

const JSON_ACCEPT = 'application/json, application/problem+json';

/** Refresh this long before the access token expires, so requests rarely meet a 401. */
const REFRESH_AHEAD_MS = 30_000;

let refreshing: Promise<boolean> | undefined;

/**
 * `POST /api/auth/refresh` with the HttpOnly refresh cookie: stores the new access token and
 * answers true, or false when the session has ended. Concurrent callers share one request — a
 * second use of the same refresh token would count as reuse and end the session.
 */
export const refreshSession = (): Promise<boolean> => {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: JSON_ACCEPT },
      });
      if (!response.ok) return false;
      const body: unknown = await response.json().catch(() => null);
      if (!isLoginAnswer(body)) return false;
      saveSession(body);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
};

/** Sign-in, refresh and sign-out manage the session themselves: never refresh around them. */
const isSessionCall = (url: string) => /\/api\/auth\/(login|refresh|logout)\b/.test(url);

const send = (url: string, options: fetchUtils.Options) => {
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) headers.set('Accept', JSON_ACCEPT);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};

/**
 * `fetchUtils.fetchJson` with `Authorization: Bearer <token>` when signed in. Shortly before the
 * access token expires, or on a 401, it refreshes the session once and retries; when that fails
 * the 401 goes on to react-admin, which signs out.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const session = readSession();
  const canRefresh = !!session && !isSessionCall(url);
  if (canRefresh && expiresWithin(session, REFRESH_AHEAD_MS)) await refreshSession();
  try {
    return await send(url, options);
  } catch (error) {
    if (
      canRefresh &&
      error instanceof HttpError &&
      error.status === 401 &&
      (await refreshSession())
    ) {
      try {
        return await send(url, options);
      } catch (retryError) {
        throw withProblemDetail(retryError);
      }
    }
    throw withProblemDetail(error);
  }
};
