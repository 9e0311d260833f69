import {
  acceptFor,
  dispositionName,
  DOCX_TYPE,
  formatSize,
  uploadType,
  visibleCategories,
} from './attachmentFiles';

describe('attachment helpers', () => {
  it.each([
    [0, 'lv', '0 B'],
    [812, 'lv', '812 B'],
    [1024, 'lv', '1 KB'],
    [3482, 'lv', '3,4 KB'],
    [3482, 'en', '3.4 KB'],
    [150_000, 'lv', '146 KB'],
    [1_572_864, 'lv', '1,5 MB'],
    [10 * 1024 * 1024, 'lv', '10 MB'],
  ])('writes %i bytes in %s as %s', (bytes, locale, text) => {
    expect(formatSize(bytes, locale)).toBe(text);
  });

  it('uploads with the browser’s type, or the extension’s where the browser has none', () => {
    expect(uploadType({ name: 'a.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(uploadType({ name: 'Lēmums.DOCX', type: '' })).toBe(DOCX_TYPE);
    expect(uploadType({ name: 'foto.jpg', type: 'application/octet-stream' })).toBe('image/jpeg');
    expect(uploadType({ name: 'programma.exe', type: '' })).toBe('application/octet-stream');
  });

  it('offers images only for photos', () => {
    expect(acceptFor('photo')).not.toContain('pdf');
    expect(acceptFor('medical')).toContain('.docx');
  });

  it('shows the categories of the field groups the user reads', () => {
    // A care institution: no birth family.
    expect(visibleCategories(['identity', 'placement', 'health'])).toEqual([
      'photo',
      'record_sheet',
      'court_decision',
      'medical',
      'other',
    ]);
    expect(visibleCategories([])).toEqual([]);
  });

  it('reads the Latvian file name of a download', () => {
    const name = 'Ģirta Bērziņa lēmums (2025).pdf';
    expect(
      dispositionName(
        `attachment; filename="Girta Berzina lemums (2025).pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      ),
    ).toBe(name);
    expect(dispositionName('attachment; filename="a.pdf"')).toBe('a.pdf');
    expect(dispositionName(null)).toBeUndefined();
  });
});
