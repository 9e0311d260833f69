import fc from 'fast-check';
import { createRng, dayToIsoDate, isoDateToDay } from './random';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('demo')).toEqual(draw('demo'));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw('demo')).not.toEqual(draw('demo2'));
  });

  it('next() stays in [0, 1) and covers the range', () => {
    const rng = createRng(1);
    const values = Array.from({ length: 10_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(Math.min(...values)).toBeLessThan(0.01);
    expect(Math.max(...values)).toBeGreaterThan(0.99);
  });

  it('int(min, max) includes both ends and nothing outside', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, min, width) => {
          const rng = createRng(seed);
          const seen = new Set<number>();
          for (let i = 0; i < 400; i++) {
            const n = rng.int(min, min + width);
            expect(Number.isInteger(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(min);
            expect(n).toBeLessThanOrEqual(min + width);
            seen.add(n);
          }
          expect(seen.has(min)).toBe(true);
          expect(seen.has(min + width)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects bad ranges and empty lists', () => {
    const rng = createRng(3);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
    expect(() => rng.int(0.5, 4)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('pick returns every element eventually', () => {
    const rng = createRng('pick');
    const items = ['Rīga', 'Liepāja', 'Daugavpils'] as const;
    const seen = new Set(Array.from({ length: 200 }, () => rng.pick(items)));
    expect([...seen].sort()).toEqual([...items].sort());
  });

  it('chance honours the extremes and is roughly fair in between', () => {
    const rng = createRng(9);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => rng.chance(1)).every(Boolean)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2700);
    expect(hits).toBeLessThan(3300);
  });

  it('date(from, to) returns real dates inside the range, both ends reachable', () => {
    const rng = createRng('dates');
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const d = rng.date('2024-02-27', '2024-03-01');
      expect(d >= '2024-02-27' && d <= '2024-03-01').toBe(true);
      seen.add(d);
    }
    expect([...seen].sort()).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(() => rng.date('2023-02-29', '2023-03-01')).toThrow(RangeError);
    expect(() => rng.date('2024-03-02', '2024-03-01')).toThrow(RangeError);
  });
});

describe('ISO day conversion', () => {
  it('round-trips and rejects impossible dates', () => {
    expect(isoDateToDay('1970-01-01')).toBe(0);
    expect(dayToIsoDate(isoDateToDay('2000-02-29'))).toBe('2000-02-29');
    expect(() => isoDateToDay('1900-02-29')).toThrow(RangeError);
    expect(() => isoDateToDay('2024-13-01')).toThrow(RangeError);
    expect(() => isoDateToDay('24-01-01')).toThrow(RangeError);
  });
});
