import type { Json } from '../db/tables/audit-events';

/**
 * Canonical JSON: object keys in code-point order at every level, no whitespace, `undefined`
 * members dropped. The same value always gives the same text, whatever order it was built in
 * and whatever order jsonb hands it back in — so a hash over it can be recomputed from the row.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(toJson(value)));
}

function canonicalValue(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = canonicalValue(value[key]!);
    return out;
  }
  return value;
}

/**
 * The value as it will come back from a jsonb column: Dates become ISO strings, `undefined`
 * members disappear (and become null inside arrays), non-finite numbers become null.
 */
export function toJson(value: unknown): Json {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as Json;
}
