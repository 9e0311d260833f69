import type { AuthProvider, UserIdentity } from 'react-admin';

import { canAccess } from './canAccess';
import { httpClient, problemDetail } from './http';
import {
  clearSession,
  getToken,
  isExpired,
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

const isLoginAnswer = (body: unknown): body is LoginAnswer => {
  const answer = body as Partial<LoginAnswer> | null;
  return !!answer && typeof answer.token === 'string' && !!answer.token && !!answer.user;
};

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    let response: Response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
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
    forget();
  },

  async checkAuth() {
    const session = readSession();
    // No session at all (first visit): go to the login page without an error notification.
    if (!session) throw { message: false };
    if (isExpired(session)) {
      forget();
      throw { message: 'ra.notification.logged_out' };
    }
  },

  async checkError(error: { status?: number } | undefined) {
    // 401: the token is gone or expired → log out. 403: signed in but not allowed → stay.
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
