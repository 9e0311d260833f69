import fc from 'fast-check';
import {
  formatPersonalCode,
  generatePersonalCode,
  LAST_OLD_FORMAT_DATE,
  normalizePersonalCode,
  validatePersonalCode,
} from './personal-code';
import { createRng, dayToIsoDate, isoDateToDay } from './random';

// All codes below are synthetic: computed for this test, not taken from any person.
describe('normalizePersonalCode', () => {
  it('accepts 11 digits with an optional hyphen after the sixth and stray spaces', () => {
    expect(normalizePersonalCode('150385-12346')).toBe('15038512346');
    expect(normalizePersonalCode('15038512346')).toBe('15038512346');
    expect(normalizePersonalCode(' 150385 - 12346 ')).toBe('15038512346');
  });

  it('rejects anything else', () => {
    for (const bad of [
      '',
      '1503851234',
      '150385123467',
      '1503-8512346',
      '150385--12346',
      '15038A12346',
      '150385_12346',
    ]) {
      expect(normalizePersonalCode(bad)).toBeNull();
    }
  });
});

describe('validatePersonalCode', () => {
  it('accepts valid old-format codes and reports their birth date', () => {
    expect(validatePersonalCode('150385-12346')).toEqual({
      ok: true,
      normalized: '15038512346',
      format: 'old',
      birthDate: '1985-03-15',
    });
    expect(validatePersonalCode('311299-04249')).toMatchObject({
      ok: true,
      birthDate: '1899-12-31',
    });
    expect(validatePersonalCode('010101-20001')).toMatchObject({
      ok: true,
      birthDate: '2001-01-01',
    });
    expect(validatePersonalCode('200910-12347')).toMatchObject({
      ok: true,
      birthDate: '1910-09-20',
    });
    // The last day old-format codes were issued.
    expect(validatePersonalCode('300617-22347')).toMatchObject({
      ok: true,
      birthDate: LAST_OLD_FORMAT_DATE,
    });
  });

  it('accepts a formula result of 10 written as check digit 0', () => {
    expect(validatePersonalCode('290200-27770')).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(validatePersonalCode('010100-00000')).toMatchObject({
      ok: true,
      birthDate: '1800-01-01',
    });
  });

  it('accepts valid new-format codes (3 then 2–9), which carry no date', () => {
    expect(validatePersonalCode('320123-45679')).toEqual({
      ok: true,
      normalized: '32012345679',
      format: 'new',
    });
    expect(validatePersonalCode('32999999995')).toMatchObject({ ok: true, format: 'new' });
    expect(validatePersonalCode('381234-56782')).toMatchObject({ ok: true, format: 'new' });
    // A birth date cannot be checked against a code that does not contain one.
    expect(validatePersonalCode('32012345679', { birthDate: '2019-05-05' })).toMatchObject({
      ok: true,
      format: 'new',
    });
  });

  it('reports each kind of error', () => {
    expect(validatePersonalCode('15038-512346')).toEqual({ ok: false, reason: 'format' });
    expect(validatePersonalCode('abc')).toEqual({ ok: false, reason: 'format' });
    expect(validatePersonalCode('150385-12345')).toEqual({ ok: false, reason: 'checksum' });
    expect(validatePersonalCode('32012345678')).toEqual({ ok: false, reason: 'checksum' });
    expect(validatePersonalCode('120720-55552')).toEqual({ ok: false, reason: 'century' });
    // 29 Feb 1900 did not exist (century digit 1).
    expect(validatePersonalCode('290200-17774')).toEqual({ ok: false, reason: 'date' });
    expect(validatePersonalCode('311385-12346')).toEqual({ ok: false, reason: 'date' });
    expect(validatePersonalCode('000000-00000')).toEqual({ ok: false, reason: 'date' });
    // Born after the switch to new-format codes: an old-format code cannot exist.
    expect(validatePersonalCode('010717-21230')).toEqual({ ok: false, reason: 'date' });
    expect(validatePersonalCode('150385-12346', { birthDate: '1985-03-16' })).toEqual({
      ok: false,
      reason: 'birth_date_mismatch',
    });
    expect(validatePersonalCode('150385-12346', { birthDate: '1985-03-15' })).toMatchObject({
      ok: true,
    });
  });

  it('can skip the check digit of new-format codes', () => {
    expect(validatePersonalCode('32012345678', { newFormatChecksum: false })).toMatchObject({
      ok: true,
      format: 'new',
    });
    // ...but never of old-format ones.
    expect(validatePersonalCode('150385-12345', { newFormatChecksum: false })).toEqual({
      ok: false,
      reason: 'checksum',
    });
  });

  it('detects every single-digit typo in the check digit', () => {
    for (const code of ['15038512346', '32012345679']) {
      for (let d = 0; d <= 9; d++) {
        const typo = code.slice(0, 10) + String(d);
        if (typo !== code)
          expect(validatePersonalCode(typo)).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });
});

describe('formatPersonalCode', () => {
  it('inserts the hyphen and refuses non-normalized input', () => {
    expect(formatPersonalCode('15038512346')).toBe('150385-12346');
    expect(() => formatPersonalCode('150385-12346')).toThrow(RangeError);
  });
});

describe('generatePersonalCode', () => {
  const oldFormatDates = fc
    .integer({ min: isoDateToDay('1800-01-01'), max: isoDateToDay(LAST_OLD_FORMAT_DATE) })
    .map(dayToIsoDate);

  it('generates valid old-format codes that carry the birth date they were made for', () => {
    fc.assert(
      fc.property(fc.integer(), oldFormatDates, (seed, birthDate) => {
        const code = generatePersonalCode(createRng(seed), birthDate);
        const result = validatePersonalCode(code, { birthDate });
        expect(result).toEqual({ ok: true, normalized: code, format: 'old', birthDate });
        expect(validatePersonalCode(formatPersonalCode(code))).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('generates valid new-format codes without a date or for births after the switch', () => {
    const laterDates = fc
      .integer({ min: isoDateToDay('2017-07-01'), max: isoDateToDay('2099-12-31') })
      .map(dayToIsoDate);
    fc.assert(
      fc.property(fc.integer(), fc.option(laterDates, { nil: undefined }), (seed, birthDate) => {
        const code = generatePersonalCode(createRng(seed), birthDate);
        expect(code).toMatch(/^3[2-9]\d{9}$/);
        expect(validatePersonalCode(code)).toEqual({ ok: true, normalized: code, format: 'new' });
      }),
      { numRuns: 2000 },
    );
  });

  it('never relies on the ambiguous "10 written as 0" check digit', () => {
    // Recompute the raw formula independently of the module under test.
    const weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const rng = createRng('ambiguity');
    for (let i = 0; i < 2000; i++) {
      const code = generatePersonalCode(
        rng,
        i % 2 === 0 ? undefined : rng.date('1930-01-01', '2017-06-30'),
      );
      const sum = weights.reduce((acc, w, j) => acc + w * Number(code[j]), 0);
      expect((1101 - sum) % 11).toBe(Number(code[10]));
    }
  });

  it('is reproducible from the seed and rejects impossible dates', () => {
    expect(generatePersonalCode(createRng(5), '2001-04-09')).toBe(
      generatePersonalCode(createRng(5), '2001-04-09'),
    );
    expect(() => generatePersonalCode(createRng(5), '2001-02-29')).toThrow(RangeError);
    expect(() => generatePersonalCode(createRng(5), '1799-12-31')).toThrow(RangeError);
  });
});
