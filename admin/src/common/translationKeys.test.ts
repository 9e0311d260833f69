import { cardFieldOrder } from '@adoption/model';
import en from '../i18n/en';
import lv from '../i18n/lv';

// Every literal translation key the card and adopter screens use exists in both languages, so no
// raw `app.card.…` or `resources.children.fields.…` reaches the screen.
type Tree = { [key: string]: string | Tree };

// The console's tsconfig has no Node types; jest runs this file in Node.
declare const require: (id: string) => unknown;
declare const __dirname: string;
const { readdirSync, readFileSync } = require('node:fs') as {
  readdirSync(dir: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
};
const { join } = require('node:path') as { join(...parts: string[]): string };

const has = (tree: Tree, key: string) => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return false;
    node = node[part];
  }
  return typeof node === 'string';
};

const dirs = [
  'children',
  'adopters',
  'common',
  'people',
  'sibling-groups',
  'offers',
  'registers',
  'register-differences',
].map((d) => join(__dirname, '..', d));
const sources = dirs.flatMap((dir) =>
  readdirSync(dir)
    // (Attachments.tsx belongs to another part, with tests of its own.)
    .filter(
      (f) =>
        /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !/^(Attachments|attachmentFiles)/.test(f),
    )
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);
const keys = [
  ...new Set(
    sources.flatMap((text) =>
      [...text.matchAll(/['"`]((?:app|resources|ra)\.[A-Za-z0-9_.-]+[A-Za-z0-9_])['"`]/g)].map(
        (m) => m[1]!,
      ),
    ),
  ),
];

describe('translation keys of the cards', () => {
  it('finds the keys it checks', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'app.conflict.title',
        'app.card.consent_none',
        'app.register_differences.assign_me',
      ]),
    );
  });

  it.each(keys)('%s exists in Latvian and English', (key) => {
    expect(has(lv as unknown as Tree, key)).toBe(true);
    expect(has(en as unknown as Tree, key)).toBe(true);
  });
});

describe('field labels of the cards', () => {
  const fields = Object.entries(cardFieldOrder).flatMap(([resource, list]) =>
    list.map((field) => `resources.${resource}.fields.${field}`),
  );
  it.each(fields)('%s has a label in Latvian and English', (key) => {
    expect(has(lv as unknown as Tree, key)).toBe(true);
    expect(has(en as unknown as Tree, key)).toBe(true);
  });
});
