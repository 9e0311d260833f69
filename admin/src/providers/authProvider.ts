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
} from './session';

/** `GET /api/auth/me`. */
export interface Me {
  id: number | string;
  username: string;
  displayName: string;
  role: string;
  permissions: string[];
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

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    let response: Response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
        // The answer sets the HttpOnly refresh-token cookie (Path=/api/auth).
        credentials: 'include',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, application/problem+json',
        },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw new Error('ra.notification.http_error');
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new Error(problemDetail(body) ?? 'ra.auth.sign_in_error');
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
