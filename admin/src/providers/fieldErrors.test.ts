import { formErrors, splitFieldMessage } from './fieldErrors';

describe('form errors from a 400 problem', () => {
  it('puts each body field error under its field, in the user language when known', () => {
    expect(
      formErrors({
        status: 400,
        detail: 'body.careProviderId: is required …',
        errors: [
          { path: 'body.careProviderId', code: 'required', message: 'is required when …' },
          { path: 'body.personalCode', code: 'custom', message: 'must be 11 digits' },
          { path: 'body.careDecisionDate', code: 'date_order', message: 'must not be before …' },
        ],
      }),
    ).toEqual({
      careProviderId: 'app.validation.server.required',
      personalCode: 'must be 11 digits',
      careDecisionDate: 'app.validation.server.date_order',
    });
  });

  it('keeps the first error of a field', () => {
    expect(
      formErrors({
        errors: [
          { path: 'body.birthDate', code: 'date_in_future', message: 'a' },
          { path: 'body.birthDate', code: 'date_order', message: 'b' },
        ],
      }),
    ).toEqual({ birthDate: 'app.validation.server.date_in_future' });
  });

  it('leaves errors no input can show to the notification', () => {
    expect(
      formErrors({
        errors: [
          { path: 'query.filter.kind', code: 'invalid_value', message: 'x' },
          { path: 'body.foo,bar', code: 'unknown_field', message: 'is not a known field' },
          { nonsense: true },
        ],
      }),
    ).toBeUndefined();
    expect(formErrors({ detail: 'Conflict', current: {} })).toBeUndefined();
    expect(formErrors(null)).toBeUndefined();
    expect(formErrors('text')).toBeUndefined();
  });

  it('puts a value that must be unique under its field', () => {
    expect(
      formErrors({
        status: 409,
        detail: 'A record with this personalCode already exists.',
        field: 'personalCode',
      }),
    ).toEqual({ personalCode: 'app.validation.server.unique' });
    expect(formErrors({ status: 409, field: 'value; drop' })).toBeUndefined();
    expect(formErrors({ status: 409, field: 'value' })).toBeUndefined();
  });

  it('asks for the confirmation box when the API warns of a likely duplicate', () => {
    expect(
      formErrors({ status: 409, code: 'likely_duplicate', field: 'confirmLikelyDuplicate' }),
    ).toEqual({ confirmLikelyDuplicate: 'app.validation.server.likely_duplicate' });
  });
});

describe('field errors of the card rules', () => {
  const special = (message: string, args: Record<string, unknown>) =>
    `@@react-admin@@${JSON.stringify({ message, args })}`;

  it('keeps a sub-list row in the path, so the error lands under that row’s input', () => {
    expect(
      formErrors({
        errors: [
          {
            path: 'body.relatives.1.birthDate',
            code: 'date_order',
            message: "must be before the child's birth date (2014-05-14)",
          },
          {
            path: 'body.relatives.2.kind',
            code: 'duplicate_parent',
            message: 'lists a second mother',
          },
          {
            path: 'body.healthConditions.0.icd10',
            code: 'invalid_format',
            message: 'must be an ICD-10 code such as F84.0',
          },
          { path: 'body.refusals.0.childId', code: 'not_found', message: 'names no child (9)' },
        ],
      }),
    ).toEqual({
      'relatives.1.birthDate': special('app.validation.server.relative_birth_order', {
        date: '14.05.2014',
      }),
      'relatives.2.kind': 'app.validation.server.duplicate_parent',
      'healthConditions.0.icd10': 'app.validation.server.icd10',
      'refusals.0.childId': 'app.validation.server.not_found',
    });
  });

  it('takes the facts of a precise message from the API’s own', () => {
    expect(
      formErrors({
        errors: [
          {
            path: 'body.consentDate',
            code: 'consent_under_12',
            message:
              "is before the child's 12th birthday (2026-05-14): consent is asked from age 12",
          },
          {
            path: 'body.wishedAgeFrom',
            code: 'age_gap',
            message:
              'leaves no age open under the age rule: the adopter may take a child aged at most 7 now',
          },
          {
            path: 'body.wishedAgeTo',
            code: 'range_order',
            message: 'must not be less than wishedAgeFrom (5)',
          },
          {
            path: 'body.spouseBirthDate',
            code: 'adopter_too_young',
            message: 'an adopter must have turned 25 by the recognising decision (2025-06-01)',
          },
          {
            path: 'body.disabilityUntil',
            code: 'date_order',
            message: 'must not be before disabilityFrom (2020-01-02)',
          },
          { path: 'body.doesNotWishAdoption', code: 'contradicts_consent', message: 'x' },
        ],
      }),
    ).toEqual({
      consentDate: special('app.validation.server.consent_under_12', { date: '14.05.2026' }),
      wishedAgeFrom: special('app.validation.server.age_gap', { age: 7 }),
      wishedAgeTo: special('app.validation.server.range_order', { from: 5 }),
      spouseBirthDate: special('app.validation.server.adopter_too_young', { date: '01.06.2025' }),
      disabilityUntil: special('app.validation.server.date_order_date', { date: '02.01.2020' }),
      doesNotWishAdoption: 'app.validation.server.contradicts_consent',
    });
  });

  it('takes the facts from the API’s params before its English message', () => {
    expect(
      formErrors({
        errors: [
          {
            path: 'body.consentDate',
            code: 'consent_under_12',
            message: 'is before the child’s 12th birthday',
            params: { date: '2027-03-15' },
          },
          {
            path: 'body.wishedAgeFrom',
            code: 'age_gap',
            message: 'leaves no age open',
            params: { age: 9 },
          },
        ],
      }),
    ).toEqual({
      consentDate: special('app.validation.server.consent_under_12', { date: '15.03.2027' }),
      wishedAgeFrom: special('app.validation.server.age_gap', { age: 9 }),
    });
  });

  it('falls back to the general message when the API’s has no facts to take', () => {
    expect(
      formErrors({ errors: [{ path: 'body.consentDate', code: 'consent_under_12', message: '' }] }),
    ).toEqual({ consentDate: 'app.validation.server.consent_under_12_general' });
  });

  it('splits a message with arguments back for inputs outside a form', () => {
    expect(splitFieldMessage(special('app.x', { date: '01.01.2020' }))).toEqual({
      message: 'app.x',
      args: { date: '01.01.2020' },
    });
    expect(splitFieldMessage('app.validation.server.required')).toEqual({
      message: 'app.validation.server.required',
      args: {},
    });
    expect(splitFieldMessage('@@react-admin@@{broken')).toEqual({
      message: '@@react-admin@@{broken',
      args: {},
    });
  });
});
