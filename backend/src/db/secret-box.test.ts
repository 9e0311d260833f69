import { parseConfig } from '../config/config';
import { newTotpSecret } from '../mfa/totp';
import {
  DEV_DATA_ENCRYPTION_KEY,
  isLegacyPlain,
  encryptionKeyMaterial,
  secretBox,
  SecretBoxError,
} from './secret-box';

const box = secretBox('k'.repeat(32));
const secret = newTotpSecret();

/** Flips one bit of the base64url part `index` (1 = iv, 2 = tag, 3 = ciphertext). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(':');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0]! ^= 1;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
}

describe('the TOTP secret box', () => {
  it('round-trips, as v1:<iv>:<tag>:<ciphertext> without the secret in it', () => {
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(box.open(sealed)).toBe(secret);
    expect(isLegacyPlain(sealed)).toBe(false);
  });

  it('never seals the same secret the same way twice (a fresh IV each time)', () => {
    const a = box.seal(secret);
    const b = box.seal(secret);
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe(box.open(b));
  });

  it.each([
    [1, 'IV'],
    [2, 'tag'],
    [3, 'ciphertext'],
  ])('refuses a value whose %s was altered', (index) => {
    expect(() => box.open(tamper(box.seal(secret), index))).toThrow(SecretBoxError);
  });

  it('refuses a malformed value without echoing it', () => {
    for (const bad of ['v1:', 'v1:a:b', 'v1:a:b:c:d']) {
      expect(() => box.open(bad)).toThrow(SecretBoxError);
    }
    const sealed = box.seal(secret);
    expect(() => box.open(sealed.slice(0, -4))).toThrow(/^(?!.*v1:)/);
  });

  it('refuses a value sealed under another key, without the value in the message', () => {
    const other = secretBox('o'.repeat(32));
    const sealed = other.seal(secret);
    expect(() => box.open(sealed)).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => box.open(sealed)).not.toThrow(new RegExp(sealed.split(':')[3]!));
  });

  it('passes a legacy plain (base32) secret through', () => {
    expect(isLegacyPlain(secret)).toBe(true);
    expect(box.open(secret)).toBe(secret);
  });

  it('derives the same key from the same material (another process can read it)', () => {
    expect(secretBox('k'.repeat(32)).open(box.seal(secret))).toBe(secret);
  });
});

describe('the key material', () => {
  it('is DATA_ENCRYPTION_KEY; in development without it, the named development constant', () => {
    const key = 'm'.repeat(32);
    expect(encryptionKeyMaterial(parseConfig({ DATA_ENCRYPTION_KEY: key }))).toBe(key);
    expect(encryptionKeyMaterial(parseConfig({}))).toBe(DEV_DATA_ENCRYPTION_KEY);
  });

  it('is required outside development', () => {
    expect(() =>
      encryptionKeyMaterial({ APP_ENV: 'prod', DATA_ENCRYPTION_KEY: undefined }),
    ).toThrow(/DATA_ENCRYPTION_KEY is required/);
  });
});
