import englishMessages from 'ra-language-english';

import en from './en';
import { availableLocales, createI18nProvider, DEFAULT_LOCALE, pluralRules } from './i18nProvider';
import lv from './lv';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
};

const lvFlat = flatten(lv as unknown as Tree);
const enFlat = flatten(en as unknown as Tree);
const raEnglishFlat = flatten(englishMessages as unknown as Tree);

const placeholders = (text: string): string[] =>
  [...text.matchAll(/%\{([^}]+)\}/g)].map((m) => m[1] ?? '').sort();

const pluralForms = (text: string): number => text.split('||||').length;

// ra-language-english itself keeps this one blank on purpose (the "unset" option).
const BLANK_ON_PURPOSE = new Set(['ra.boolean.null']);

describe('console translations', () => {
  it('lv and en have exactly the same keys', () => {
    const lvKeys = [...lvFlat.keys()].sort();
    const enKeys = [...enFlat.keys()].sort();
    expect(lvKeys.filter((k) => !enFlat.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !lvFlat.has(k))).toEqual([]);
    expect(lvKeys).toEqual(enKeys);
  });

  it('covers every message of ra-language-english', () => {
    expect(raEnglishFlat.size).toBeGreaterThan(150);
    const missing = [...raEnglishFlat.keys()].filter((k) => !lvFlat.has(k));
    expect(missing).toEqual([]);
  });

  it('has no empty value', () => {
    for (const [flat, name] of [
      [lvFlat, 'lv'],
      [enFlat, 'en'],
    ] as const) {
      const empty = [...flat.entries()]
        .filter(([key, value]) => value === '' || (!BLANK_ON_PURPOSE.has(key) && !value.trim()))
        .map(([key]) => `${name}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('keeps every %{placeholder} of the English message in its Latvian twin', () => {
    const lost: string[] = [];
    for (const [key, english] of enFlat) {
      const latvian = lvFlat.get(key) ?? '';
      const have = new Set(placeholders(latvian));
      for (const p of placeholders(english)) if (!have.has(p)) lost.push(`${key}: %{${p}}`);
    }
    expect(lost).toEqual([]);
  });

  it('uses no placeholder the English message does not know', () => {
    const invented: string[] = [];
    for (const [key, latvian] of lvFlat) {
      const known = new Set(placeholders(enFlat.get(key) ?? ''));
      for (const p of placeholders(latvian)) if (!known.has(p)) invented.push(`${key}: %{${p}}`);
    }
    expect(invented).toEqual([]);
  });

  it('gives plural messages two forms in Latvian, each with the count when English has a count', () => {
    for (const [key, english] of enFlat) {
      const latvian = lvFlat.get(key) ?? '';
      expect(`${key}: ${pluralForms(latvian)}`).toBe(`${key}: ${pluralForms(english)}`);
      // Latvian form 0 also serves 21, 31, 101 …, so it must print the number.
      if (pluralForms(latvian) > 1 && english.includes('%{smart_count}')) {
        for (const form of latvian.split('||||')) expect(form).toContain('%{smart_count}');
      }
    }
  });

  it('writes real Latvian with diacritics', () => {
    expect(lv.ra.action.save).toBe('Saglabāt');
    expect(lv.ra.action.delete).toBe('Dzēst');
    expect(lv.ra.action.edit).toBe('Labot');
    expect(lv.ra.auth.sign_in).toBe('Pieslēgties');
    expect(lv.ra.auth.username).toBe('Lietotājvārds');
    expect(lv.ra.boolean.true).toBe('Jā');
    expect(lv.ra.validation.required).toBe('Obligāts lauks');
    expect(lvFlat.get('app.title')).toBe('Adopcijas reģistrs');
    expect(lvFlat.get('app.environment.test')).toBe('TESTA VIDE — dati nav īsti');
    expect(lvFlat.get('app.environment.dev')).toBe('IZSTRĀDES VIDE');
    expect(lvFlat.get('resources.territories.name')).toBe('Teritorija |||| Teritorijas');
    expect(lvFlat.get('resources.orphan-courts.name')).toBe('Bāriņtiesa |||| Bāriņtiesas');
    expect(lvFlat.get('resources.care-providers.name')).toBe(
      'Aprūpes iestāde |||| Aprūpes iestādes',
    );
    expect(lvFlat.get('resources.countries.name')).toBe('Valsts |||| Valstis');
    expect(lvFlat.get('resources.territories.fields.atvkCode')).toBe('ATVK kods');
    expect(lvFlat.get('app.enums.territory_kind.state_city')).toBe('Valstspilsēta');
    expect(lvFlat.get('app.enums.care_provider_kind.family_type_home')).toBe(
      'Ģimeniskai videi pietuvināts pakalpojums',
    );
    // The letters with diacritics survived (č simply occurs in no message yet).
    const all = [...lvFlat.values()].join(' ').toLowerCase();
    for (const letter of 'āēģīķļņšūž') expect(all).toContain(letter);
    // No ASCII stand-ins for Latvian words slipped in.
    for (const ascii of ['saglabat', 'dzest', 'lietotajvards', 'pieslegties', 'ludzu']) {
      expect(all).not.toContain(ascii);
    }
    // …and no Latvian message is just the English one copied over (a few neutral ones excepted).
    const neutral = new Set(['ra.page.list', 'ra.boolean.null']);
    const copied = [...raEnglishFlat.entries()]
      .filter(([key, value]) => !neutral.has(key) && lvFlat.get(key) === value)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});

describe('i18nProvider', () => {
  it('speaks Latvian by default and offers lv and en', () => {
    expect(DEFAULT_LOCALE).toBe('lv');
    expect(availableLocales).toEqual([
      { locale: 'lv', name: 'Latviešu' },
      { locale: 'en', name: 'English' },
    ]);
    const provider = createI18nProvider();
    expect(provider.getLocale()).toBe('lv');
    expect(provider.translate('ra.action.save')).toBe('Saglabāt');
    expect(provider.translate('resources.territories.name', { smart_count: 2 })).toBe(
      'Teritorijas',
    );
  });

  it.each([
    [1, 'Atjaunināts 1 ieraksts'],
    [2, 'Atjaunināti 2 ieraksti'],
    [11, 'Atjaunināti 11 ieraksti'],
    [21, 'Atjaunināts 21 ieraksts'],
    [0, 'Atjaunināti 0 ieraksti'],
    [101, 'Atjaunināts 101 ieraksts'],
    [111, 'Atjaunināti 111 ieraksti'],
  ])('applies the Latvian plural rule to %i', (count, text) => {
    const provider = createI18nProvider('lv');
    expect(provider.translate('ra.notification.updated', { smart_count: count })).toBe(text);
  });

  it('keeps the English rule in English', async () => {
    const provider = createI18nProvider('lv');
    await provider.changeLocale('en');
    expect(provider.getLocale()).toBe('en');
    expect(provider.translate('ra.notification.updated', { smart_count: 1 })).toBe(
      'Element updated',
    );
    expect(provider.translate('ra.notification.updated', { smart_count: 21 })).toBe(
      '21 elements updated',
    );
    expect(provider.translate('app.environment.test')).toBe('TEST ENVIRONMENT — not real data');
  });

  it('maps lv and en to their own plural types', () => {
    expect(pluralRules.pluralTypeToLanguages.latvian).toContain('lv');
    expect(pluralRules.pluralTypeToLanguages.english).toContain('en');
  });
});
