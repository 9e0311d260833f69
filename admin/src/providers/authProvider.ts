import type { AuthProvider, UserIdentity } from 'react-admin';

import { canAccess } from './canAccess';
import { httpClient, problemDetail, refreshSession } from './http';
import {
  clearSession,
  getToken,
  isExpired,
  isLoginAnswer,
  readSession,
  saveSession,
  type LoginAnswer,
} from './session';

/** `GET /api/auth/me`. */
export interface Me {
  id: number | string;
  username: string;
  displayName: string;
  role: string;
  permissions: string[];
  /** Whether the user has a second factor (the user menu then offers new recovery codes). */
  mfaEnabled?: boolean;
}

// react-admin asks for permissions on every menu item and button: one /me request per token.
let meCache: { token: string; promise: Promise<Me> } | undefined;

const fetchMe = (): Promise<Me> => {
  const token = getToken();
  if (!token)
    return Promise.reject(Object.assign(new Error('ra.auth.auth_check_error'), { status: 401 }));
  if (meCache?.token !== token) {
    const promise = httpClient('/api/auth/me').then(({ json }) => json as Me);
    promise.catch(() => {
      if (meCache?.promise === promise) meCache = undefined;
    });
    meCache = { token, promise };
  }
  return meCache.promise;
};

const forget = () => {
  clearSession();
  meCache = undefined;
};

/** POST to /api/auth/… with the refresh-token cookie; the JSON answer, or the problem's text. */
async function postAuth(path: string, payload: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      // Sign-in answers set the HttpOnly refresh-token cookie (Path=/api/auth).
      credentials: 'include',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
      },
      body: JSON.stringify(payload),
    });
  } catch {
    throw new Error('ra.notification.http_error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(problemDetail(body) ?? 'ra.auth.sign_in_error');
  return body;
}

/**
 * The password was right, but a second factor is needed: `login` rejects with this (no session
 * yet), and the login page asks for a code (`verify`) or sets the factor up first (`enrol`).
 */
export class MfaStep extends Error {
  constructor(
    readonly kind: 'verify' | 'enrol',
    readonly mfaToken: string,
  ) {
    super('app.mfa.required');
    this.name = 'MfaStep';
  }
}

/** The sign-in credentials `login` takes: the password, then the second factor. */
export type LoginParams =
  | { username: string; password: string }
  | { mfaToken: string; code: string }
  | { mfaToken: string; recoveryCode: string }
  /** An answer already complete (after enrolment, once the recovery codes were shown). */
  | { session: LoginAnswer };

/** `POST /api/auth/mfa/enrol`: a new secret with its QR code (a PNG data URL). */
export async function startMfaEnrolment(
  mfaToken: string,
): Promise<{ secret: string; uri: string; qrCode: string }> {
  return (await postAuth('/api/auth/mfa/enrol', { mfaToken })) as {
    secret: string;
    uri: string;
    qrCode: string;
  };
}

/**
 * `POST /api/auth/mfa/enrol/confirm`: the session's answer and the recovery codes. The session is
 * not stored yet: the page shows the codes, then hands the answer to `login({session})`.
 */
export async function confirmMfaEnrolment(
  mfaToken: string,
  code: string,
): Promise<{ session: LoginAnswer; recoveryCodes: string[] }> {
  const body = (await postAuth('/api/auth/mfa/enrol/confirm', { mfaToken, code })) as {
    recoveryCodes?: unknown;
  } | null;
  if (!isLoginAnswer(body) || !Array.isArray(body.recoveryCodes))
    throw new Error('ra.auth.sign_in_error');
  const { recoveryCodes, ...session } = body as LoginAnswer & { recoveryCodes: string[] };
  return { session, recoveryCodes };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const authProvider: AuthProvider = {
  async login(params: LoginParams) {
    if ('session' in params) {
      forget();
      saveSession(params.session);
      return;
    }
    const body =
      'mfaToken' in params
        ? await postAuth('/api/auth/mfa/verify', params)
        : await postAuth('/api/auth/login', {
            username: params.username,
            password: params.password,
          });
    if (isObject(body) && typeof body.mfaToken === 'string') {
      if (body.mfaRequired === true) throw new MfaStep('verify', body.mfaToken);
      if (body.mfaEnrollmentRequired === true) throw new MfaStep('enrol', body.mfaToken);
    }
    if (!isLoginAnswer(body)) throw new Error('ra.auth.sign_in_error');
    forget();
    saveSession(body);
  },

  async logout() {
    // react-admin also calls this on the login page of a tab that never signed in: only a tab
    // with a session ends one (the refresh cookie is shared by the browser's tabs).
    const hadSession = !!readSession();
    const token = getToken();
    forget();
    if (!hadSession) return;
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).catch(() => undefined);
  },

  async checkAuth() {
    const session = readSession();
    // No session at all (first visit): go to the login page without an error notification.
    if (!session) throw { message: false };
    if (isExpired(session)) {
      // The access token ran out (e.g. the laptop slept): the refresh cookie may still be good.
      if (await refreshSession()) return;
      forget();
      throw { message: 'ra.notification.logged_out' };
    }
  },

  async checkError(error: { status?: number } | undefined) {
    // 401: httpClient already tried to refresh the session → log out. 403: not allowed → stay.
    if (error?.status === 401) {
      forget();
      throw error;
    }
  },

  async getIdentity(): Promise<UserIdentity> {
    const me = await fetchMe();
    return {
      id: me.id,
      fullName: me.displayName,
      username: me.username,
      role: me.role,
      mfaEnabled: me.mfaEnabled === true,
    };
  },

  async getPermissions(): Promise<string[]> {
    if (!getToken()) return [];
    const me = await fetchMe();
    return Array.isArray(me.permissions) ? me.permissions : [];
  },

  async canAccess({ resource, action }) {
    const permissions = await authProvider.getPermissions!({});
    return canAccess(permissions as string[], resource, action);
  },
};
