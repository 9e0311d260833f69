/*
 * The pure steps of the change-request pages: which registers are proposed from a record's page,
 * what changed, what a 400 or 409 names. The fields each role proposes are the shared model's
 * (`proposalGroups`, model/src/proposals.ts); the API is the guard.
 */

/** MUI chip colour of a status: waiting orange, accepted green, returned red. */
export function statusColour(
  status: unknown,
): 'default' | 'warning' | 'success' | 'info' | 'error' {
  switch (status) {
    case 'pending':
      return 'warning';
    case 'accepted':
      return 'success';
    case 'partially_accepted':
      return 'info';
    case 'returned':
      return 'error';
    default:
      return 'default';
  }
}

/** The registers whose records a role proposes changes of, from the record's own page. */
export const proposalResources = ['children', 'sibling-groups'] as const;
export type ProposalResource = (typeof proposalResources)[number];

export const isProposalResource = (v: unknown): v is ProposalResource =>
  (proposalResources as readonly unknown[]).includes(v);

type Values = Record<string, unknown>;

const blankToNull = (v: unknown) => (v === undefined || v === '' ? null : v);
const comparable = (v: unknown): string => {
  const value = blankToNull(v);
  if (Array.isArray(value)) return JSON.stringify(value.map(normaliseRow));
  return JSON.stringify(value);
};
/** A sub-list row as the API stores it: blank inputs are null, key order does not matter. */
function normaliseRow(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return row;
  return Object.fromEntries(
    Object.entries(row as Values)
      .map(([k, v]) => [k, typeof v === 'string' ? blankToNull(v.trim()) : blankToNull(v)])
      .filter(([, v]) => v !== null)
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
  );
}

/**
 * The fields of `fields` whose value in the form differs from the record's: a proposal carries
 * only what the proposer changed (the API refuses a value the register holds already).
 */
export function changedValues(record: Values, values: Values, fields: readonly string[]): Values {
  const out: Values = {};
  for (const f of fields) {
    if (!(f in values)) continue;
    const value = typeof values[f] === 'string' ? (values[f] as string).trim() : values[f];
    if (comparable(value) === comparable(record[f])) continue;
    out[f] = Array.isArray(value) ? value.map(normaliseRow) : blankToNull(value);
  }
  return out;
}

/** A 400 of the API (`{path: 'body.changes.health', …}`) as form errors under the inputs. */
export function proposalFormErrors(body: unknown): Record<string, string> | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!errors || typeof errors !== 'object') return undefined;
  const out: Record<string, string> = {};
  // httpClient has already turned the list into `{field path: message}` without `body.`.
  for (const [path, message] of Object.entries(errors as Record<string, unknown>)) {
    const field = path.replace(/^changes\./, '');
    if (typeof message === 'string' && !(field in out)) out[field] = message;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What a refused acceptance asks of the specialist. */
export type AcceptProblem =
  | { kind: 'conflict'; fields: string[]; current: Values }
  | { kind: 'duplicate' }
  /** The card's rules need fields the proposal does not carry: the specialist completes them. */
  | { kind: 'incomplete'; fields: string[]; messages: Record<string, string> }
  | { kind: 'other'; message: string };

/** Fields of the accept request itself, not of the record. */
const OWN = new Set(['fields', 'complete', 'comment', 'version', 'override']);

export function acceptProblem(
  status: number,
  body: unknown,
  message: string,
  proposed: readonly string[],
): AcceptProblem {
  const b = (body ?? {}) as Values;
  if (status === 409 && b.code === 'changed_since_proposal' && Array.isArray(b.fields)) {
    return { kind: 'conflict', fields: b.fields as string[], current: (b.current ?? {}) as Values };
  }
  if (status === 409 && b.code === 'likely_duplicate') return { kind: 'duplicate' };
  if (status === 400 && b.errors && typeof b.errors === 'object') {
    const messages: Record<string, string> = {};
    for (const [path, text] of Object.entries(b.errors as Values)) {
      const field = path.split('.')[0]!;
      if (!proposed.includes(field) && /^[a-zA-Z]+$/.test(field) && !OWN.has(field)) {
        messages[field] ??= String(text);
      }
    }
    const fields = Object.keys(messages);
    if (fields.length) return { kind: 'incomplete', fields, messages };
  }
  return { kind: 'other', message };
}
