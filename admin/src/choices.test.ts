import { auditActions } from '@adoption/model';
import en from './i18n/en';
import lv from './i18n/lv';
import * as choices from './choices';

type Tree = { [key: string]: string | Tree };

const lookup = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

const all = Object.entries(choices) as [string, { id: string; name: string }[]][];

describe('select choices (the model’s enumerations)', () => {
  it('has choice lists, none empty', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const [name, list] of all)
      expect({ name, empty: list.length === 0 }).toEqual({ name, empty: false });
  });

  it.each([
    ['lv', lv],
    ['en', en],
  ])('every value has a %s label', (_name, messages) => {
    const missing = all
      .flatMap(([, list]) => list.map((c) => c.name))
      .filter((key) => key.startsWith('app.') && typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('offers the sign-in events the API records in the audit trail', () => {
    expect(choices.auditActionChoices.map((c) => c.id)).toEqual([...auditActions]);
    expect(auditActions).toEqual(
      expect.arrayContaining([
        'login',
        'login_failed',
        'account_locked',
        'mfa_failed',
        'mfa_enrolled',
        'recovery_code_used',
        'mfa_recovery_codes_renewed',
        'logout',
        'logout_all',
        'session_reuse_detected',
        'password_changed',
      ]),
    );
  });
});
