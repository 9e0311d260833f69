import { createHash } from 'node:crypto';
import { containsPersonalCode, MASK, maskJson, searchWords, termKeyer } from './mask';

// The pure rules of what reaches the audit trail: search terms keyed word by word, a personal
// code masked wherever else it is typed (audit/search-terms.test.ts: the same over HTTP).

const key = 'k'.repeat(32);
const keyTerm = termKeyer(key);

describe('searchWords', () => {
  it('are the words the search matches, a personal code one word with or without its hyphen', () => {
    expect(searchWords('Bērziņš  150385-12346')).toEqual(['berzins', '15038512346']);
    expect(searchWords('15038512346 bērziņš')).toEqual(['15038512346', 'berzins']);
    expect(searchWords('150385 12346')).toEqual(['15038512346']);
    // Not a code: the search's own words.
    expect(searchWords('Anna-Marija 1503-85')).toEqual(['anna', 'marija', '1503', '85']);
    expect(searchWords(' – ')).toEqual([]);
  });
});

describe('termKeyer', () => {
  it('keys each word with HMAC-SHA256 under a key of its own purpose', () => {
    const [a] = keyTerm('Bērziņš');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(keyTerm('berzins')).toEqual([a]);
    expect(keyTerm('150385-12346')).toEqual(keyTerm('15038512346'));
    expect(keyTerm('Bērziņš 150385-12346')).toEqual([a, ...keyTerm('15038512346')]);
    // Not a plain hash anyone could recompute, and another key keys differently.
    expect(a).not.toBe(createHash('sha256').update('berzins').digest('hex'));
    expect(termKeyer('z'.repeat(32))('berzins')).not.toEqual([a]);
  });
});

describe('maskJson', () => {
  it('keys search terms at any depth, leaving the other filters', () => {
    expect(
      maskJson(
        { filter: { q: 'Bērziņš', status: 'available' }, nested: [{ searchedFor: 'anna' }] },
        keyTerm,
      ),
    ).toEqual({
      filter: { q: { keyed: keyTerm('Bērziņš') }, status: 'available' },
      nested: [{ searchedFor: { keyed: keyTerm('anna') } }],
    });
  });

  it('keys a personKey (a register asked about a card not yet saved) as a search term', () => {
    // Never in clear; keyed as a search for the same code is, so `searchedFor` finds both.
    expect(maskJson({ entry: true, personKey: '15038512346' }, keyTerm)).toEqual({
      entry: true,
      personKey: { keyed: keyTerm('150385-12346') },
    });
    expect(maskJson({ personKey: '15038512346' })).toEqual({ personKey: MASK });
  });

  it('masks a search term without a keyer, and keeps null', () => {
    expect(maskJson({ q: 'Bērziņš', searchedFor: null })).toEqual({ q: MASK, searchedFor: null });
    expect(maskJson({ q: 5 }, keyTerm)).toEqual({ q: MASK });
  });

  it('masks whole any other text that holds something written like a personal code', () => {
    expect(
      maskJson(
        {
          actorUsername: '150385-12346',
          note: 'kods 15038512346 tika ievadīts',
          spaced: '150385 12346',
          recordId: '1234567890',
          requestId: '550e8400-e29b-41d4-a716-446655440000',
          total: 15038512346,
        },
        keyTerm,
      ),
    ).toEqual({
      actorUsername: MASK,
      note: MASK,
      spaced: MASK,
      recordId: '1234567890',
      requestId: '550e8400-e29b-41d4-a716-446655440000',
      total: 15038512346,
    });
  });

  it('still masks secrets and special categories by name', () => {
    expect(maskJson({ token: 'abc', nested: { health: 'Astma.' }, reason: 'reset' })).toEqual({
      token: MASK,
      nested: { health: MASK },
      reason: 'reset',
    });
  });
});

describe('containsPersonalCode', () => {
  it.each([
    ['150385-12346', true],
    ['x15038512346y', true],
    ['150385123467', false], // twelve digits: not a code
    ['15038-512346', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(containsPersonalCode(text)).toBe(expected);
  });
});
