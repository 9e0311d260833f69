import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery codes let a user sign in once each when the authenticator is lost. Ten codes of ten
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L); shown once, stored as SHA-256
 * (they carry ~50 bits of randomness each, so a fast hash is enough).
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and hyphens do not matter when a person types a code. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}
