import {
  formatPersonalCode,
  normalizePersonalCode,
  personalCodeProblem,
  personalCodeText,
  validatePersonalCode,
} from './personal-code';

// The API's own tests of the code (backend/src/latvian/personal-code.test.ts) add generated codes.
describe('personal codes', () => {
  it('prints stored codes as DDMMYY-NNNNN and leaves anything else alone', () => {
    expect(personalCodeText('01021021236')).toBe('010210-21236');
    expect(personalCodeText('010210-21236')).toBe('010210-21236');
    expect(personalCodeText(' 010210 21236 ')).toBe('010210-21236');
    expect(personalCodeText('0102')).toBe('0102');
    expect(personalCodeText(null)).toBe('');
    expect(personalCodeText(undefined)).toBe('');
    expect(formatPersonalCode('01021021236')).toBe('010210-21236');
    expect(() => formatPersonalCode('010210-21236')).toThrow(RangeError);
  });

  it('normalizes to 11 digits, with the hyphen only after the 6th', () => {
    expect(normalizePersonalCode('010210-21236')).toBe('01021021236');
    expect(normalizePersonalCode('0102-1021236')).toBeNull();
    expect(normalizePersonalCode('0102102123')).toBeNull();
    expect(normalizePersonalCode('01021021236x')).toBeNull();
  });

  it('accepts valid old- and new-format codes', () => {
    expect(personalCodeProblem('010210-21236')).toBeUndefined();
    expect(personalCodeProblem('01021021236', '2010-02-01')).toBeUndefined();
    expect(personalCodeProblem('29070023451', '2000-07-29')).toBeUndefined();
    // New format: no date in it, so any birth date fits.
    expect(personalCodeProblem('321234-56785', '2019-05-05')).toBeUndefined();
    expect(validatePersonalCode('010210-21236')).toEqual({
      ok: true,
      normalized: '01021021236',
      format: 'old',
      birthDate: '2010-02-01',
    });
  });

  it('names what is wrong: format, check digit, date, century, birth date', () => {
    expect(personalCodeProblem('0102102123')).toBe('format');
    expect(personalCodeProblem('010210-21237')).toBe('checksum');
    expect(personalCodeProblem('32123456786')).toBe('checksum');
    expect(personalCodeProblem('30021021236')).toBe('date'); // 30 February
    expect(personalCodeProblem('01011820001')).toBe('date'); // old format after mid-2017
    expect(personalCodeProblem('01021031236')).toBe('century');
    expect(personalCodeProblem('01021021236', '2010-02-02')).toBe('birth_date_mismatch');
  });

  it('compares the birth date only once it is a whole date (the form checks as one types)', () => {
    expect(personalCodeProblem('01021021236', '2010-02')).toBeUndefined();
    expect(personalCodeProblem('01021021236', '')).toBeUndefined();
    expect(personalCodeProblem('01021021236', null)).toBeUndefined();
  });
});
