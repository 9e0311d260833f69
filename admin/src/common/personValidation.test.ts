import {
  differentCode,
  emptyWhen,
  notBefore,
  notInFuture,
  requiredWhen,
  requiredWithAny,
  validPersonalCode,
} from './personValidation';

describe('person form checks', () => {
  it('checks the personal code against the birth date in the form', () => {
    const check = validPersonalCode('birthDate');
    expect(check('010210-21236', { birthDate: '2010-02-01' })).toBeUndefined();
    expect(check('', { birthDate: '2010-02-01' })).toBeUndefined();
    expect(check(null, {})).toBeUndefined();
    expect(check('010210-21236', { birthDate: '2011-02-01' })).toBe(
      'app.validation.server.personal_code_birth_date_mismatch',
    );
    expect(check('12345', {})).toBe('app.validation.server.personal_code_format');
  });

  it('refuses dates after today in Latvia', () => {
    const check = notInFuture(() => '2025-06-01');
    expect(check('2025-06-01', {})).toBeUndefined();
    expect(check('2025-06-02', {})).toBe('app.validation.server.date_in_future');
    expect(check(null, {})).toBeUndefined();
  });

  it('keeps dates in order against the nearest earlier date given', () => {
    const check = notBefore([
      ['birthDate', 'before_birth'],
      ['careDecisionDate', 'before_decision'],
    ]);
    const values = { birthDate: '2010-01-01', careDecisionDate: '2012-01-01' };
    expect(check('2012-01-01', values)).toBeUndefined();
    expect(check('2011-12-31', values)).toBe('before_decision');
    // Without a decision date the birth date is the one to follow.
    expect(check('2011-12-31', { birthDate: '2010-01-01' })).toBeUndefined();
    expect(check('2009-12-31', { birthDate: '2010-01-01', careDecisionDate: '' })).toBe(
      'before_birth',
    );
    expect(check('', values)).toBeUndefined();
  });

  it('asks for a care provider exactly when the child is in institution care', () => {
    const inInstitution = (v: Record<string, unknown>) => v.careForm === 'care_institution';
    const required = requiredWhen(inInstitution);
    const empty = emptyWhen((v) => !inInstitution(v));
    expect(required(null, { careForm: 'care_institution' })).toBe('ra.validation.required');
    expect(required(7, { careForm: 'care_institution' })).toBeUndefined();
    expect(required(null, { careForm: 'foster_family' })).toBeUndefined();
    expect(empty(7, { careForm: 'foster_family' })).toBe('app.validation.server.not_allowed');
    expect(empty(null, { careForm: 'foster_family' })).toBeUndefined();
  });

  it('wants the spouse complete or not at all', () => {
    const check = requiredWithAny(['spouseGivenNames', 'spouseSurname', 'spouseBirthDate']);
    expect(check('', {})).toBeUndefined();
    expect(check('', { spouseSurname: 'Ozola' })).toBe('ra.validation.required');
    expect(check('Anna', { spouseSurname: 'Ozola' })).toBeUndefined();
  });

  it('does not take the applicant for the spouse', () => {
    const check = differentCode('personalCode');
    expect(check('010210-21236', { personalCode: '01021021236' })).toBe(
      'app.validation.server.same_person',
    );
    expect(check('29070023451', { personalCode: '01021021236' })).toBeUndefined();
    expect(check('29070023451', { personalCode: null })).toBeUndefined();
  });
});
