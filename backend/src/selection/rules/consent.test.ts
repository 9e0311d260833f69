import { consent } from './consent';
import { adopter, child, context, single } from './test-facts';

describe('consent rule', () => {
  it('passes a child under the consent age whatever the consent field says', () => {
    expect(consent(single(child({ consent: 'refused' })), adopter(), context()).outcome).toBe(
      'pass',
    );
  });
  it('fails a child of 12 or older who refused', () => {
    const c = child({ birthDate: '2014-06-01', consent: 'refused' }); // 12 on the run date
    expect(consent(single(c), adopter(), context())).toMatchObject({
      outcome: 'fail',
      detail: { refused: [1] },
    });
  });
  it('passes a child who turns 12 the day after the run date, and one of 12 who consented', () => {
    expect(
      consent(single(child({ birthDate: '2014-06-02', consent: 'refused' })), adopter(), context())
        .outcome,
    ).toBe('pass');
    expect(
      consent(single(child({ birthDate: '2013-01-01', consent: 'given' })), adopter(), context())
        .outcome,
    ).toBe('pass');
  });
  it('notes a missing consent of a child of 12 without refusing', () => {
    const r = consent(single(child({ birthDate: '2013-01-01' })), adopter(), context());
    expect(r).toMatchObject({ outcome: 'pass', detail: { notRecorded: [1] } });
  });
  it('fails a child who does not wish to be adopted, at any age', () => {
    expect(
      consent(single(child({ doesNotWishAdoption: true })), adopter(), context()).outcome,
    ).toBe('fail');
  });
  it('takes the consent age from the parameters', () => {
    const c = single(child({ birthDate: '2016-01-01', consent: 'refused' })); // 10
    expect(consent(c, adopter(), context({ consentAge: 10 })).outcome).toBe('fail');
  });
});
