import type { Language } from '@adoption/model';

/**
 * The exported files' own words, in the two languages the console speaks (`lang=lv|en`). The
 * labels of enumeration values are the shared model's (`fileLabel`, model/src/labels.ts), so a
 * file reads like the screen.
 */
export type ExportLang = Language;

const l = (lv: string, en: string) => ({ lv, en });

export const words = {
  yes: l('jā', 'yes'),
  no: l('nē', 'no'),
  since: l('kopš', 'since'),
  child: l('bērns', 'child'),
  noReason: l('bez pamatojuma', 'no reason given'),
  sheet: l('Saraksts', 'List'),
  children: l('berni', 'children'),
  adopters: l('adoptetaji', 'adopters'),
} satisfies Record<string, Record<Language, string>>;
