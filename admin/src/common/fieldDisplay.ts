import { formatLvDate } from './dates';
import { formatPersonalCode } from './personalCode';

/*
 * How a field's value reads on a timeline, in a change request's table or beside another in the
 * conflict dialog (children, adopters, sibling groups): enumerations translated, dates DD.MM.YYYY,
 * personal codes DDMMYY-NNNNN, references by name, sub-lists row by row. Pure, so the rules are
 * tested; FieldValue.tsx renders them.
 */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'personalCode' }
  | { kind: 'number' }
  /** `app.enums.<name>.<value>` */
  | { kind: 'enum'; name: string }
  /** A list of enumeration values (an adopter's accepted health conditions). */
  | { kind: 'enumList'; name: string }
  | { kind: 'reference'; reference: string }
  /** A sub-list of rows (relatives, health conditions, refusals). */
  | { kind: 'list' };

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const bool = { kind: 'boolean' } as const;
const code = { kind: 'personalCode' } as const;
const num = { kind: 'number' } as const;
const list = { kind: 'list' } as const;
const enumOf = (name: string) => ({ kind: 'enum', name }) as const;
const ref = (reference: string) => ({ kind: 'reference', reference }) as const;

const kinds: Record<string, Record<string, FieldKind>> = {
  children: {
    status: enumOf('child_status'),
    sex: enumOf('sex'),
    personalCode: code,
    nationalityKind: enumOf('nationality_kind'),
    careForm: enumOf('care_form'),
    careOrphanCourtId: ref('orphan-courts'),
    careProviderId: ref('care-providers'),
    siblingGroupId: ref('sibling-groups'),
    disabilityGroup: enumOf('disability_group'),
    consent: enumOf('consent'),
    doesNotWishAdoption: bool,
    clearedAbroad: bool,
    legallyFree: bool,
    relatives: list,
    healthConditions: list,
  },
  adopters: {
    status: enumOf('adopter_status'),
    origin: enumOf('adopter_origin'),
    personalCode: code,
    spousePersonalCode: code,
    preferredLanguage: enumOf('language'),
    orphanCourtId: ref('orphan-courts'),
    countryId: ref('countries'),
    wishedChildrenCount: num,
    wishedSex: enumOf('wished_sex'),
    wishedAgeFrom: num,
    wishedAgeTo: num,
    acceptedHealth: { kind: 'enumList', name: 'health_acceptance' },
    acceptsSiblings: bool,
    refusals: list,
  },
  'sibling-groups': {
    mayBeSeparated: bool,
    separationOrphanCourtId: ref('orphan-courts'),
  },
};

const DATE_FIELD = /(Date|On|From|Until)$/;

export function fieldKind(resource: string, field: string): FieldKind {
  return kinds[resource]?.[field] ?? (DATE_FIELD.test(field) ? date : text);
}

export const isBlank = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Record<string, unknown>;

const str = (v: unknown) => (isBlank(v) ? '' : String(v));

/** One sub-list row in a line: "Māte: Ozoliņa Ilze, dz. 12.03.1990, Rīga". */
export function rowText(field: string, row: Row, translate: Translate): string {
  const parts = (...xs: string[]) => xs.filter(Boolean).join(', ');
  if (field === 'relatives') {
    const kind = translate(`app.enums.relative_kind.${str(row.kind)}`, { _: str(row.kind) });
    const born = row.birthDate
      ? translate('app.card.born', { date: formatLvDate(row.birthDate) })
      : '';
    return `${kind}: ${parts(`${str(row.surname)} ${str(row.givenNames)}`.trim(), born, str(row.residence), str(row.note))}`;
  }
  if (field === 'healthConditions') {
    const since = row.since ? translate('app.card.since', { date: formatLvDate(row.since) }) : '';
    return parts(`${str(row.icd10)} ${str(row.condition)}`.trim(), since, str(row.treatment));
  }
  if (field === 'refusals') {
    const child = row.childId ? translate('app.card.child_ref', { id: String(row.childId) }) : '';
    return `${formatLvDate(row.refusedOn)}: ${parts(str(row.reason), child)}`;
  }
  return JSON.stringify(row);
}

/** A plain value in words ('' for a reference or a sub-list, which FieldValue renders itself). */
export function valueText(resource: string, field: string, value: unknown, translate: Translate) {
  if (isBlank(value)) return '—';
  const kind = fieldKind(resource, field);
  switch (kind.kind) {
    case 'date':
      return formatLvDate(value) || String(value);
    case 'boolean':
      return translate(`ra.boolean.${String(value === true)}`);
    case 'personalCode':
      return formatPersonalCode(String(value));
    case 'enum':
      return translate(`app.enums.${kind.name}.${String(value)}`, { _: String(value) });
    case 'enumList':
      return (Array.isArray(value) ? value : [value])
        .map((v) => translate(`app.enums.${kind.name}.${String(v)}`, { _: String(v) }))
        .join(', ');
    case 'list':
      return (Array.isArray(value) ? value : [])
        .map((r) => rowText(field, (r ?? {}) as Row, translate))
        .join('; ');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const rowKey = (r: unknown) =>
  JSON.stringify(
    Object.entries((r ?? {}) as Row)
      .filter(([, v]) => !isBlank(v))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * A sub-list change in counts: rows added, removed and changed. Rows equal in both lists are
 * unchanged wherever they moved; of the rest, as many as both sides have count as changed.
 */
export function listSummary(before: unknown, after: unknown) {
  const old = Array.isArray(before) ? before.map(rowKey) : [];
  const now = Array.isArray(after) ? after.map(rowKey) : [];
  const remaining = [...old];
  let fresh = 0;
  for (const r of now) {
    const i = remaining.indexOf(r);
    if (i >= 0) remaining.splice(i, 1);
    else fresh += 1;
  }
  const changed = Math.min(fresh, remaining.length);
  return { added: fresh - changed, removed: remaining.length - changed, changed };
}

/** The card's order of fields (its tabs, top to bottom), for listing changes the same way. */
export const cardFieldOrder: Record<string, readonly string[]> = {
  children: [
    'status',
    'surname',
    'givenNames',
    'sex',
    'personalCode',
    'birthDate',
    'nationalityKind',
    'recordSheetReceivedOn',
    'careForm',
    'careOrphanCourtId',
    'careDecisionNumber',
    'careDecisionDate',
    'careProviderId',
    'legallyFree',
    'legalStatusNote',
    'health',
    'healthConditions',
    'disabilityGroup',
    'disabilityFrom',
    'disabilityUntil',
    'disabilitySource',
    'motherPregnancy',
    'furtherTreatment',
    'personality',
    'development',
    'relativesContact',
    'relatives',
    'birthFamilyCharacterisation',
    'religion',
    'childOpinion',
    'consent',
    'consentDate',
    'doesNotWishAdoption',
    'clearedAbroad',
    'abroadCourtDecisionNumber',
    'abroadCourtDecisionDate',
    'abroadCommissionOpinionDate',
    'siblingGroupId',
  ],
  adopters: [
    'status',
    'origin',
    'surname',
    'givenNames',
    'personalCode',
    'birthDate',
    'spouseSurname',
    'spouseGivenNames',
    'spousePersonalCode',
    'spouseBirthDate',
    'declaredAddress',
    'phone',
    'email',
    'preferredLanguage',
    'orphanCourtId',
    'decisionNumber',
    'decisionDate',
    'decisionValidUntil',
    'enteredOn',
    'trainingCertificateNumber',
    'trainingCertificateDate',
    'religion',
    'ethnicity',
    'motivation',
    'wishedChildrenCount',
    'wishedSex',
    'wishedAgeFrom',
    'wishedAgeTo',
    'acceptedHealth',
    'acceptsSiblings',
    'wishedReligion',
    'wishedLanguage',
    'wishesNote',
    'countryId',
    'foreignAuthority',
    'homeStudyReportDate',
    'refusals',
  ],
};

/** Entries `[field, …]` in the card's order; fields it does not list come last. */
export function inCardOrder<T>(resource: string, entries: [string, T][]): [string, T][] {
  const fields = cardFieldOrder[resource] ?? [];
  const rank = (f: string) => {
    const i = fields.indexOf(f);
    return i < 0 ? fields.length : i;
  };
  return [...entries].sort(([a], [b]) => rank(a) - rank(b));
}
