import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../http/problem';

/**
 * The password policy, for changing a password and for the set/reset-password links:
 * at least 12 characters (at most 1,024), not one of ~49,000 common passwords (ignoring case), and
 * not the user name nor containing it (ignoring case and diacritics). Pure: no I/O.
 */
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 1024;

export type PasswordPolicyCode = 'too_short' | 'too_long' | 'common_password' | 'contains_username';

export interface PolicyViolation {
  code: PasswordPolicyCode;
  message: string;
}

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Lower case without diacritics: `Bērziņa` → `berzina`. */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Counts characters (code points), so `ā` and an emoji count as one each. */
const length = (s: string): number => [...s.normalize('NFC')].length;

export function checkPassword(password: string, ctx: { username: string }): PolicyViolation[] {
  const errors: PolicyViolation[] = [];
  const n = length(password);
  if (n < MIN_LENGTH) {
    errors.push({ code: 'too_short', message: `must be at least ${MIN_LENGTH} characters` });
  }
  if (n > MAX_LENGTH) {
    errors.push({ code: 'too_long', message: `must be at most ${MAX_LENGTH} characters` });
  }
  if (commonPasswords().has(password.toLowerCase()) || commonPasswords().has(fold(password))) {
    errors.push({
      code: 'common_password',
      message: 'is one of the most common passwords; choose another',
    });
  }
  const user = fold(ctx.username.trim());
  if (user && fold(password).includes(user)) {
    errors.push({ code: 'contains_username', message: 'must not contain the user name' });
  }
  return errors;
}

/** The violations as field errors for a 400 problem (`Problem.validation`). */
export function passwordFieldErrors(
  password: string,
  ctx: { username: string },
  path = 'body.newPassword',
): FieldError[] {
  return checkPassword(password, ctx).map((e) => ({ path, ...e }));
}
