import { abroad } from './abroad';
import { adopter, child, context, single } from './test-facts';

describe('abroad rule', () => {
  const cleared = child({
    clearedAbroad: true,
    abroadCourtDecisionDate: '2025-02-01',
    abroadCommissionOpinionDate: '2025-03-01',
  });
  const country = {
    id: 5,
    nameLv: 'Itālija',
    hagueAdoption1993: true,
    bilateralAdoptionAgreement: true,
  };
  const foreign = adopter({ origin: 'foreign', country });
  it('does not apply to a Latvian adopter', () => {
    expect(abroad(single(), adopter(), context())).toMatchObject({
      outcome: 'pass',
      detail: { applies: false },
    });
  });
  it('passes a cleared child for an adopter from an eligible country', () => {
    expect(abroad(single(cleared), foreign, context()).outcome).toBe('pass');
  });
  it('fails a child not cleared, or cleared without the decision or opinion date', () => {
    expect(abroad(single(), foreign, context()).detail.notCleared).toEqual([1]);
    expect(
      abroad(single({ ...cleared, abroadCommissionOpinionDate: null }), foreign, context()).outcome,
    ).toBe('fail');
  });
  it('fails a country without the Hague convention or without a bilateral agreement', () => {
    for (const c of [
      { ...country, hagueAdoption1993: false },
      { ...country, bilateralAdoptionAgreement: false },
    ]) {
      expect(
        abroad(single(cleared), adopter({ origin: 'foreign', country: c }), context()).outcome,
      ).toBe('fail');
    }
    expect(
      abroad(single(cleared), adopter({ origin: 'foreign', country: null }), context()).outcome,
    ).toBe('fail');
  });
});
