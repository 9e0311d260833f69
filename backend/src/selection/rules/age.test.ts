import { age } from './age';
import { adopter, child, context, group, single } from './test-facts';

describe('age rule', () => {
  const wishes = adopter({ wishedAgeFrom: 3, wishedAgeTo: 6 });
  it('passes a child within the wished ages on the run date, both ends included', () => {
    expect(age(single(child({ birthDate: '2023-06-01' })), wishes, context()).outcome).toBe('pass'); // 3
    expect(age(single(child({ birthDate: '2019-06-02' })), wishes, context()).outcome).toBe('pass'); // 6
  });
  it('fails a child a day past the upper end as a near miss (7)', () => {
    const r = age(single(child({ birthDate: '2019-06-01' })), wishes, context());
    expect(r).toMatchObject({
      outcome: 'fail',
      detail: { ages: [7], yearsOutside: 1, near: true },
    });
  });
  it('fails a child far outside, not near', () => {
    const r = age(single(child({ birthDate: '2015-01-01' })), wishes, context()); // 11
    expect(r).toMatchObject({ outcome: 'fail', detail: { yearsOutside: 5, near: false } });
  });
  it('fails a child too young; near within nearMissAgeYears', () => {
    expect(age(single(child({ birthDate: '2025-01-01' })), wishes, context()).detail).toMatchObject(
      { near: true, yearsOutside: 2 },
    );
    expect(
      age(single(child({ birthDate: '2025-01-01' })), wishes, context({ nearMissAgeYears: 1 }))
        .detail.near,
    ).toBe(false);
  });
  it('checks every child of a group', () => {
    const g = group([
      child({ id: 1, birthDate: '2022-01-01' }),
      child({ id: 2, birthDate: '2012-01-01' }),
    ]);
    expect(age(g, wishes, context()).outcome).toBe('fail');
  });
});
