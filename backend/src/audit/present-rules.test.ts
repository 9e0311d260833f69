import { maskedEvent, shownEvent, type FieldRules } from './present';

// The presenter's pure rules (audit/present.test.ts: the same over HTTP, per role).

const event = (over: object = {}) => ({
  id: 7,
  resource: 'children',
  recordId: '5',
  recordIds: null,
  changes: {
    surname: { old: 'Ozola', new: 'Bērziņa' },
    consent: { new: 'given' },
    disabilityGroup: { old: null, new: 'II' },
  },
  detail: { changeRequestId: 3, changedOn: '2026-01-02', view: 'changes' },
  ...over,
});

const rules = (over: Partial<FieldRules> = {}): FieldRules => ({
  hidden: new Set(),
  all: false,
  keepNames: false,
  maskOld: false,
  ...over,
});

describe('maskedEvent: for a caller who may not read the record', () => {
  it('keeps ids, field names and whether there was an old and a new value; masks every value', () => {
    const shown = maskedEvent(event());
    expect(shown).toMatchObject({ id: 7, resource: 'children', recordId: '5' });
    expect(shown.changes).toEqual({
      surname: { old: '***', new: '***' },
      consent: { new: '***' },
      disabilityGroup: { old: '***', new: '***' },
    });
  });

  it('keeps the structure of detail (ids, views, filter names), masks the rest', () => {
    expect(maskedEvent(event()).detail).toEqual({
      changeRequestId: 3,
      changedOn: '***',
      view: 'changes',
    });
    const list = maskedEvent(
      event({
        recordId: null,
        recordIds: ['5', '6'],
        changes: null,
        detail: {
          filter: { id: [5, 6], consent: 'refused', q: { keyed: ['ab'] } },
          sort: ['surname', 'ASC'],
          range: [0, 24],
          total: 2,
          childIds: [5],
          somethingNew: 'x',
        },
      }),
    );
    expect(list.recordIds).toEqual(['5', '6']);
    expect(list.detail).toEqual({
      filter: { id: [5, 6], consent: '***', q: { keyed: ['ab'] } },
      sort: ['surname', 'ASC'],
      range: [0, 24],
      total: 2,
      childIds: [5],
      somethingNew: '***',
    });
  });
});

describe('shownEvent: for a caller who may read the record', () => {
  it('shows everything its role may see', () => {
    expect(shownEvent(event(), rules())).toEqual(event());
  });

  it('leaves out the fields its role may not see, or masks them for an audit reader', () => {
    const hidden = new Set(['consent', 'disabilityGroup']);
    expect(shownEvent(event(), rules({ hidden })).changes).toEqual({
      surname: { old: 'Ozola', new: 'Bērziņa' },
    });
    expect(shownEvent(event(), rules({ hidden, keepNames: true })).changes).toEqual({
      surname: { old: 'Ozola', new: 'Bērziņa' },
      consent: { new: '***' },
      disabilityGroup: { old: '***', new: '***' },
    });
  });

  it("masks a list's filter that discloses a hidden field", () => {
    const list = event({
      recordId: null,
      recordIds: ['5'],
      changes: null,
      detail: { filter: { consent: 'refused', sex: 'female' } },
    });
    expect(shownEvent(list, rules({ hidden: new Set(['consent']) })).detail).toEqual({
      filter: { consent: '***', sex: 'female' },
    });
  });

  it('shows nothing of an attachment the role may not see but its ids', () => {
    const attach = event({
      changes: { category: { new: 'birth_family' }, fileName: { new: '***' } },
      detail: { attachmentId: 9 },
    });
    const shown = shownEvent(attach, rules({ all: true }));
    expect(shown.changes).toEqual({});
    expect(shown.detail).toEqual({ attachmentId: 9 });
  });

  it('masks the old values for a proposer whose record has left its scope', () => {
    const request = event({
      resource: 'change-requests',
      changes: { personality: { old: 'Kautrīga.', new: 'Atklāta.' } },
    });
    expect(shownEvent(request, rules({ maskOld: true })).changes).toEqual({
      personality: { old: '***', new: 'Atklāta.' },
    });
  });
});
