import { cardFieldOrder, fieldKind, inCardOrder } from './card';
import { groupedFields } from './fields';

describe('the card', () => {
  it('orders every field a group names (so a change is never listed out of place)', () => {
    for (const resource of ['children', 'adopters'] as const) {
      const order = cardFieldOrder[resource] ?? [];
      expect(groupedFields(resource).filter((f) => !order.includes(f))).toEqual([]);
    }
  });

  it('knows how a field reads: enumerations, codes, references, sub-lists, dates by name', () => {
    expect(fieldKind('children', 'status')).toEqual({ kind: 'enum', name: 'child_status' });
    expect(fieldKind('adopters', 'spousePersonalCode')).toEqual({ kind: 'personalCode' });
    expect(fieldKind('children', 'careProviderId')).toEqual({
      kind: 'reference',
      reference: 'care-providers',
    });
    expect(fieldKind('adopters', 'needWishes')).toEqual({ kind: 'list' });
    expect(fieldKind('adopters', 'wishedSex')).toEqual({ kind: 'enum', name: 'wished_sex' });
    expect(fieldKind('children', 'relatives')).toEqual({ kind: 'list' });
    expect(fieldKind('children', 'careDecisionDate')).toEqual({ kind: 'date' });
    expect(fieldKind('adopters', 'enteredOn')).toEqual({ kind: 'date' });
    expect(fieldKind('children', 'health')).toEqual({ kind: 'text' });
  });

  it('sorts entries in the card’s order, unknown fields last', () => {
    expect(
      inCardOrder('children', [
        ['note', 1],
        ['health', 2],
        ['status', 3],
        ['surname', 4],
      ]).map(([f]) => f),
    ).toEqual(['status', 'surname', 'health', 'note']);
  });
});
