import { canonical, conflictFields, conflictRecord, mergedValues, sameValue } from './conflicts';

const base = {
  id: 7,
  version: 3,
  surname: 'Ozoliņš',
  health: 'Vesels',
  religion: null,
  relatives: [{ kind: 'mother', surname: 'Ozoliņa', givenNames: 'Ilze', birthDate: null }],
  updatedAt: '2026-01-01T10:00:00Z',
  status: 'available',
};

describe('409 merge', () => {
  it('treats blank values and key order as equal', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameValue([{ b: 2, a: 1 }], [{ a: 1, b: 2, c: '' }])).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
    expect(canonical({ z: 1, a: [{ y: '', x: 2 }] })).toEqual({ a: [{ x: 2 }], z: 1 });
  });

  it('lists only the fields the other person changed, suggesting theirs where I did not edit', () => {
    const theirs = {
      ...base,
      version: 4,
      health: 'Astma',
      religion: 'Luterāņu',
      status: 'offered',
    };
    const mine = { ...base, health: 'Alerģija', surname: 'Ozoliņš' };
    const rows = conflictFields(base, theirs, mine);
    expect(rows.map((r) => r.field)).toEqual(['health', 'religion']);
    expect(rows[0]).toMatchObject({
      base: 'Vesels',
      theirs: 'Astma',
      mine: 'Alerģija',
      bothChanged: true,
      suggested: 'mine',
    });
    expect(rows[1]).toMatchObject({ bothChanged: false, suggested: 'theirs' });
  });

  it('sees a sub-list row typed in the form as the same row the API answers', () => {
    const mine = {
      ...base,
      relatives: [{ kind: 'mother', surname: 'Ozoliņa', givenNames: 'Ilze', note: '' }],
    };
    const theirs = { ...base, version: 4, relatives: [...base.relatives, { kind: 'father' }] };
    const [row] = conflictFields(base, theirs, mine);
    expect(row).toMatchObject({ field: 'relatives', suggested: 'theirs', bothChanged: false });
  });

  it('merges the choices onto my values with the current version', () => {
    const theirs = { ...base, version: 5, health: 'Astma', religion: 'Luterāņu' };
    const mine = { ...base, health: 'Alerģija', surname: 'Ozols' };
    const merged = mergedValues(mine, theirs, { health: 'mine', religion: 'theirs' });
    expect(merged).toMatchObject({
      version: 5,
      health: 'Alerģija',
      religion: 'Luterāņu',
      surname: 'Ozols',
    });
  });

  it('reads the current record from a 409 error only', () => {
    expect(conflictRecord({ status: 409, body: { current: { id: 1 } } })).toEqual({ id: 1 });
    expect(conflictRecord({ status: 409, body: { field: 'personalCode' } })).toBeUndefined();
    expect(conflictRecord({ status: 400, body: { current: { id: 1 } } })).toBeUndefined();
    expect(conflictRecord(null)).toBeUndefined();
  });
});
