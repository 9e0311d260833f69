import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config/config';

/**
 * Secrets at rest (TOTP secrets; one-time links in queued mail): AES-256-GCM under a key
 * derived per purpose (HKDF-SHA256, info = the purpose, e.g. "totp-secret") from
 * DATA_ENCRYPTION_KEY. Stored form `v1:<iv>:<tag>:<ciphertext>` (base64url), so a database dump or
 * backup alone does not give anyone the second factor. The prefix names the format, leaving room
 * for another one (e.g. a key rotation) later.
 *
 * A value without the prefix is a secret stored in plain form before encryption existed: `open`
 * passes it through, and the next write of that column (a code sign-in or a new enrolment,
 * mfa/service.ts) stores it encrypted.
 */

/**
 * Key material in development when DATA_ENCRYPTION_KEY is not set. Fixed (not random per process), so
 * enrolments survive a restart; public, so it protects nothing: the configuration refuses to
 * start `test` or `prod` without DATA_ENCRYPTION_KEY, and the server warns when it uses this one.
 */
export const DEV_DATA_ENCRYPTION_KEY = 'INSECURE-development-only-MFA-secret-key-do-not-use';

const PREFIX = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  /** Encrypts with a fresh random IV: the same secret never looks the same twice. */
  seal(plain: string): string;
  /** Decrypts a sealed value; a legacy plain value comes back unchanged. Throws when tampered. */
  open(stored: string): string;
}

/** Whether a stored value predates encryption (plain base32) and should be re-written sealed. */
export const isLegacyPlain = (stored: string): boolean => !stored.startsWith(`${PREFIX}:`);

export class SecretBoxError extends Error {}

/**
 * A 32-byte key of its own for one purpose (HKDF-SHA256, info = the purpose), so no two uses of
 * DATA_ENCRYPTION_KEY share a key: knowing one derived key tells nothing about another.
 */
export function deriveKey(keyMaterial: string, purpose: string): Buffer {
  // Empty salt: the input is a configured secret of ≥ 32 characters, not a password.
  return Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.alloc(0), purpose, 32));
}

export function secretBox(keyMaterial: string, purpose = 'totp-secret'): SecretBox {
  const key = deriveKey(keyMaterial, purpose);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
      return [PREFIX, ...parts].join(':');
    },
    open(stored) {
      if (isLegacyPlain(stored)) return stored;
      const [, iv, tag, ciphertext, ...rest] = stored.split(':');
      if (!iv || !tag || !ciphertext || rest.length) {
        throw new SecretBoxError('The stored secret is malformed.');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        // Never the value itself in the message: it reaches the error log.
        throw new SecretBoxError(
          'A stored secret could not be decrypted: DATA_ENCRYPTION_KEY differs from the key it was stored with, or the value was altered.',
        );
      }
    },
  };
}

/** The key material the configuration gives (validated: required outside development). */
export function encryptionKeyMaterial(
  config: Pick<Config, 'APP_ENV' | 'DATA_ENCRYPTION_KEY'>,
): string {
  if (config.DATA_ENCRYPTION_KEY) return config.DATA_ENCRYPTION_KEY;
  if (config.APP_ENV !== 'dev')
    throw new Error(`DATA_ENCRYPTION_KEY is required in ${config.APP_ENV}`);
  return DEV_DATA_ENCRYPTION_KEY;
}
