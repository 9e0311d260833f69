import { addressTail, centrePostcodes, placeSlug, territories } from './territories';

describe('territories', () => {
  it('lists the 43 municipalities: 7 state cities and 36 novadi', () => {
    expect(territories).toHaveLength(43);
    expect(territories.filter((t) => t.kind === 'state_city').map((t) => t.name)).toEqual([
      'Rīga',
      'Daugavpils',
      'Jelgava',
      'Jūrmala',
      'Liepāja',
      'Rēzekne',
      'Ventspils',
    ]);
    const novadi = territories.filter((t) => t.kind === 'municipality');
    expect(novadi).toHaveLength(36);
    for (const t of novadi) expect(t.name).toMatch(/^\p{Lu}\p{L}+ novads$/u);
    expect(novadi.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Ādažu novads', 'Augšdaugavas novads', 'Dienvidkurzemes novads', 'Varakļānu novads']),
    );
  });

  it('has unique 7-digit ATVK 2021 codes: 01–19 for state cities, 20–99 for novadi', () => {
    const codes = territories.map((t) => t.atvkCode);
    expect(new Set(codes).size).toBe(43);
    for (const t of territories) {
      expect(t.atvkCode).toMatch(/^00\d{2}000$/);
      const level2 = Number(t.atvkCode.slice(2, 4));
      if (t.kind === 'state_city') expect(level2).toBeLessThanOrEqual(19);
      else expect(level2).toBeGreaterThanOrEqual(20);
    }
    expect(territories.find((t) => t.name === 'Rīga')?.atvkCode).toBe('0001000');
  });

  it('gives every territory a centre with a postcode', () => {
    for (const t of territories) {
      expect(t.centre).not.toBe('');
      expect(centrePostcodes[t.centre]).toMatch(/^LV-\d{4}$/);
    }
    expect(territories.find((t) => t.name === 'Ropažu novads')?.centre).toBe('Ulbroka');
  });

  it('writes the address tail as Latvian addresses do', () => {
    const byName = (name: string) => territories.find((t) => t.name === name)!;
    expect(addressTail(byName('Rīga'))).toBe('Rīga, LV-1050');
    expect(addressTail(byName('Ādažu novads'))).toBe('Ādaži, Ādažu nov., LV-2164');
    // A novads run from a state city: the city stands alone in the address.
    expect(addressTail(byName('Augšdaugavas novads'))).toBe('Daugavpils, LV-5401');
  });

  it('slugs place names to ASCII', () => {
    expect(placeSlug('Ķekavas novads')).toBe('kekavas-novads');
    expect(placeSlug('Rīga')).toBe('riga');
    expect(placeSlug('„Mazie ķipari”')).toBe('mazie-kipari');
  });
});
