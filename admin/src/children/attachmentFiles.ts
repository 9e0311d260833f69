/**
 * Pure helpers of the child's photos and documents (Attachments.tsx). The API decides what it
 * accepts (by content); these only help the person choose and read.
 */

export const attachmentCategories = [
  'photo',
  'record_sheet',
  'court_decision',
  'medical',
  'birth_family',
  'other',
] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];

/** The field group each category belongs to, as the API's attachments/schema.ts says. */
export const categoryGroup: Record<AttachmentCategory, string> = {
  photo: 'identity',
  record_sheet: 'placement',
  court_decision: 'placement',
  medical: 'health',
  birth_family: 'birthFamily',
  other: 'placement',
};

/** The categories whose field group the user may read. */
export const visibleCategories = (groups: readonly string[]): AttachmentCategory[] =>
  attachmentCategories.filter((c) => groups.includes(categoryGroup[c]));

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: DOCX_TYPE,
};

/**
 * The Content-Type to upload a file with: the browser's type, or, where the system has none for
 * it (DOCX on some computers), the one its extension suggests. The API checks it against the
 * content either way.
 */
export function uploadType(file: { name: string; type: string }): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return byExtension[extension] ?? 'application/octet-stream';
}

/** What the file picker offers for a category. */
export const acceptFor = (category: AttachmentCategory): string =>
  category === 'photo'
    ? 'image/jpeg,image/png,.jpg,.jpeg,.png'
    : `application/pdf,${DOCX_TYPE},image/jpeg,image/png,.pdf,.docx,.jpg,.jpeg,.png`;

/**
 * `812 B`, `3,4 KB`, `1,5 MB` (Latvian: decimal comma) or `1.5 MB` (English); units of 1,024.
 * Written out rather than Intl, whose Latvian data differs between browsers.
 */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  const number = rounded.replace(/\.0$/, '');
  return `${locale === 'lv' ? number.replace('.', ',') : number} ${units[unit]}`;
}

/** The file name of a download: the UTF-8 `filename*` of Content-Disposition, else `filename`. */
export function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1];
}
