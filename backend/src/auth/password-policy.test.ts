import { checkPassword, passwordFieldErrors } from './password-policy';

const codes = (password: string, username = 'anna.berzina') =>
  checkPassword(password, { username }).map((e) => e.code);

describe('password policy', () => {
  it('accepts a long, uncommon password without the user name', () => {
    expect(codes('Zaļā-kaza-lēca-pār-grāvi')).toEqual([]);
    expect(codes('x'.repeat(1024))).toEqual([]);
  });

  it('wants at least 12 characters, counted as characters (not bytes)', () => {
    expect(codes('Īss-teksts1')).toEqual(['too_short']);
    expect(codes('āāāāāāāāāāāā')).toEqual([]);
    expect(codes('')).toContain('too_short');
  });

  it('refuses more than 1,024 characters', () => {
    expect(codes('x'.repeat(1025))).toEqual(['too_long']);
  });

  it('refuses common passwords, ignoring case', () => {
    expect(codes('qwerty123456')).toEqual(['common_password']);
    expect(codes('QWERTY123456')).toEqual(['common_password']);
    expect(codes('1q2w3e4r5t6y')).toEqual(['common_password']);
  });

  it('refuses the user name and passwords containing it, ignoring case and diacritics', () => {
    expect(codes('berzina', 'berzina')).toEqual(['too_short', 'contains_username']);
    expect(codes('Mana-BĒRZIŅA-parole', 'berzina')).toEqual(['contains_username']);
    expect(codes('ANNA.BERZINA.2026', 'anna.berzina')).toEqual(['contains_username']);
    expect(codes('anna.berzina.2026', 'Anna.Bērziņa')).toEqual(['contains_username']);
    expect(codes('Anna-un-Berzina-2026', 'anna.berzina')).toEqual([]);
  });

  it('gives field errors with codes and messages', () => {
    expect(passwordFieldErrors('īss', { username: 'x.y.z' })).toEqual([
      { path: 'body.newPassword', code: 'too_short', message: 'must be at least 12 characters' },
    ]);
    expect(passwordFieldErrors('qwerty123456', { username: 'abc' }, 'body.password')).toEqual([
      {
        path: 'body.password',
        code: 'common_password',
        message: 'is one of the most common passwords; choose another',
      },
    ]);
  });
});
