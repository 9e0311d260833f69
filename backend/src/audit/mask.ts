import type { Json } from '../db/tables/audit-events';
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

/** Masks sensitive members at any depth of a free-form JSON value (event `detail`, list filters). */
export function maskJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = isSensitiveField(key) && v !== null ? MASK : maskJson(v);
    }
    return out;
  }
  return value;
}
