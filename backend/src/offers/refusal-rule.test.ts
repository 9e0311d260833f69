import { evaluateRefusalRule, type RefusalFact } from './refusal-rule';

const rule = { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'foreign' as const };
const none = (refusedOn: string): RefusalFact => ({ refusedOn, reason: '' });
const why = (refusedOn: string): RefusalFact => ({ refusedOn, reason: 'Bērna vecums' });

describe('the refusal rule (3 unreasoned in 12 months → 6 months without new information)', () => {
  it('is met by the third unreasoned refusal within twelve months', () => {
    const out = evaluateRefusalRule(
      [none('2026-01-10'), none('2026-05-02'), none('2026-11-30')],
      'foreign',
      rule,
      '2026-12-07',
    );
    expect(out).toEqual({
      applies: true,
      unreasonedRecent: 3,
      windowFrom: '2025-12-08',
      triggeredOn: '2026-11-30',
      pausedUntil: '2027-05-30',
      paused: true,
      suggestCourtReview: true,
    });
  });

  it('is not met when the three are spread over more than twelve months', () => {
    const out = evaluateRefusalRule(
      [none('2025-01-10'), none('2025-06-02'), none('2026-01-11')],
      'foreign',
      rule,
      '2026-02-01',
    );
    expect(out).toMatchObject({ triggeredOn: null, paused: false, suggestCourtReview: false });
    expect(out.unreasonedRecent).toBe(2);
  });

  it('counts a window of exactly twelve months, the first day included', () => {
    const out = evaluateRefusalRule(
      [none('2025-01-11'), none('2025-06-02'), none('2026-01-10')],
      'foreign',
      rule,
      '2026-01-10',
    );
    expect(out.triggeredOn).toBe('2026-01-10');
  });

  it('does not count reasoned refusals', () => {
    const out = evaluateRefusalRule(
      [why('2026-01-10'), none('2026-05-02'), why('2026-11-30'), none('2026-12-01')],
      'foreign',
      rule,
      '2026-12-07',
    );
    expect(out).toMatchObject({ unreasonedRecent: 2, triggeredOn: null, paused: false });
  });

  it('ends the pause after six months, the court review still suggested', () => {
    const out = evaluateRefusalRule(
      [none('2025-01-10'), none('2025-02-02'), none('2025-03-30')],
      'foreign',
      rule,
      '2025-09-30',
    );
    expect(out).toMatchObject({
      triggeredOn: '2025-03-30',
      pausedUntil: '2025-09-30',
      paused: false,
      suggestCourtReview: true,
    });
  });

  it('does not apply to a Latvian adopter when the rule is for foreign adopters', () => {
    const out = evaluateRefusalRule(
      [none('2026-01-10'), none('2026-05-02'), none('2026-11-30')],
      'latvian',
      rule,
      '2026-12-07',
    );
    expect(out).toMatchObject({
      applies: false,
      unreasonedRecent: 3,
      triggeredOn: null,
      pausedUntil: null,
      paused: false,
      suggestCourtReview: false,
    });
  });

  it('applies to everyone when configured so, with the configured count', () => {
    const out = evaluateRefusalRule(
      [none('2026-01-10'), none('2026-05-02')],
      'latvian',
      { ...rule, count: 2, appliesTo: 'all' },
      '2026-06-01',
    );
    expect(out).toMatchObject({ applies: true, triggeredOn: '2026-05-02', paused: true });
  });

  it('ignores refusals dated after the evaluation day', () => {
    const out = evaluateRefusalRule(
      [none('2026-01-10'), none('2026-05-02'), none('2026-11-30')],
      'foreign',
      rule,
      '2026-06-01',
    );
    expect(out).toMatchObject({ unreasonedRecent: 2, triggeredOn: null });
  });
});
