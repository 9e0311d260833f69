import { createHmac } from 'node:crypto';
import type { Json } from '../db/tables/audit-events';
import { deriveKey } from '../db/secret-box';
import { searchTokens } from '../latvian/search';
import type { AuditChanges } from './diff';

/** What a masked value is stored as: the trail keeps that the field changed, never its value. */
export const MASK = '***';

/**
 * THE place that decides which values never reach the audit trail. A field is sensitive when its
 * name (compared without case, `_` or `-`) is listed here or starts with a listed prefix.
 * Secrets: passwords and their hashes, tokens, TOTP secrets, recovery codes, refresh tokens.
 * Special-category personal data (the Register issue extends this list as it adds fields).
 */
export const SENSITIVE_FIELDS: readonly string[] = [
  // secrets
  'password',
  'passwordHash',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'tokenHash',
  'totpSecret',
  'mfaSecret',
  'recoveryCodes',
  'secret',
  // personal data of special category (children, adopters, birth family)
  'personalCode',
  'spousePersonalCode',
  'religion',
  'furtherTreatment',
  'health',
  'healthNotes',
  'diagnosis',
  'hasDisability',
  'relatives',
  'relativesContact',
  'motherPregnancy',
  'childOpinion',
  'ethnicity',
  'motivation',
];

/** Name prefixes: anything starting with these is masked (refreshToken, refreshTokenHash, …). */
export const SENSITIVE_PREFIXES: readonly string[] = [
  'refresh',
  'password',
  'totp',
  'recovery',
  'health',
  'birthFamily',
  'disability',
];

const normalise = (field: string) => field.replace(/[_-]/g, '').toLowerCase();
const exact = new Set(SENSITIVE_FIELDS.map(normalise));
const prefixes = SENSITIVE_PREFIXES.map(normalise);

export function isSensitiveField(field: string): boolean {
  const name = normalise(field);
  return exact.has(name) || prefixes.some((p) => name.startsWith(p));
}

/** Masks old/new of every sensitive field in a diff; keeps that the field was changed. */
export function maskChanges(changes: AuditChanges): AuditChanges {
  const out: AuditChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    if (!isSensitiveField(field)) {
      out[field] = { ...change };
      continue;
    }
    const masked: { old?: Json; new?: Json } = {};
    if ('old' in change) masked.old = change.old === null ? null : MASK;
    if ('new' in change) masked.new = change.new === null ? null : MASK;
    out[field] = masked;
  }
  return out;
}

/**
 * Free search terms (`filter.q` of every list and export, the trail's own `searchedFor`): people
 * type names and personal codes into them, so they are never stored in clear. They are stored
 * keyed instead, `{"keyed":["<HMAC-SHA256 hex>", …]}` (one key per word), so that "who searched
 * for this personal code?" can still be answered (`searchedFor`, audit/routes.ts).
 */
export const SEARCH_FIELDS: readonly string[] = ['q', 'searchedFor'];

/**
 * Members of `detail` that name a person by personal code and are stored keyed as search terms
 * are: `personKey`, the code a state register was asked about for a card not yet saved
 * (registers/entry.ts). Keyed the same way, so `searchedFor` finds those queries too.
 */
export const KEYED_FIELDS: readonly string[] = ['personKey'];

const searchFields = new Set([...SEARCH_FIELDS, ...KEYED_FIELDS].map(normalise));
/** A search term or a keyed field: stored keyed (or masked without a keyer). */
export const isSearchField = (field: string): boolean => searchFields.has(normalise(field));

/** A stored search term. */
export interface KeyedTerm {
  keyed: string[];
}

/** Keys a search term word by word (the request's keyer: `termKeyer`). */
export type TermKeyer = (term: string) => string[];

/** Something written like a personal code (DDMMYY-NNNNN, 11 digits, or with a space). */
const PERSONAL_CODE = /(?<!\d)(\d{6})[-\s]?(\d{5})(?!\d)/g;

export const containsPersonalCode = (text: string): boolean => {
  PERSONAL_CODE.lastIndex = 0;
  return PERSONAL_CODE.test(text);
};

/**
 * The words a term is keyed by: the words the search itself matches (latvian/search.ts: folded,
 * split on anything but letters and digits), except that a personal code is one word with or
 * without its hyphen, so `150385-12346` and `15038512346` key alike.
 */
export function searchWords(term: string): string[] {
  return searchTokens(term.replace(PERSONAL_CODE, '$1$2'));
}

/**
 * The keyer for search terms: HMAC-SHA256 under a key derived from DATA_ENCRYPTION_KEY for this
 * purpose alone. Without the key a stored term cannot be recomputed from a guess (a personal code
 * has few enough values to guess them all); with it, the same word always keys the same.
 */
export function termKeyer(keyMaterial: string): TermKeyer {
  const key = deriveKey(keyMaterial, 'audit-search-term');
  return (term) =>
    searchWords(term).map((w) => createHmac('sha256', key).update(w, 'utf8').digest('hex'));
}

/** A search term as stored: keyed, or masked when no keyer is at hand (outside a request). */
function storedTerm(value: Json, keyTerm: TermKeyer | undefined): Json {
  if (typeof value !== 'string' || !keyTerm) return MASK;
  return { keyed: keyTerm(value) };
}

/**
 * Masks a free-form JSON value (event `detail`, list filters) at any depth: sensitive members
 * masked, search terms keyed, and any other text that holds something written like a personal
 * code masked whole (a code typed into a filter that is not a search).
 */
export function maskJson(value: Json, keyTerm?: TermKeyer): Json {
  if (Array.isArray(value)) return value.map((v) => maskJson(v, keyTerm));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] =
        v === null
          ? null
          : isSearchField(key)
            ? storedTerm(v, keyTerm)
            : isSensitiveField(key)
              ? MASK
              : maskJson(v, keyTerm);
    }
    return out;
  }
  if (typeof value === 'string' && containsPersonalCode(value)) return MASK;
  return value;
}
