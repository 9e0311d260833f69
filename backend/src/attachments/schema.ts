import { z } from 'zod';
import {
  attachmentCategories,
  attachmentMediaTypes,
  type AttachmentCategory,
  type AttachmentMediaType,
} from '../db/tables/child-attachments';
import { visibleGroups, type FieldGroup } from '../policies/fields';
import type { Role } from '../policies/roles';
import { DOCX } from './detect';
import { decimalId, idParams } from '../http/ids';

/**
 * The field group of the child's card each category belongs to (policies/fields.ts): a role
 * lists, downloads and deletes only attachments of the groups it may see, so a care institution
 * never gets the birth family's documents, as it never gets the birth family's fields.
 */
export const categoryGroups: Record<AttachmentCategory, FieldGroup<'children'>> = {
  photo: 'identity',
  record_sheet: 'placement',
  court_decision: 'placement',
  medical: 'health',
  birth_family: 'birthFamily',
  other: 'placement',
};

export function visibleCategories(role: Role): AttachmentCategory[] {
  const groups = new Set(visibleGroups('children', role));
  return attachmentCategories.filter((c) => groups.has(categoryGroups[c]));
}

/**
 * Categories whose file name and note may reveal special-category data (a diagnosis in
 * "Epikrīze – F84.0.pdf"): the audit trail records that they were there, never what they said.
 */
export const sensitiveCategories: ReadonlySet<AttachmentCategory> = new Set([
  'medical',
  'birth_family',
]);

const documentTypes: readonly AttachmentMediaType[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  DOCX,
];

/** Photos are images; documents may also be scans (JPEG, PNG) or Word files. */
export const allowedTypes: Record<AttachmentCategory, readonly AttachmentMediaType[]> = {
  photo: ['image/jpeg', 'image/png'],
  record_sheet: documentTypes,
  court_decision: documentTypes,
  medical: documentTypes,
  birth_family: documentTypes,
  other: documentTypes,
};

/** `PDF, JPEG, PNG or DOCX`. */
export function typeNames(types: readonly AttachmentMediaType[]): string {
  const names = types.map((t) => (t === DOCX ? 'DOCX' : t.split('/')[1]!.toUpperCase()));
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** A file name as shown and downloaded: no path, no control characters. */
const fileName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .refine((s) => !/[/\\]/.test(s), 'must be a file name without a folder (no / or \\)')
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
      .refine((s) => s !== '.' && s !== '..', 'must be a file name'),
  );

export const uploadQuery = z
  .object({
    category: z.enum(attachmentCategories),
    fileName,
    note: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .transform((s) => (s === '' ? null : s))
      .optional()
      .transform((s) => s ?? null),
  })
  .strict();

export const childParams = idParams;

export const attachmentParams = z.object({ id: decimalId(), attachmentId: decimalId() }).strict();

export const attachmentRecord = z
  .object({
    id: z.number().int(),
    childId: z.number().int(),
    category: z.enum(attachmentCategories),
    fileName: z.string(),
    mediaType: z.enum(attachmentMediaTypes),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the content (hex)' }),
    note: z.string().nullable(),
    uploadedBy: z.number().int(),
    uploadedByName: z.string().meta({ description: "The uploading user's display name" }),
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'ChildAttachment' });

export type AttachmentRecord = z.output<typeof attachmentRecord>;
