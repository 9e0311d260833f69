// A small seedable pseudo-random generator, so demo data and property tests are reproducible:
// the same seed always yields the same children, adopters and institutions. Not for secrets.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** true with probability p (p <= 0 never, p >= 1 always). */
  chance(p: number): boolean;
  /** A calendar date (YYYY-MM-DD) in [from, to], both ends included. */
  date(from: string, to: string): string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** String seeds are hashed (FNV-1a) so that readable seeds like 'demo-2024' can be used. */
function seedToUint32(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD date; throws on anything else, because a silently
 *  shifted date (2023-02-30 → March) would corrupt demo data without anyone noticing. */
export function isoDateToDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  if (dayToIsoDate(ms / DAY_MS) !== iso) throw new RangeError(`no such calendar date: ${iso}`);
  return ms / DAY_MS;
}

export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** mulberry32: tiny, fast, and good enough for test data; period 2^32. */
export function createRng(seed: number | string): Rng {
  let state = seedToUint32(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p: number): boolean => next() < p,
    date: (from: string, to: string): string =>
      dayToIsoDate(int(isoDateToDay(from), isoDateToDay(to))),
  };
}
