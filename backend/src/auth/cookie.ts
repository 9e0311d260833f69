import type { Context } from 'koa';

/** The refresh token's cookie: only the browser's calls to /api/auth ever carry it. */
export const REFRESH_COOKIE = 'ar_refresh';
const COOKIE_ATTRIBUTES = 'Path=/api/auth; HttpOnly; Secure; SameSite=Strict';

/** How the routes that set the cookie document it. */
export const cookieHeaders = { 'Set-Cookie': `${REFRESH_COOKIE}=…; ${COOKIE_ATTRIBUTES}` };

// Written by hand: koa's cookies refuse `Secure` over plain HTTP, but browsers accept it from
// http://localhost (development, tests) and production is HTTPS. A session cookie (no Max-Age):
// it goes when the browser closes; the session's absolute expiry is enforced by the server.
export function setRefreshCookie(ctx: Context, token: string): void {
  ctx.append('Set-Cookie', `${REFRESH_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}`);
}
export function clearRefreshCookie(ctx: Context): void {
  ctx.append(
    'Set-Cookie',
    `${REFRESH_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; ${COOKIE_ATTRIBUTES}`,
  );
}
