import { groupSize } from './group-size';
import { adopter, child, context, group, single } from './test-facts';

describe('group size rule', () => {
  const two = group([child({ id: 1 }), child({ id: 2 })]);
  it('passes one child for an adopter wishing one', () => {
    expect(groupSize(single(), adopter(), context()).outcome).toBe('pass');
  });
  it('fails siblings for an adopter who does not accept siblings', () => {
    const r = groupSize(two, adopter({ wishedChildrenCount: 2 }), context());
    expect(r).toMatchObject({ outcome: 'fail', detail: { reason: 'siblings_not_accepted' } });
  });
  it('fails more children than wished', () => {
    const r = groupSize(two, adopter({ acceptsSiblings: true }), context());
    expect(r).toMatchObject({
      outcome: 'fail',
      detail: { reason: 'too_many', count: 2, wished: 1 },
    });
  });
  it('passes siblings within the wished number', () => {
    expect(
      groupSize(two, adopter({ acceptsSiblings: true, wishedChildrenCount: 3 }), context()).outcome,
    ).toBe('pass');
  });
});
