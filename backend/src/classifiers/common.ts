/**
 * classifiers/: the reference lists (klasifikatori) — territories (ATVK), orphan courts, care
 * providers, countries — one folder each with its schema and plain CRUD routes (http/crud.ts);
 * this file holds what they share (record columns, name, sort and search columns). Their data is
 * loaded by demo/; the person registers are children/ and adopters/.
 */
import { z } from 'zod';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';
import { idNumber } from '../http/ids';

/** Columns every classifier record shows besides its own fields. */
export const recordMeta = {
  id: z.number().int(),
  version: z
    .number()
    .int()
    .meta({ description: 'Send back unchanged on update; a stale one gets 409.' }),
  createdAt: z.string().meta({ format: 'date-time' }),
  updatedAt: z.string().meta({ format: 'date-time' }),
};

/** Trimmed text that must not be blank. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,25}$/, 'must be a phone number such as +371 67 123 456')
  .nullable()
  .default(null);
export const email = z
  .string()
  .trim()
  .email('must be an e-mail address')
  .max(254)
  .nullable()
  .default(null);
/** The id of another record in a body or filter (an `integer` column: larger would overflow it). */
export const reference = idNumber();

/** The derived search and sort columns for a named classifier record. */
export function nameColumns(name: string, ...alsoSearchable: (string | null | undefined)[]) {
  return {
    searchText: foldForSearch([name, ...alsoSearchable].filter(Boolean).join(' ')),
    nameSort: latvianSortKey(name),
  };
}
