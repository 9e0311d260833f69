import { fetchUtils, HttpError } from 'react-admin';

import { getToken } from './session';

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

/** fetchJson rejects with HttpError(json.message || statusText); put the problem's detail there. */
const withProblemDetail = (error: unknown): unknown => {
  if (error instanceof HttpError) {
    const detail = problemDetail(error.body);
    if (detail) return new HttpError(detail, error.status, error.body);
  }
  return error;
};

/** `fetchUtils.fetchJson` with `Authorization: Bearer <token>` when signed in. */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    throw withProblemDetail(error);
  }
};
