import type { ColumnType, Generated } from 'kysely';

/** What a file attached to the child's card is (each maps to a field group: attachments/schema.ts). */
export const attachmentCategories = [
  'photo',
  'record_sheet', // uzskaites lapa
  'court_decision', // bāriņtiesas lēmums
  'medical',
  'birth_family',
  'other',
] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];

/** The types the register accepts, as detected from the content (attachments/detect.ts). */
export const attachmentMediaTypes = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/**
 * A photo or document of a child's card. The file is in `content` (database storage) or in
 * ATTACHMENTS_DIR under `storageKey` (directory storage): exactly one of the two. Never updated.
 */
export interface ChildAttachmentsTable {
  id: Generated<number>;
  childId: number;
  category: AttachmentCategory;
  /** As uploaded (NFC), at most 200 characters, no path separators. */
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  /** SHA-256 of the content, hex: checked again on every download. */
  sha256: string;
  /** pg reads a Buffer, PGlite a Uint8Array. */
  content: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  /** `ab/<32 hex>`: the file's path below ATTACHMENTS_DIR. */
  storageKey: ColumnType<string | null, string | null, never>;
  note: string | null;
  uploadedBy: number;
  createdAt: ColumnType<Date, never, never>;
}
