import { formErrors } from './fieldErrors';

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
