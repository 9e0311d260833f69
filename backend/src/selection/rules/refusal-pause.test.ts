import { refusalPause } from './refusal-pause';
import { adopter, context, single } from './test-facts';

describe('refusal pause rule', () => {
  const three = ['2025-09-01', '2026-01-10', '2026-03-01'];
  const foreign = adopter({ origin: 'foreign', unreasonedRefusals: three });
  it('does not apply to a Latvian adopter when the rule is for foreign ones', () => {
    expect(
      refusalPause(single(), adopter({ unreasonedRefusals: three }), context()).detail.applies,
    ).toBe(false);
  });
  it('pauses a foreign adopter with three refusals in twelve months for six months after the last', () => {
    expect(refusalPause(single(), foreign, context())).toMatchObject({
      outcome: 'fail',
      detail: { counted: 3, pausedUntil: '2026-09-01', suggestReEvaluation: true },
    });
  });
  it('passes once the pause is over, or with fewer refusals in the window', () => {
    expect(refusalPause(single(), foreign, context({}, '2026-09-01')).outcome).toBe('pass');
    const old = adopter({
      origin: 'foreign',
      unreasonedRefusals: ['2025-05-01', ...three.slice(1)],
    });
    expect(refusalPause(single(), old, context()).outcome).toBe('pass');
  });
  it('applies to every adopter when the parameters say so', () => {
    const all = context({
      refusalRule: { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'all' },
    });
    expect(refusalPause(single(), adopter({ unreasonedRefusals: three }), all).outcome).toBe(
      'fail',
    );
  });
});
