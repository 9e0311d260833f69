import { valueText } from '../common/fieldDisplay';

/*
 * How the console shows an item of the nightly reconciliation's work queue
 * (`GET /api/register-differences`, backend/src/registers/differences-routes.ts): the card it
 * concerns, the field by the card's own label, both values as the card shows them (dates
 * DD.MM.YYYY, enumerations in words), and which actions an item allows. Pure, so it is tested.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

export type DifferenceResource = 'children' | 'adopters';

/** The fields of an item the helpers read (the API gives more). */
export interface DifferenceItem {
  id: number;
  resource: DifferenceResource;
  recordId: number;
  recordName?: string | null;
  field: string;
  ours: string | null;
  theirs: string | null;
  withheld: boolean;
  status: 'open' | 'resolved';
  assignedTo: number | null;
  version: number;
}

/** The item's field when the population register does not know the person at all. */
export const PERSON_FIELD = 'person';

/** The card of the record the item concerns (a route of the console, `#/children/7/show`). */
export const cardPath = (item: Pick<DifferenceItem, 'resource' | 'recordId'>) =>
  `/${item.resource}/${item.recordId}/show`;

/**
 * The translation key of the item's field: the card's label (`resources.<resource>.fields.…`), as
 * the register check on the card names it; the two fields the card has no column for — the whole
 * person, the register's death date — are the queue's own.
 */
export const fieldLabelKey = (item: Pick<DifferenceItem, 'resource' | 'field'>) => {
  if (item.field === PERSON_FIELD) return 'app.register_differences.person_field';
  if (item.field === 'deathDate') return 'app.register_differences.death_date_field';
  return `resources.${item.resource}.fields.${item.field}`;
};

export const fieldLabel = (item: Pick<DifferenceItem, 'resource' | 'field'>, t: Translate) =>
  t(fieldLabelKey(item), { _: item.field });

/**
 * Ours or the register's value as the card shows it; '—' when there is none; a note when the
 * reader's role may not see the field (the API withholds both values then).
 */
export const valueShown = (item: DifferenceItem, which: 'ours' | 'theirs', t: Translate) => {
  if (item.withheld) return t('app.register_differences.withheld');
  if (item.field === PERSON_FIELD) return '—';
  return valueText(item.resource, item.field, item[which], t);
};

/**
 * What the signed-in user may do with an item from the queue: assign it to themselves (an open
 * item nobody or somebody else holds), give it back (one they hold), resolve it (any open item).
 */
export const itemActions = (
  item: Pick<DifferenceItem, 'status' | 'assignedTo'>,
  me: number | string | undefined,
) => {
  const open = item.status === 'open';
  const mine =
    me !== undefined && item.assignedTo !== null && String(item.assignedTo) === String(me);
  return { assign: open && !mine, unassign: open && mine, resolve: open };
};

/** The queue's quick filter on who holds an item. */
export type Holder = 'all' | 'mine' | 'unassigned';

/** Which quick filter the list's filter values amount to. */
export const holderOf = (filter: Record<string, unknown>): Holder =>
  filter.unassigned === true ? 'unassigned' : filter.assignedTo !== undefined ? 'mine' : 'all';

/** The list's filter values with the holder chosen (the others kept as they were). */
export const withHolder = (
  filter: Record<string, unknown>,
  holder: Holder,
  me: number | string | undefined,
): Record<string, unknown> => {
  const { assignedTo: _a, unassigned: _u, ...rest } = filter;
  if (holder === 'mine' && me !== undefined) return { ...rest, assignedTo: Number(me) };
  if (holder === 'unassigned') return { ...rest, unassigned: true };
  return rest;
};
