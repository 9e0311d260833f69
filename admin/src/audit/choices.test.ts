import en from '../i18n/en';
import lv from '../i18n/lv';
import { auditActionChoices, auditResourceChoices } from './choices';

type Tree = { [key: string]: string | Tree };

const lookup = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('audit filter choices', () => {
  it.each([
    ['lv', lv],
    ['en', en],
  ])('every action and resource has a %s label', (_name, messages) => {
    const missing = [...auditActionChoices, ...auditResourceChoices]
      .map((c) => c.name)
      .filter((key) => typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('offers the sign-in events the API records', () => {
    expect(auditActionChoices.map((c) => c.id)).toEqual(
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
