import { childTransform } from './transform';

describe('what the card forms send', () => {
  it('clears a child card’s hidden values the API would refuse', () => {
    expect(
      childTransform({
        careForm: 'foster_family',
        careProviderId: 4,
        clearedAbroad: false,
        abroadCourtDecisionNumber: 'BT-1',
        abroadCourtDecisionDate: '2024-01-01',
        disabilityGroup: null,
        disabilityFrom: '2020-01-01',
        disabilitySource: 'VDEĀVK',
      }),
    ).toEqual({
      careForm: 'foster_family',
      careProviderId: null,
      clearedAbroad: false,
      abroadCourtDecisionNumber: null,
      abroadCourtDecisionDate: null,
      disabilityGroup: null,
      disabilityFrom: null,
      disabilitySource: null,
    });
  });

  it('keeps what belongs', () => {
    const card = {
      careForm: 'care_institution',
      careProviderId: 4,
      clearedAbroad: true,
      abroadCourtDecisionNumber: 'BT-1',
      disabilityGroup: 'child',
      disabilityFrom: '2020-01-01',
    };
    expect(childTransform(card)).toEqual(card);
  });
});
