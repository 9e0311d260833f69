import { countries, HAGUE_ADOPTION_1993_PARTIES } from './countries';

describe('countries', () => {
  it('lists the 249 ISO 3166-1 countries with unique codes and names in both languages', () => {
    expect(countries).toHaveLength(249);
    for (const key of ['alpha2', 'alpha3', 'numeric'] as const) {
      expect(new Set(countries.map((c) => c[key])).size).toBe(249);
    }
    for (const c of countries) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
      expect(c.nameLv.trim()).not.toBe('');
      expect(c.nameEn.trim()).not.toBe('');
    }
    expect(countries.some((c) => c.alpha2 === 'XK')).toBe(false);
  });

  it('has Latvia as LV / LVA / 428 "Latvija"', () => {
    expect(countries.find((c) => c.alpha2 === 'LV')).toEqual({
      alpha2: 'LV',
      alpha3: 'LVA',
      numeric: '428',
      nameLv: 'Latvija',
      nameEn: 'Latvia',
      hagueAdoption1993: true,
    });
    expect(countries.find((c) => c.alpha2 === 'AT')?.numeric).toBe('040');
  });

  it('flags Hague 1993 Adoption Convention parties and only them', () => {
    const flag = (alpha2: string) => countries.find((c) => c.alpha2 === alpha2)?.hagueAdoption1993;
    for (const party of ['LV', 'US', 'DE', 'FR', 'IT', 'ES', 'CN', 'IN', 'BR', 'GB']) {
      expect(flag(party)).toBe(true);
    }
    // Signed but never ratified, or never joined.
    for (const nonParty of ['RU', 'UA', 'JP', 'NP', 'AR', 'EG', 'NG', 'SA']) expect(flag(nonParty)).toBe(false);
    // Recent parties: Angola (2024), Republic of Korea (in force 1 Oct 2025).
    expect(flag('AO')).toBe(true);
    expect(flag('KR')).toBe(true);
    expect(flag('KP')).toBe(false);
  });

  it('flags only codes that exist, one per party', () => {
    const alpha2 = new Set(countries.map((c) => c.alpha2));
    for (const code of HAGUE_ADOPTION_1993_PARTIES) expect(alpha2.has(code)).toBe(true);
    expect(countries.filter((c) => c.hagueAdoption1993)).toHaveLength(HAGUE_ADOPTION_1993_PARTIES.size);
    expect(HAGUE_ADOPTION_1993_PARTIES.size).toBe(106);
  });
});
