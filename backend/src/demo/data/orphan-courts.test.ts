import { cityGenitive, orphanCourtName, orphanCourts } from './orphan-courts';
import { territories } from './territories';

describe('orphanCourts', () => {
  it('has exactly one court per territory, in territory order', () => {
    expect(orphanCourts.map((c) => c.atvkCode)).toEqual(territories.map((t) => t.atvkCode));
  });

  it('names courts in the Latvian genitive', () => {
    const nameOf = (atvk: string) => orphanCourts.find((c) => c.atvkCode === atvk)?.name;
    expect(nameOf('0001000')).toBe('Rīgas bāriņtiesa');
    expect(nameOf('0002000')).toBe('Daugavpils bāriņtiesa');
    expect(nameOf('0006000')).toBe('Rēzeknes bāriņtiesa');
    expect(nameOf('0023000')).toBe('Ādažu novada bāriņtiesa');
    expect(nameOf('0043000')).toBe('Rēzeknes novada bāriņtiesa');
    for (const court of orphanCourts) expect(court.name).toMatch(/^(\p{L}+ )+bāriņtiesa$/u);
    expect(new Set(orphanCourts.map((c) => c.name)).size).toBe(orphanCourts.length);
    expect(() => cityGenitive('Valka?')).toThrow(RangeError);
    expect(orphanCourtName({ atvkCode: 'x', name: 'Jelgava', kind: 'state_city', centre: 'Jelgava' })).toBe(
      'Jelgavas bāriņtiesa',
    );
  });

  it('has plausible synthetic contacts on a reserved mail domain', () => {
    for (const court of orphanCourts) {
      expect(court.address).toMatch(/^\p{Lu}[\p{L} ]+ iela \d+, .+, LV-\d{4}$/u);
      expect(court.phone).toMatch(/^\+371 6\d{7}$/);
      expect(court.email).toMatch(/^barintiesa@[a-z0-9-]+\.example$/);
    }
    const town = (atvk: string) => orphanCourts.find((c) => c.atvkCode === atvk)?.address;
    expect(town('0023000')).toMatch(/, Ādaži, Ādažu nov\., LV-2164$/);
    expect(new Set(orphanCourts.map((c) => c.email)).size).toBe(orphanCourts.length);
  });

  it('is identical on every import (fixed seed)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const again = (require('./orphan-courts') as typeof import('./orphan-courts')).orphanCourts;
      expect(again).toEqual(orphanCourts);
    });
  });
});
