import en from '../i18n/en';
import lv from '../i18n/lv';
import {
  cardPath,
  fieldLabel,
  fieldLabelKey,
  holderOf,
  itemActions,
  valueShown,
  withHolder,
  type DifferenceItem,
} from './differences';

// The work queue's items as the console shows them: the card they link to, the field by the
// card's label, both values as the card shows them, what the user may do, the holder filter.

type Tree = { [key: string]: string | Tree };
/** A translate over the console's own messages (polyglot's `_` default, no interpolation). */
const translatorOf =
  (messages: unknown) =>
  (key: string, options?: Record<string, unknown>): string => {
    let node: string | Tree | undefined = messages as Tree;
    for (const part of key.split('.')) {
      node = node && typeof node === 'object' ? node[part] : undefined;
    }
    return typeof node === 'string' ? node : ((options?._ as string | undefined) ?? key);
  };
const lvT = translatorOf(lv);
const enT = translatorOf(en);

const item = (over: Partial<DifferenceItem> = {}): DifferenceItem => ({
  id: 1,
  resource: 'adopters',
  recordId: 42,
  recordName: 'Ozola Anna',
  field: 'declaredAddress',
  ours: 'Rīga, Brīvības iela 1',
  theirs: 'Jelgava, Lielā iela 2',
  withheld: false,
  status: 'open',
  assignedTo: null,
  version: 1,
  ...over,
});

describe('an item of the register differences’ queue', () => {
  it('links to the card of its child or adopter', () => {
    expect(cardPath(item())).toBe('/adopters/42/show');
    expect(cardPath(item({ resource: 'children', recordId: 7 }))).toBe('/children/7/show');
  });

  it('names the field as the card does, in both languages', () => {
    expect(fieldLabelKey(item())).toBe('resources.adopters.fields.declaredAddress');
    expect(fieldLabel(item(), lvT)).toBe('Deklarētā dzīvesvieta');
    expect(fieldLabel(item(), enT)).toBe('Declared address');
    expect(fieldLabel(item({ resource: 'children', field: 'disabilityGroup' }), lvT)).toBe(
      'Invaliditātes grupa',
    );
    // The two fields the card has no column for.
    expect(fieldLabel(item({ field: 'deathDate' }), lvT)).toBe('Miršanas datums');
    expect(fieldLabel(item({ field: 'person' }), lvT)).toMatch(/^Persona/);
    expect(fieldLabel(item({ field: 'person' }), enT)).toMatch(/^Person/);
    // Every field the reconciliation compares has a label in both languages.
    const compared = {
      children: ['givenNames', 'surname', 'birthDate', 'sex', 'deathDate', 'disabilityGroup'],
      adopters: ['declaredAddress', 'spouseGivenNames', 'spouseSurname', 'spouseBirthDate'],
    } as const;
    for (const [resource, fields] of Object.entries(compared)) {
      for (const field of fields) {
        const it = item({ resource: resource as DifferenceItem['resource'], field });
        expect(fieldLabel(it, lvT)).not.toBe(field);
        expect(fieldLabel(it, enT)).not.toBe(field);
      }
    }
  });

  it('shows values as the card does: dates in Latvian form, enumerations in words', () => {
    const born = item({ field: 'birthDate', ours: '2015-03-09', theirs: '2015-03-19' });
    expect(valueShown(born, 'ours', lvT)).toBe('09.03.2015');
    expect(valueShown(born, 'theirs', enT)).toBe('19.03.2015');
    const died = item({ field: 'deathDate', ours: null, theirs: '2026-01-02' });
    expect(valueShown(died, 'ours', lvT)).toBe('—');
    expect(valueShown(died, 'theirs', lvT)).toBe('02.01.2026');
    const sex = item({ resource: 'children', field: 'sex', ours: 'female', theirs: 'male' });
    expect(valueShown(sex, 'ours', lvT)).toBe(lvT('app.enums.sex.female'));
    expect(valueShown(sex, 'ours', lvT)).not.toBe('female');
    expect(valueShown(item(), 'theirs', lvT)).toBe('Jelgava, Lielā iela 2');
  });

  it('says a value is hidden from the role instead of showing nothing', () => {
    const hidden = item({ withheld: true, ours: null, theirs: null });
    expect(valueShown(hidden, 'ours', lvT)).toMatch(/slēpts/);
    expect(valueShown(hidden, 'theirs', enT)).toMatch(/hidden/);
  });

  it('offers assigning, giving back and resolving as the item’s holder allows', () => {
    expect(itemActions(item(), 5)).toEqual({ assign: true, unassign: false, resolve: true });
    expect(itemActions(item({ assignedTo: 5 }), 5)).toEqual({
      assign: false,
      unassign: true,
      resolve: true,
    });
    // The identity's id may come as text.
    expect(itemActions(item({ assignedTo: 5 }), '5').unassign).toBe(true);
    // Somebody else's: the user may take it over.
    expect(itemActions(item({ assignedTo: 9 }), 5)).toEqual({
      assign: true,
      unassign: false,
      resolve: true,
    });
    expect(itemActions(item({ status: 'resolved', assignedTo: 5 }), 5)).toEqual({
      assign: false,
      unassign: false,
      resolve: false,
    });
  });

  it('filters by holder: mine, unassigned or all, keeping the other filters', () => {
    const open = { status: 'open', kind: 'address' };
    expect(holderOf(open)).toBe('all');
    const mine = withHolder(open, 'mine', '5');
    expect(mine).toEqual({ status: 'open', kind: 'address', assignedTo: 5 });
    expect(holderOf(mine)).toBe('mine');
    const nobody = withHolder(mine, 'unassigned', 5);
    expect(nobody).toEqual({ status: 'open', kind: 'address', unassigned: true });
    expect(holderOf(nobody)).toBe('unassigned');
    expect(withHolder(nobody, 'all', 5)).toEqual(open);
    // Without an identity yet, "mine" filters nothing rather than everybody's.
    expect(withHolder(open, 'mine', undefined)).toEqual(open);
  });
});
