import { careProviders, passesRegisterCheck } from './care-providers';
import { territories } from './territories';

describe('careProviders', () => {
  it('has about 40 providers of every kind spread over many municipalities', () => {
    expect(careProviders.length).toBeGreaterThanOrEqual(35);
    expect(careProviders.length).toBeLessThanOrEqual(45);
    const kinds = new Set(careProviders.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['children_care_institution', 'crisis_centre', 'family_type_home', 'social_care_centre']);
    expect(new Set(careProviders.map((p) => p.atvkCode)).size).toBeGreaterThanOrEqual(25);
    const known = new Set(territories.map((t) => t.atvkCode));
    for (const p of careProviders) expect(known.has(p.atvkCode)).toBe(true);
  });

  it('uses unique invented names with Latvian quotation marks', () => {
    expect(new Set(careProviders.map((p) => p.name)).size).toBe(careProviders.length);
    for (const p of careProviders) expect(p.name).toMatch(/„[^„”]+”$/u);
    expect(careProviders.map((p) => p.name)).toContain('Bērnu sociālās aprūpes centrs „Saulīte”');
  });

  it('has synthetic 9000… registration numbers that can never be real', () => {
    for (const p of careProviders) {
      expect(p.registrationNumber).toMatch(/^9000\d{7}$/);
      expect(passesRegisterCheck(p.registrationNumber)).toBe(false);
    }
    expect(new Set(careProviders.map((p) => p.registrationNumber)).size).toBe(careProviders.length);
    // The check itself: the valid example in python-stdnum's lv.pvn doctest, and a number built
    // to pass it (9·9 + 1·6 + 4 = 91 ≡ 3 mod 11) next to its one-digit typo.
    expect(passesRegisterCheck('40003521600')).toBe(true);
    expect(passesRegisterCheck('90000000014')).toBe(true);
    expect(passesRegisterCheck('90000000015')).toBe(false);
  });

  it('has a legal address in the municipality, formatted from its parts', () => {
    for (const p of careProviders) {
      const territory = territories.find((t) => t.atvkCode === p.atvkCode)!;
      const { street, house, town, postcode } = p.addressParts;
      expect(town).toBe(territory.centre);
      expect(postcode).toMatch(/^LV-\d{4}$/);
      expect(house).toMatch(/^\d+(A|B|k-1)?$/);
      expect(p.legalAddress.startsWith(`${street} ${house}, ${town}, `)).toBe(true);
      expect(p.legalAddress.endsWith(postcode)).toBe(true);
      expect(p.phone).toMatch(/^\+371 6\d{7}$/);
      expect(p.email).toMatch(/^info@[a-z0-9-]+\.example$/);
    }
    const saulite = careProviders.find((p) => p.name.includes('Saulīte'))!;
    expect(saulite.legalAddress).toMatch(/, Rīga, LV-1050$/);
    expect(saulite.email).toBe('info@saulite-riga.example');
  });

  it('is identical on every import (fixed seed)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const again = (require('./care-providers') as typeof import('./care-providers')).careProviders;
      expect(again).toEqual(careProviders);
    });
  });
});
