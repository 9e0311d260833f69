import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

// Stand-ins for the photos and documents of a child's card: a grey silhouette PNG for photos and
// a one-page PDF saying the document was replaced, for everything else. Generated here (no image
// library), the same bytes every time, and types the attachment checks accept.

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** 120×160 RGB: light background, a darker head and shoulders. */
function silhouettePng(): Buffer {
  const width = 120;
  const height = 160;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      const head = (x - 60) ** 2 + (y - 62) ** 2 < 26 ** 2;
      const shoulders = y > 100 && ((x - 60) / 52) ** 2 + ((y - 160) / 58) ** 2 < 1;
      const v = head || shoulders ? 0x9e : 0xe4;
      row[1 + x * 3] = v;
      row[2 + x * 3] = v;
      row[3 + x * 3] = v + (head || shoulders ? 0 : 8);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid one-page PDF (Helvetica, ASCII text) with a correct cross-reference table. */
function placeholderPdf(): Buffer {
  const text = 'Dokuments aizstats testa videi (pseidonimizets).';
  const stream = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export interface PlaceholderFile {
  content: Buffer;
  mediaType: 'image/png' | 'application/pdf';
  extension: 'png' | 'pdf';
  sha256: string;
}

const make = (content: Buffer, mediaType: PlaceholderFile['mediaType']): PlaceholderFile => ({
  content,
  mediaType,
  extension: mediaType === 'image/png' ? 'png' : 'pdf',
  sha256: createHash('sha256').update(content).digest('hex'),
});

let photo: PlaceholderFile | undefined;
let document: PlaceholderFile | undefined;

/** The stand-in for an attachment of this category. */
export function placeholderFile(category: string): PlaceholderFile {
  if (category === 'photo') return (photo ??= make(silhouettePng(), 'image/png'));
  return (document ??= make(placeholderPdf(), 'application/pdf'));
}
