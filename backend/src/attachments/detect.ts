import type { AttachmentMediaType } from '../db/tables/child-attachments';

/**
 * What a file is, from its bytes alone (never its name or the type a client declares): the
 * signatures of JPEG, PNG and PDF, and for DOCX a ZIP whose central directory lists
 * `[Content_Types].xml` and a `word/` part. A plain ZIP, an ODT or an XLSX is not a DOCX; a Word
 * file with macros (`word/vbaProject.bin`) is refused too. A small pure function rather than a
 * library: the maintained detectors are ESM-only and this API is CommonJS, and four types need
 * only these checks.
 */
export type Detected =
  | { kind: 'known'; mediaType: AttachmentMediaType }
  /** Recognised, but refused on purpose (e.g. macros): `reason` says why. */
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown' };

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

export function detectType(buf: Uint8Array): Detected {
  if (startsWith(buf, PNG)) return { kind: 'known', mediaType: 'image/png' };
  if (startsWith(buf, JPEG)) return { kind: 'known', mediaType: 'image/jpeg' };
  if (startsWith(buf, PDF)) return { kind: 'known', mediaType: 'application/pdf' };
  if (startsWith(buf, ZIP_LOCAL)) {
    const names = zipEntryNames(buf);
    if (!names) return { kind: 'unknown' };
    const isWord =
      names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'));
    if (!isWord) return { kind: 'unknown' };
    if (names.some((n) => /^word\/vbaProject\.bin$/i.test(n))) {
      return { kind: 'refused', reason: 'a Word document with macros is not accepted' };
    }
    return { kind: 'known', mediaType: DOCX };
  }
  return { kind: 'unknown' };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * The file names in a ZIP's central directory, or undefined when the structure does not hold
 * together (truncated, offsets outside the file, ZIP64, which no DOCX of this size needs).
 */
export function zipEntryNames(buf: Uint8Array): string[] | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - EOCD_SEARCH); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(end + 10);
  const size = u32(end + 12);
  const offset = u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) return undefined;
  if (offset + size > end) return undefined;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength > end) return undefined;
    names.push(decoder.decode(buf.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** How a person reads the type, for messages. */
export const typeLabels: Record<AttachmentMediaType, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'application/pdf': 'PDF document',
  [DOCX]: 'Word document (DOCX)',
};
