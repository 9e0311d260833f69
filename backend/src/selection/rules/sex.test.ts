import { sex } from './sex';
import { adopter, child, context, group, single } from './test-facts';

describe('sex rule', () => {
  it('passes any child for an adopter wishing either sex', () => {
    expect(sex(single(child({ sex: 'male' })), adopter(), context()).outcome).toBe('pass');
  });
  it('passes the wished sex and fails the other', () => {
    expect(sex(single(), adopter({ wishedSex: 'female' }), context()).outcome).toBe('pass');
    expect(sex(single(), adopter({ wishedSex: 'male' }), context())).toMatchObject({
      outcome: 'fail',
      detail: { wished: 'male', otherSex: [1] },
    });
  });
  it('fails a group with one child of the other sex', () => {
    const g = group([child({ id: 1 }), child({ id: 2, sex: 'male' })]);
    expect(sex(g, adopter({ wishedSex: 'female' }), context()).detail.otherSex).toEqual([2]);
  });
});
