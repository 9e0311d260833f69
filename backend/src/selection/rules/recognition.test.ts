import { recognition } from './recognition';
import { adopter, context, single } from './test-facts';

describe('recognition rule', () => {
  it('passes a decision without an end or valid on the run date', () => {
    expect(recognition(single(), adopter(), context()).outcome).toBe('pass');
    expect(
      recognition(single(), adopter({ decisionValidUntil: '2026-06-01' }), context()).outcome,
    ).toBe('pass');
  });
  it('excludes the adopter whose decision ended before the run date', () => {
    expect(
      recognition(single(), adopter({ decisionValidUntil: '2026-05-31' }), context()),
    ).toMatchObject({
      outcome: 'fail',
      detail: { reason: 'expired', validUntil: '2026-05-31' },
    });
  });
});
