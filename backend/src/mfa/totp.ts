import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238) as standard authenticator apps use them:
 * SHA-1, 6 digits, 30-second steps. One step of clock drift either way is accepted.
 */
const ISSUER = 'Adopcijas reģistrs';
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;

const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

/** A new random secret (160 bits, base32) for enrolment. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The code for a moment (tests, and showing nothing else: the server never needs to display it). */
export function totpCode(secret: string, at: number = Date.now()): string {
  return totp(secret).generate({ timestamp: at });
}

/**
 * Checks a code; answers the time step it belongs to (so a code cannot be used twice), or
 * undefined when it is wrong.
 */
export function verifyTotp(
  secret: string,
  code: string,
  at: number = Date.now(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: at, window: WINDOW });
  return delta === null ? undefined : Math.floor(at / 1000 / PERIOD) + delta;
}
