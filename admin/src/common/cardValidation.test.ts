import { birthday, yearsOld } from '@adoption/model';
import {
  adultGroup,
  ageRangeOrder,
  consentFromTwelve,
  elderBornBefore,
  icd10,
  notBeforeField,
  notWithConsent,
  oldEnoughAtDecision,
  oneOfEachParent,
  parseIcd10,
  siblingPath,
  valueAt,
} from './cardValidation';

describe('card form checks', () => {
  it('counts ages as the API does, 29 February turning on 1 March', () => {
    expect(birthday('2014-05-14', 12)).toBe('2026-05-14');
    expect(birthday('2012-02-29', 12)).toBe('2024-02-29');
    expect(birthday('2012-02-29', 13)).toBe('2025-03-01');
    expect(yearsOld('2014-05-14', '2026-05-13')).toBe(11);
    expect(yearsOld('2014-05-14', '2026-05-14')).toBe(12);
  });

  it('records consent from the 12th birthday and names that day', () => {
    const values = { birthDate: '2014-05-14' };
    expect(consentFromTwelve('2026-05-13', values)).toEqual({
      message: 'app.validation.server.consent_under_12',
      args: { date: '14.05.2026' },
    });
    expect(consentFromTwelve('2026-05-14', values)).toBeUndefined();
    expect(consentFromTwelve(null, values)).toBeUndefined();
    expect(consentFromTwelve('2020-01-01', {})).toBeUndefined();
  });

  it('does not let "does not wish" stand beside a consent given', () => {
    expect(notWithConsent(true, { consent: 'given' })).toBe(
      'app.validation.server.contradicts_consent',
    );
    expect(notWithConsent(true, { consent: 'refused' })).toBeUndefined();
    expect(notWithConsent(false, { consent: 'given' })).toBeUndefined();
  });

  it('keeps groups I–III for adults', () => {
    const values = { birthDate: '2010-01-01', disabilityFrom: '2020-01-01' };
    expect(adultGroup('II', values)).toBe('app.validation.server.disability_group_adult');
    expect(adultGroup('child', values)).toBeUndefined();
    expect(adultGroup('II', { ...values, disabilityFrom: '2028-01-01' })).toBeUndefined();
  });

  it('checks ICD-10 codes and stores them in capitals, blank as none', () => {
    expect(icd10('F84.0', {})).toBeUndefined();
    expect(icd10('j45', {})).toBeUndefined();
    expect(icd10('', {})).toBeUndefined();
    expect(icd10('F8', {})).toBe('app.validation.server.icd10');
    expect(parseIcd10('f84.0')).toBe('F84.0');
    expect(parseIcd10('  ')).toBeNull();
  });

  it('reads sub-list rows by their dotted path', () => {
    const values = { relatives: [{ kind: 'mother' }, { kind: 'father' }] };
    expect(valueAt(values, 'relatives.1.kind')).toBe('father');
    expect(valueAt(values, 'relatives.5.kind')).toBeUndefined();
    expect(siblingPath('relatives.1.birthDate', 'kind')).toBe('relatives.1.kind');
  });

  it('allows one mother and one father, marking the second', () => {
    const values = { relatives: [{ kind: 'mother' }, { kind: 'sister' }, { kind: 'mother' }] };
    expect(oneOfEachParent('mother', values, { source: 'relatives.0.kind' })).toBeUndefined();
    expect(oneOfEachParent('mother', values, { source: 'relatives.2.kind' })).toBe(
      'app.validation.server.duplicate_parent',
    );
    expect(oneOfEachParent('sister', values, { source: 'relatives.1.kind' })).toBeUndefined();
  });

  it('wants parents and grandparents born before the child, not siblings', () => {
    const values = {
      birthDate: '2014-05-14',
      relatives: [{ kind: 'mother' }, { kind: 'sister' }],
    };
    expect(elderBornBefore('2015-01-01', values, { source: 'relatives.0.birthDate' })).toEqual({
      message: 'app.validation.server.relative_birth_order',
      args: { date: '14.05.2014' },
    });
    expect(
      elderBornBefore('2015-01-01', values, { source: 'relatives.1.birthDate' }),
    ).toBeUndefined();
    expect(
      elderBornBefore('1990-01-01', values, { source: 'relatives.0.birthDate' }),
    ).toBeUndefined();
  });

  it('orders dates against another field and names it', () => {
    const check = notBeforeField('disabilityFrom');
    expect(check('2020-01-01', { disabilityFrom: '2021-02-03' })).toEqual({
      message: 'app.validation.server.date_order_date',
      args: { date: '03.02.2021' },
    });
    expect(check('2022-01-01', { disabilityFrom: '2021-02-03' })).toBeUndefined();
  });

  it('wants adopters 25 by the decision, and an age range in order', () => {
    const values = { decisionDate: '2025-06-01' };
    expect(oldEnoughAtDecision('2001-01-01', values)).toEqual({
      message: 'app.validation.server.adopter_too_young',
      args: { date: '01.06.2025' },
    });
    expect(oldEnoughAtDecision('2000-06-01', values)).toBeUndefined();
    expect(ageRangeOrder(3, { wishedAgeFrom: 5 })).toEqual({
      message: 'app.validation.server.range_order',
      args: { from: 5 },
    });
    expect(ageRangeOrder(5, { wishedAgeFrom: 5 })).toBeUndefined();
  });
});
