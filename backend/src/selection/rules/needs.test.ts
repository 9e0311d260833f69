import { needOfIcd10 } from '@adoption/model';
import { DIAGNOSES } from '../../demo/phrases';
import { needs } from './needs';
import { adopter, child, context, group, single } from './test-facts';

const condition = (icd10: string | null, name = 'Diagnoze') => ({
  condition: name,
  icd10,
  since: null,
  treatment: null,
});

describe('ICD-10 → need mapping (model/src/needs.ts)', () => {
  it.each(DIAGNOSES.map((d) => [d.icd10, d.kind, d.condition]))('%s is %s (%s)', (code, kind) => {
    expect(needOfIcd10(code)).toBe(kind);
  });
  it('maps other codes to chronic illness and no code to nothing', () => {
    expect(needOfIcd10('I10')).toBe('chronic_illness');
    expect(needOfIcd10('A15.0')).toBe('infectious_disease');
    expect(needOfIcd10('r62.0')).toBe('developmental_delay');
    expect(needOfIcd10(null)).toBeNull();
    expect(needOfIcd10('nav')).toBeNull();
  });
});

describe('needs rule (graded)', () => {
  const asthma = child({ healthConditions: [condition('J45.9', 'Astma')] });
  it('passes a child without needs', () => {
    expect(needs(single(), adopter(), context()).outcome).toBe('pass');
  });
  it('passes a need the adopter can meet', () => {
    const a = adopter({
      needWishes: [{ need: 'chronic_illness', answer: 'can_meet', note: null }],
    });
    expect(needs(single(asthma), a, context())).toMatchObject({
      outcome: 'pass',
      detail: { needs: [{ need: 'chronic_illness', answer: 'can_meet' }] },
    });
  });
  it('asks to consider a need the adopter would consider, with the adopter’s note', () => {
    const a = adopter({
      needWishes: [
        { need: 'chronic_illness', answer: 'consider', note: 'Pēc ārsta konsultācijas' },
      ],
    });
    expect(needs(single(asthma), a, context())).toMatchObject({
      outcome: 'consider',
      detail: {
        needs: [{ need: 'chronic_illness', answer: 'consider', note: 'Pēc ārsta konsultācijas' }],
      },
    });
  });
  it('fails a need the adopter cannot meet or did not answer', () => {
    expect(needs(single(asthma), adopter(), context()).outcome).toBe('fail');
    const a = adopter({
      needWishes: [{ need: 'chronic_illness', answer: 'cannot_meet', note: null }],
    });
    expect(needs(single(asthma), a, context()).outcome).toBe('fail');
  });
  it('derives a disability from a disability group that has not ended', () => {
    const c = child({ disabilityGroup: 'child', disabilityUntil: '2027-01-01' });
    expect(needs(single(c), adopter(), context()).detail.needs).toEqual([
      { need: 'disability', answer: 'cannot_meet', note: null },
    ]);
    const ended = child({ disabilityGroup: 'child', disabilityUntil: '2026-01-01' });
    expect(needs(single(ended), adopter(), context()).outcome).toBe('pass');
  });
  it('makes a condition without a code at best consider, saying so', () => {
    const c = child({ healthConditions: [condition(null, 'Nezināma')] });
    expect(needs(single(c), adopter(), context())).toMatchObject({
      outcome: 'consider',
      detail: { unclassified: [{ childId: 1, condition: 'Nezināma' }] },
    });
  });
  it('takes every child of a group', () => {
    const g = group([child({ id: 1 }), asthma ? { ...asthma, id: 2 } : child()]);
    expect(needs(g, adopter(), context()).outcome).toBe('fail');
  });
});

describe('needs rule with VDEĀVK’s disability (an open difference from the card)', () => {
  const seenOn = '2026-05-31';
  const canMeet = adopter({
    needWishes: [{ need: 'disability', answer: 'can_meet', note: null }],
  });
  it('derives the disability VDEĀVK has and the card lacks: fails an adopter who cannot meet it', () => {
    const c = child({ registerDisability: { group: 'child', until: null, seenOn } });
    expect(needs(single(c), adopter(), context())).toEqual({
      rule: 'needs',
      outcome: 'fail',
      detail: {
        needs: [{ need: 'disability', answer: 'cannot_meet', note: null }],
        registerDisability: [{ childId: 1, seenOn }],
      },
    });
    // One who can meet it: at best consider, until a specialist settles the card.
    expect(needs(single(c), canMeet, context())).toMatchObject({
      outcome: 'consider',
      detail: {
        needs: [{ need: 'disability', answer: 'can_meet' }],
        registerDisability: [{ childId: 1, seenOn }],
      },
    });
  });
  it('derives no disability the card has and VDEĀVK ended: consider, saying so and as of when', () => {
    const card = { disabilityGroup: 'II' as const, disabilityUntil: null };
    expect(needs(single(child(card)), adopter(), context()).outcome).toBe('fail');
    const c = child({ ...card, registerDisability: { group: 'II', until: '2026-01-01', seenOn } });
    expect(needs(single(c), adopter(), context())).toEqual({
      rule: 'needs',
      outcome: 'consider',
      detail: { needs: [], registerDisability: [{ childId: 1, seenOn }] },
    });
  });
  it('reads the card as before when nothing is open', () => {
    const c = child({ disabilityGroup: 'child', registerDisability: null });
    expect(needs(single(c), canMeet, context())).toMatchObject({
      outcome: 'pass',
      detail: { needs: [{ need: 'disability', answer: 'can_meet' }] },
    });
    expect(needs(single(c), canMeet, context()).detail).not.toHaveProperty('registerDisability');
  });
  it('never shares an outcome between a candidate with a difference and one without', () => {
    // The same needs and answers (only the start date differs: VDEĀVK's view keeps the group).
    const plain = child({ id: 3, disabilityGroup: 'child' });
    const differing = child({
      id: 4,
      disabilityGroup: 'child',
      registerDisability: { group: 'child', until: null, seenOn },
    });
    for (const order of [
      [plain, differing],
      [differing, plain],
    ]) {
      const [a, b] = order.map((c) => needs(single({ ...c }), canMeet, context()));
      const [first, second] = order[0] === plain ? [a!, b!] : [b!, a!];
      expect(first.outcome).toBe('pass');
      expect(second).toMatchObject({
        outcome: 'consider',
        detail: { registerDisability: [{ childId: 4, seenOn }] },
      });
    }
  });
  it('makes a group at best consider when one of its children differs', () => {
    const g = group([
      child({ id: 1 }),
      child({ id: 2, registerDisability: { group: null, until: null, seenOn } }),
    ]);
    expect(needs(g, canMeet, context())).toMatchObject({
      outcome: 'consider',
      detail: { needs: [], registerDisability: [{ childId: 2, seenOn }] },
    });
  });
});
