import { detectType, DOCX, zipEntryNames } from './detect';
import { docx, exe, jpeg, pdf, png, zip } from './test-files';

describe('type detection by content', () => {
  it('reads the names of a ZIP archive, Latvian ones too', () => {
    expect(zipEntryNames(zip({ 'a.txt': 'x', 'mape/ģērbonis.xml': '<x/>' }))).toEqual([
      'a.txt',
      'mape/ģērbonis.xml',
    ]);
  });

  it.each([
    ['PNG', png(), 'image/png'],
    ['JPEG', jpeg(), 'image/jpeg'],
    ['PDF', pdf(), 'application/pdf'],
    ['DOCX', docx(), DOCX],
  ])('recognises %s', (_, bytes, mediaType) => {
    expect(detectType(bytes)).toEqual({ kind: 'known', mediaType });
  });

  it.each([
    ['a program', exe()],
    ['a plain ZIP', zip({ 'dati.txt': 'sveiki' })],
    ['an XLSX-like ZIP', zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<x/>' })],
    ['a ZIP cut short', docx().subarray(0, 200)],
    ['plain text', Buffer.from('%PD nav PDF')],
    ['nothing', Buffer.alloc(0)],
  ])('does not take %s for an accepted type', (_, bytes) => {
    expect(detectType(bytes)).toEqual({ kind: 'unknown' });
  });

  it('refuses a Word document with macros', () => {
    const docm = zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/vbaProject.bin': Buffer.alloc(64, 1),
    });
    expect(detectType(docm)).toMatchObject({ kind: 'refused' });
  });
});
