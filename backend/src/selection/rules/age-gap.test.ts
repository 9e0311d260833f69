import { ageGap } from './age-gap';
import { adopter, child, context, group, single } from './test-facts';

describe('age gap rule', () => {
  const a = adopter({ birthDate: '1990-05-01' });
  it('passes a child born on the adopter’s 18th birthday or later', () => {
    expect(ageGap(single(child({ birthDate: '2008-05-01' })), a, context()).outcome).toBe('pass');
  });
  it('fails a child born the day before', () => {
    expect(ageGap(single(child({ birthDate: '2008-04-30' })), a, context())).toMatchObject({
      outcome: 'fail',
      detail: { gap: 18, relaxed: false, short: [{ who: 'adopter', childId: 1 }] },
    });
  });
  it('checks the spouse too', () => {
    const couple = adopter({ birthDate: '1980-01-01', spouseBirthDate: '1991-01-01' });
    const r = ageGap(single(child({ birthDate: '2008-06-01' })), couple, context());
    expect(r.detail.short).toEqual([{ who: 'spouse', childId: 1 }]);
  });
  it('relaxes the gap to 16 for siblings adopted together', () => {
    const g = group([
      child({ id: 1, birthDate: '2007-01-01' }),
      child({ id: 2, birthDate: '2010-01-01' }),
    ]);
    expect(ageGap(g, a, context()).outcome).toBe('pass');
    expect(ageGap(single(child({ birthDate: '2007-01-01' })), a, context()).outcome).toBe('fail');
  });
  it('takes the gaps from the parameters', () => {
    expect(
      ageGap(single(child({ birthDate: '2008-05-01' })), a, context({ ageGapYears: 20 })).outcome,
    ).toBe('fail');
  });
});
