/*
 * A 409 on save: someone else saved the record since this form loaded it. The API answers the
 * record as it is now (`current`, backend/src/records/writer.ts). These pure functions find
 * the fields the other person changed and merge the user's choices, field by field.
 */
type Values = Record<string, unknown>;

/** Bookkeeping and fields the form cannot write (the status moves by its own action). */
const NOT_MERGED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'status',
  'siblingGroupId',
  'confirmLikelyDuplicate',
]);

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * A value as compared: blank is blank whatever its form (`''`, null, undefined, absent key), and
 * object keys in a fixed order, so a sub-list row typed in the form equals the API's.
 */
export const canonical = (v: unknown): unknown => {
  if (isBlank(v)) return null;
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object') {
    const entries = Object.entries(v as Values)
      .map(([k, x]) => [k, canonical(x)] as const)
      .filter(([, x]) => x !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  return v;
};

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export type Choice = 'mine' | 'theirs';

export interface ConflictField {
  field: string;
  /** As the form loaded it. */
  base: unknown;
  /** As the other person saved it. */
  theirs: unknown;
  /** As it is in the form now. */
  mine: unknown;
  /** Both changed it, to different values: the user must look. */
  bothChanged: boolean;
  /** The choice offered first: theirs where the user left the field alone, else the user's. */
  suggested: Choice;
}

/** The fields the other person changed since `base` was loaded, with the user's value beside. */
export function conflictFields(base: Values, theirs: Values, mine: Values): ConflictField[] {
  return Object.keys(theirs)
    .filter((f) => !NOT_MERGED.has(f) && !sameValue(base[f], theirs[f]))
    .map((field) => {
      const iChanged = !sameValue(base[field], mine[field]);
      const bothChanged = iChanged && !sameValue(mine[field], theirs[field]);
      return {
        field,
        base: base[field],
        theirs: theirs[field],
        mine: mine[field],
        bothChanged,
        suggested: iChanged ? 'mine' : 'theirs',
      };
    });
}

/**
 * The values to save again: the user's form with the chosen fields taken from the other person,
 * on top of the current version (so the save is against the record as it is now).
 */
export function mergedValues(
  mine: Values,
  theirs: Values,
  choices: Readonly<Record<string, Choice>>,
): Values {
  const out: Values = { ...mine, version: theirs.version };
  for (const [field, choice] of Object.entries(choices)) {
    if (choice === 'theirs') out[field] = theirs[field] ?? null;
  }
  return out;
}

/** The `current` record of a 409 problem body, if the API sent one. */
export function conflictRecord(error: unknown): Values | undefined {
  const e = error as { status?: unknown; body?: { current?: unknown } } | null;
  if (!e || e.status !== 409) return undefined;
  const current = e.body?.current;
  return current && typeof current === 'object' && !Array.isArray(current)
    ? (current as Values)
    : undefined;
}
