import type { FieldError } from './problem';

/**
 * What every value a client sends must satisfy before any schema or handler sees it, and the one
 * safe way to look up a key the client chose.
 */

/**
 * `record[key]` only when `key` is the record's own: a client's `constructor`, `toString` or
 * `__proto__` (an own key after JSON.parse) would otherwise find Object.prototype's members.
 */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Deeper than any body or filter of the API; deep enough JSON overflows recursive code later. */
export const MAX_DEPTH = 32;
/** A hostile body can hold thousands of bad values; the first few name the problem. */
const MAX_ERRORS = 20;

/** A key as a path segment: NUL visible, and not the whole of a 100,000-character key. */
const segment = (key: string) => {
  const shown = key.replace(/\0/g, '\\u0000');
  return shown.length > 100 ? `${shown.slice(0, 100)}…` : shown;
};

/**
 * NUL characters (PostgreSQL text cannot hold one: the statement fails, and its error log would
 * get the rest of the value) and nesting deeper than MAX_DEPTH, anywhere in a parsed input, keys
 * included, as field errors under `where` (`body.username`, `query.filter.q`). Iterative, so no
 * nesting overflows it.
 */
export function inputErrors(value: unknown, where: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string, number][] = [[value, where, 0]];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) errors.push(nulError(path));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      errors.push({
        path,
        code: 'too_deep',
        message: `must not nest deeper than ${MAX_DEPTH} levels`,
      });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v);
    // Pushed in reverse so that errors come out in the input's order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const at = `${path}.${segment(key)}`;
      if (key.includes('\0')) errors.push(nulError(at));
      stack.push([item, at, depth + 1]);
    }
  }
  return errors;
}

function nulError(path: string): FieldError {
  return { path, code: 'nul_character', message: 'must not contain the NUL character (\\u0000)' };
}
