import { allOrNone, datesInOrder, personalCodeErrors } from './rules';
import { personalCode, isoDate } from './fields';
import { createRng } from '../latvian/random';
import { generatePersonalCode } from '../latvian/personal-code';

describe('personal code against the birth date', () => {
  const rng = createRng('rules-test');
  const code = generatePersonalCode(rng, '2012-03-15'); // old format: 150312-2…

  it('accepts a valid code that encodes the birth date, and no code at all', () => {
    expect(code.slice(0, 7)).toBe('1503122');
    expect(personalCodeErrors('personalCode', code, '2012-03-15')).toEqual([]);
    expect(personalCodeErrors('personalCode', null, '2012-03-15')).toEqual([]);
    expect(personalCodeErrors('personalCode', generatePersonalCode(rng), '2019-01-01')).toEqual([]);
  });

  it('refuses a code of another birth date', () => {
    expect(personalCodeErrors('personalCode', code, '2012-03-16')).toEqual([
      {
        path: 'body.personalCode',
        code: 'personal_code_birth_date_mismatch',
        message: 'does not match the birth date',
      },
    ]);
  });

  it('names the field and the reason for a wrong check digit', () => {
    const wrong = code.slice(0, 10) + String((Number(code[10]) + 1) % 10);
    expect(personalCodeErrors('spousePersonalCode', wrong, null)).toEqual([
      {
        path: 'body.spousePersonalCode',
        code: 'personal_code_checksum',
        message: expect.stringContaining('check digit'),
      },
    ]);
  });
});

describe('dates in order', () => {
  const today = '2026-11-23';
  it('accepts ordered dates and equal dates', () => {
    expect(
      datesInOrder(
        [
          ['birthDate', '2015-01-01'],
          ['careDecisionDate', '2015-01-01'],
          ['recordSheetReceivedOn', '2016-02-01'],
        ],
        today,
      ),
    ).toEqual([]);
  });

  it('puts the error on the later field that goes backwards', () => {
    expect(
      datesInOrder(
        [
          ['birthDate', '2015-01-01'],
          ['careDecisionDate', '2014-12-31'],
          ['recordSheetReceivedOn', '2016-02-01'],
        ],
        today,
      ),
    ).toEqual([
      {
        path: 'body.careDecisionDate',
        code: 'date_order',
        message: 'must not be before birthDate (2015-01-01)',
        params: { field: 'birthDate', date: '2015-01-01' },
      },
    ]);
  });

  it('refuses a date after today and skips missing ones', () => {
    expect(
      datesInOrder(
        [
          ['birthDate', null],
          ['recordSheetReceivedOn', '2026-11-24'],
        ],
        today,
      ).map((e) => [e.path, e.code]),
    ).toEqual([['body.recordSheetReceivedOn', 'date_in_future']]);
  });
});

describe('all or none', () => {
  const spouse = ['spouseGivenNames', 'spouseSurname', 'spouseBirthDate'];
  it('accepts none or all', () => {
    expect(allOrNone({}, spouse)).toEqual([]);
    expect(
      allOrNone(
        { spouseGivenNames: 'Ēriks', spouseSurname: 'Ozols', spouseBirthDate: '1980-01-01' },
        spouse,
      ),
    ).toEqual([]);
  });
  it('names each missing field', () => {
    expect(allOrNone({ spouseGivenNames: 'Ēriks' }, spouse).map((e) => e.path)).toEqual([
      'body.spouseSurname',
      'body.spouseBirthDate',
    ]);
  });
});

describe('field types', () => {
  it('stores a personal code without the hyphen and refuses other shapes', () => {
    expect(personalCode.parse(' 150312-21238 ')).toBe('15031221238'); // shape only; rules check digits
    expect(personalCode.safeParse('1503122123').success).toBe(false);
    expect(personalCode.safeParse('15031a21238').success).toBe(false);
  });
  it('accepts only real calendar dates', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('29.02.2024').success).toBe(false);
  });
});
