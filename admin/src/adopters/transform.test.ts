import { adopterTransform } from './transform';

describe('what the adopter form sends', () => {
  it('sends a foreign adopter’s details only for origin foreign', () => {
    const foreign = {
      origin: 'foreign',
      countryId: 3,
      foreignAuthority: 'X',
      homeStudyReportDate: '2025-01-01',
    };
    expect(adopterTransform(foreign)).toEqual(foreign);
    expect(adopterTransform({ ...foreign, origin: 'latvian' })).toEqual({
      origin: 'latvian',
      countryId: null,
      foreignAuthority: null,
      homeStudyReportDate: null,
    });
  });
});
