import type { Rng } from '../latvian/random';
import { generatePersonalCode } from '../latvian/personal-code';

// Small helpers the synthetic people generators share: weighted choices, date arithmetic on
// `YYYY-MM-DD`, and personal codes that are unique within one generated set.

export const weighted = <T>(rng: Rng, items: readonly (readonly [T, number])[]): T => {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
};

// Date arithmetic without re-validating: the generators only ever feed it dates they made
// (latvian/random.ts validates, and at 100,000 children that validation was a third of the time).
const DAY_MS = 86_400_000;
const utcDay = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const isoOf = (day: number) => {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export const addDays = (iso: string, days: number) => isoOf(utcDay(iso) + days);
export const addYears = (iso: string, years: number) => addDays(iso, Math.round(years * 365.25));
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A date in [from, to]; `from` when the span is empty. */
export const dateBetween = (rng: Rng, from: string, to: string) =>
  to <= from ? from : isoOf(rng.int(utcDay(from), utcDay(to)));

/** A few distinct items, each drawn with its weight. */
export function distinctWeighted<T>(
  rng: Rng,
  items: readonly T[],
  count: number,
  weight: (t: T) => number,
): T[] {
  const left = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && left.length) {
    const item = weighted(
      rng,
      left.map((t) => [t, weight(t)] as const),
    );
    chosen.push(item);
    left.splice(left.indexOf(item), 1);
  }
  return chosen;
}

/**
 * Personal codes are unique in the register (a unique column). An old-format code has only three
 * free digits per birth date, so at 100,000 children some dates run out: draw again, and after
 * a few tries leave the child without a code (the register allows that).
 */
export function uniqueCodes(rng: Rng) {
  const used = new Set<string>();
  return (birthDate: string): string | null => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = generatePersonalCode(rng, birthDate);
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
    return null;
  };
}

/** `PREFIX-YYYY/N`: the register's style of a decision or document number. */
export const documentNumber = (rng: Rng, prefix: string, date: string) =>
  `${prefix}-${date.slice(0, 4)}/${rng.int(1, 1999)}`;
