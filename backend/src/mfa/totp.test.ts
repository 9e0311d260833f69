import { Secret } from 'otpauth';
import fc from 'fast-check';
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';

// RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890"; the 8-digit
// codes there end in the 6-digit codes an authenticator shows.
const rfcSecret = Secret.fromUTF8('12345678901234567890').base32;
const vectors: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(rfcSecret, seconds * 1000)).toBe(code);
    expect(verifyTotp(rfcSecret, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of drift either way, not two', () => {
    const at = 1_800_000_000_000;
    const secret = newTotpSecret();
    expect(verifyTotp(secret, totpCode(secret, at - 30_000), at)).toBeDefined();
    expect(verifyTotp(secret, totpCode(secret, at + 30_000), at)).toBeDefined();
    expect(verifyTotp(secret, totpCode(secret, at - 90_000), at)).toBeUndefined();
    expect(verifyTotp(secret, totpCode(secret, at + 90_000), at)).toBeUndefined();
  });

  it('refuses anything but six digits', () => {
    const secret = newTotpSecret();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 345'])
      expect(verifyTotp(secret, bad)).toBeUndefined();
  });

  it('a wrong code is refused (property)', () => {
    const secret = newTotpSecret();
    const at = 1_900_000_000_000;
    const valid = new Set([-30_000, 0, 30_000].map((d) => totpCode(secret, at + d)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const code = String(n).padStart(6, '0');
        return (verifyTotp(secret, code, at) !== undefined) === valid.has(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes a 160-bit secret and the URI authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'ilze.berzina');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Adopcijas%20re%C4%A3istrs:ilze\.berzina\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});

describe('recovery codes', () => {
  it('are ten distinct readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  });

  it('hash the same however they are typed', () => {
    const [code] = newRecoveryCodes();
    expect(normalizeRecoveryCode(` ${code!.toLowerCase().replace('-', ' ')} `)).toBe(
      code!.replace('-', ''),
    );
    expect(hashRecoveryCode(code!.toLowerCase())).toBe(hashRecoveryCode(code!));
    expect(hashRecoveryCode(code!)).toMatch(/^[0-9a-f]{64}$/);
  });
});
