import { availability } from './availability';
import { adopter, child, context, group, single } from './test-facts';

describe('availability rule', () => {
  it('passes an available child without a live offer', () => {
    expect(availability(single(), adopter(), context()).outcome).toBe('pass');
  });
  it('fails a child not available, naming its status', () => {
    const r = availability(single(child({ status: 'offered' })), adopter(), context());
    expect(r).toMatchObject({
      outcome: 'fail',
      detail: { reason: 'not_available', notAvailable: [{ childId: 1, status: 'offered' }] },
    });
  });
  it('fails a child held by a live offer', () => {
    const r = availability(single(child({ liveOffer: true })), adopter(), context());
    expect(r).toMatchObject({ outcome: 'fail', detail: { reason: 'live_offer', liveOffer: [1] } });
  });
  it('fails a group when one member is not available', () => {
    const g = group([child({ id: 1 }), child({ id: 2, status: 'suspended' })]);
    expect(availability(g, adopter(), context()).outcome).toBe('fail');
    expect(
      availability(group([child({ id: 1 }), child({ id: 2 })]), adopter(), context()).outcome,
    ).toBe('pass');
  });
  it('fails a member of a group alone unless an orphan court allowed separation', () => {
    const member = child({ siblingGroupId: 7 });
    const alone = { ...single(member), separable: false };
    expect(availability(alone, adopter(), context())).toMatchObject({
      outcome: 'fail',
      detail: { reason: 'group_not_separable', siblingGroupId: 7 },
    });
    expect(availability({ ...alone, separable: true }, adopter(), context()).outcome).toBe('pass');
  });
});
