import { fieldKind, inCardOrder } from '@adoption/model';
import { listSummary, rowText, valueText } from './fieldDisplay';

// A translate stand-in that shows the key and its arguments.
const t = (key: string, options?: Record<string, unknown>) => {
  const args = Object.entries(options ?? {})
    .filter(([k]) => k !== '_')
    .map(([k, v]) => `${k}=${String(v)}`);
  return args.length ? `${key}(${args.join(',')})` : key;
};

describe('field values on the timeline', () => {
  it('knows the kind of each field', () => {
    expect(fieldKind('children', 'sex')).toEqual({ kind: 'enum', name: 'sex' });
    expect(fieldKind('children', 'relatives')).toEqual({ kind: 'list' });
    expect(fieldKind('children', 'consentDate')).toEqual({ kind: 'date' });
    expect(fieldKind('adopters', 'countryId')).toEqual({
      kind: 'reference',
      reference: 'countries',
    });
    expect(fieldKind('adopters', 'motivation')).toEqual({ kind: 'text' });
  });

  it("reads a sibling group's separation decision: yes/no, the court by name, the date", () => {
    expect(fieldKind('sibling-groups', 'separationOrphanCourtId')).toEqual({
      kind: 'reference',
      reference: 'orphan-courts',
    });
    expect(valueText('sibling-groups', 'mayBeSeparated', true, t)).toBe('ra.boolean.true');
    expect(valueText('sibling-groups', 'mayBeSeparated', false, t)).toBe('ra.boolean.false');
    expect(valueText('sibling-groups', 'separationDecisionDate', '2026-03-02', t)).toBe(
      '02.03.2026',
    );
    expect(valueText('sibling-groups', 'separationDecisionNumber', 'BT-2026/14', t)).toBe(
      'BT-2026/14',
    );
  });

  it('says values in words: dates in Latvian form, enums and booleans translated', () => {
    expect(valueText('children', 'birthDate', '2014-05-14', t)).toBe('14.05.2014');
    expect(valueText('children', 'careForm', 'foster_family', t)).toBe(
      'app.enums.care_form.foster_family',
    );
    expect(valueText('children', 'legallyFree', true, t)).toBe('ra.boolean.true');
    expect(valueText('children', 'personalCode', '14051410004', t)).toBe('140514-10004');
    expect(valueText('children', 'health', null, t)).toBe('—');
    expect(valueText('children', 'health', '', t)).toBe('—');
  });

  it('puts a sub-list row in one line', () => {
    expect(
      rowText(
        'relatives',
        { kind: 'mother', surname: 'Ozoliņa', givenNames: 'Ilze', birthDate: '1990-03-12' },
        t,
      ),
    ).toBe('app.enums.relative_kind.mother: Ozoliņa Ilze, app.card.born(date=12.03.1990)');
    expect(rowText('healthConditions', { condition: 'Astma', icd10: 'J45', since: null }, t)).toBe(
      'J45 Astma',
    );
    expect(
      rowText('refusals', { refusedOn: '2025-02-01', reason: 'Par tālu', childId: 4 }, t),
    ).toBe('01.02.2025: Par tālu, app.card.child_ref(id=4)');
    expect(
      rowText('needWishes', { need: 'disability', answer: 'consider', note: 'Pēc sarunas' }, t),
    ).toBe('app.enums.health_acceptance.disability: app.enums.need_answer.consider, Pēc sarunas');
  });

  it('counts sub-list rows added, removed and changed', () => {
    const mother = { kind: 'mother', surname: 'Ozoliņa', givenNames: 'Ilze' };
    const father = { kind: 'father', surname: 'Ozoliņš', givenNames: 'Jānis' };
    const sister = { kind: 'sister', surname: 'Ozoliņa', givenNames: 'Anna' };
    expect(listSummary([], [mother])).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(listSummary([mother, father], [father])).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(listSummary([mother], [{ ...mother, note: 'Rīgā' }, sister])).toEqual({
      added: 1,
      removed: 0,
      changed: 1,
    });
    // Moved rows and blank fields are no change.
    expect(listSummary([mother, father], [{ ...father, note: null }, mother])).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
    });
    expect(listSummary(null, undefined)).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it("lists changed fields in the card's order", () => {
    const entries: [string, number][] = [
      ['relatives', 1],
      ['unknownField', 2],
      ['surname', 3],
      ['health', 4],
    ];
    expect(inCardOrder('children', entries).map(([f]) => f)).toEqual([
      'surname',
      'health',
      'relatives',
      'unknownField',
    ]);
  });
});
