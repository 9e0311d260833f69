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
