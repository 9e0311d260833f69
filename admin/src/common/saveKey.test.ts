import { isSaveKey } from './saveKey';

describe('keyboard save', () => {
  it('answers Ctrl+S and ⌘S, not plain s or AltGr combinations', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>>) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...mods,
    });
    expect(isSaveKey(key('s', { ctrlKey: true }))).toBe(true);
    expect(isSaveKey(key('S', { ctrlKey: true }))).toBe(true);
    expect(isSaveKey(key('s', { metaKey: true }))).toBe(true);
    expect(isSaveKey(key('s', {}))).toBe(false);
    // Ctrl+Alt is AltGr on Windows: "š" on a Latvian keyboard is typed so.
    expect(isSaveKey(key('s', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
