/**
 * i18n/: the console's words in Latvian (default) and English — one file per area and language,
 * joined in lv.ts and en.ts — and the provider (this file). The values' labels (statuses,
 * enumerations) are the model's (enumMessages), not written here.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';

import en from './en';
import lv from './lv';

export type AppLocale = 'lv' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'lv';
export const LOCALE_STORAGE_KEY = 'adoption-register.locale';

export const availableLocales = [
  { locale: 'lv', name: 'Latviešu' },
  { locale: 'en', name: 'English' },
];

const messages: Record<AppLocale, TranslationMessages> = { lv, en };

const isAppLocale = (value: unknown): value is AppLocale => value === 'lv' || value === 'en';

/**
 * node-polyglot 2.6 has no Latvian rule (it would fall back to English: "21 ieraksti", wrong).
 * Latvian (CLDR): the "one" form for numbers ending in 1 except 11 (1, 21, 101 …), the plural form
 * otherwise (CLDR's separate "zero" class — 0, 10–20, 30 … — takes the same word form as "other").
 * Passing `pluralRules` replaces polyglot's table, so English is declared again.
 */
export const pluralRules = {
  pluralTypes: {
    latvian: (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 0 : 1),
    english: (n: number) => (n !== 1 ? 1 : 0),
  },
  pluralTypeToLanguages: {
    latvian: ['lv', 'lv-LV'],
    english: ['en'],
  },
};

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export const readStoredLocale = (): AppLocale => {
  try {
    const stored = storage()?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
};

const rememberLocale = (locale: string) => {
  try {
    storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the choice simply is not remembered
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

/**
 * Polyglot provider, Latvian by default. The chosen language is remembered in localStorage under
 * our own key, because react-admin's store (which also keeps the locale) is reset on logout.
 */
export const createI18nProvider = (initialLocale: AppLocale = readStoredLocale()): I18nProvider => {
  const base = polyglotI18nProvider(
    (locale) => messages[isAppLocale(locale) ? locale : DEFAULT_LOCALE],
    initialLocale,
    availableLocales,
    { pluralRules },
  );
  if (typeof document !== 'undefined') document.documentElement.lang = initialLocale;
  return {
    ...base,
    changeLocale: (locale: string, options?: unknown) =>
      base.changeLocale(locale, options).then(() => rememberLocale(locale)),
  };
};

export const i18nProvider = createI18nProvider();
