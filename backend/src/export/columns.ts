import type { EnumName } from '@adoption/model';

/**
 * The columns an export may hold, in file order. `name` is what `columns=[…]` asks for (the API
 * field, or a computed column); `field` is the record field it shows or derives from, and the
 * field rules of that field decide who may export it (policies/fields.ts).
 */
export type ColumnKind =
  | { kind: 'text' | 'date' | 'timestamp' | 'number' | 'boolean' | 'personalCode' }
  | { kind: 'enum'; of: EnumName }
  /** The name of a classifier record the field refers to. */
  | { kind: 'reference'; table: 'orphanCourts' | 'careProviders' | 'countries' }
  /** Completed years (age) or months (waiting time) from the date in `field` to today in Riga. */
  | { kind: 'yearsSince' | 'monthsSince' }
  | { kind: 'relatives' | 'healthConditions' | 'refusals' | 'needWishes' };

export type ExportColumn = ColumnKind & {
  name: string;
  field: string;
  header: { lv: string; en: string };
};

type Spec = [name: string, kind: ColumnKind, lv: string, en: string, field?: string];

const T = { kind: 'text' } as const;
const D = { kind: 'date' } as const;
const B = { kind: 'boolean' } as const;
const N = { kind: 'number' } as const;
const PC = { kind: 'personalCode' } as const;
const TS = { kind: 'timestamp' } as const;
const E = (of: EnumName) => ({ kind: 'enum', of }) as const;
const REF = (table: 'orphanCourts' | 'careProviders' | 'countries') =>
  ({ kind: 'reference', table }) as const;

const build = (specs: Spec[]): ExportColumn[] =>
  specs.map(([name, kind, lv, en, field]) => ({
    ...kind,
    name,
    field: field ?? name,
    header: { lv, en },
  }));

export const childColumns = build([
  ['id', N, 'ID', 'ID'],
  ['surname', T, 'Uzvārds', 'Surname'],
  ['givenNames', T, 'Vārds (vārdi)', 'Given names'],
  ['sex', E('sex'), 'Dzimums', 'Sex'],
  ['personalCode', PC, 'Personas kods', 'Personal code'],
  ['birthDate', D, 'Dzimšanas datums', 'Date of birth'],
  ['age', { kind: 'yearsSince' }, 'Vecums (gadi)', 'Age (years)', 'birthDate'],
  ['nationalityKind', E('nationality_kind'), 'Pilsonība', 'Nationality'],
  ['status', E('child_status'), 'Statuss', 'Status'],
  ['recordSheetReceivedOn', D, 'Uzskaites lapa saņemta', 'Record sheet received'],
  [
    'waitingMonths',
    { kind: 'monthsSince' },
    'Reģistrā (mēneši)',
    'In the register (months)',
    'recordSheetReceivedOn',
  ],
  ['careForm', E('care_form'), 'Ārpusģimenes aprūpes veids', 'Form of out-of-family care'],
  ['careOrphanCourtId', REF('orphanCourts'), 'Bāriņtiesa', 'Orphan court'],
  ['careDecisionNumber', T, 'Bāriņtiesas lēmuma numurs', "Orphan court's decision number"],
  ['careDecisionDate', D, 'Bāriņtiesas lēmuma datums', "Orphan court's decision date"],
  ['careProviderId', REF('careProviders'), 'Aprūpes iestāde', 'Care institution'],
  ['siblingGroupId', N, 'Brāļu un māsu grupa', 'Sibling group'],
  ['legallyFree', B, 'Juridiski brīvs adopcijai', 'Legally free for adoption'],
  ['legalStatusNote', T, 'Juridiskais statuss: piezīmes', 'Legal status: note'],
  ['religion', T, 'Reliģiskā piederība', 'Religion'],
  ['health', T, 'Veselības stāvoklis', 'Health'],
  ['healthConditions', { kind: 'healthConditions' }, 'Diagnozes', 'Health conditions'],
  ['furtherTreatment', T, 'Turpmākā ārstēšana', 'Further treatment'],
  ['disabilityGroup', E('disability_group'), 'Invaliditāte', 'Disability'],
  ['disabilityFrom', D, 'Invaliditāte no', 'Disability from'],
  ['disabilityUntil', D, 'Invaliditāte līdz', 'Disability until'],
  ['disabilitySource', T, 'Invaliditāti noteicis', 'Disability determined by'],
  ['motherPregnancy', T, 'Mātes grūtniecības gaita', "Mother's pregnancy"],
  ['personality', T, 'Personība', 'Personality'],
  ['development', T, 'Attīstība', 'Development'],
  ['relativesContact', T, 'Saskarsme ar radiniekiem', 'Contact with relatives'],
  ['birthFamilyCharacterisation', T, 'Bioloģiskās ģimenes raksturojums', 'Birth family'],
  ['relatives', { kind: 'relatives' }, 'Radinieki', 'Relatives'],
  ['childOpinion', T, 'Bērna viedoklis', "The child's opinion"],
  ['consent', E('consent'), 'Bērna piekrišana', "The child's consent"],
  ['consentDate', D, 'Piekrišanas datums', 'Date of consent'],
  ['doesNotWishAdoption', B, 'Nevēlas tikt adoptēts', 'Does not wish to be adopted'],
  ['clearedAbroad', B, 'Var adoptēt uz ārvalstīm', 'May be adopted abroad'],
  [
    'abroadCourtDecisionNumber',
    T,
    'Bāriņtiesas lēmums par adopciju uz ārvalstīm: numurs',
    "Orphan court's decision on adoption abroad: number",
  ],
  [
    'abroadCourtDecisionDate',
    D,
    'Bāriņtiesas lēmums par adopciju uz ārvalstīm: datums',
    "Orphan court's decision on adoption abroad: date",
  ],
  [
    'abroadCommissionOpinionDate',
    D,
    'Ārvalstu adopcijas komisijas atzinums',
    'Opinion of the Foreign Adoption Commission',
  ],
  ['createdAt', TS, 'Izveidots', 'Created'],
  ['updatedAt', TS, 'Atjaunināts', 'Updated'],
]);

export const adopterColumns = build([
  ['id', N, 'ID', 'ID'],
  ['enteredOn', D, 'Iekļauts reģistrā', 'Entered in the register'],
  ['waitingMonths', { kind: 'monthsSince' }, 'Gaida (mēneši)', 'Waiting (months)', 'enteredOn'],
  ['status', E('adopter_status'), 'Statuss', 'Status'],
  ['origin', E('adopter_origin'), 'Adoptētāja veids', 'Kind of adopter'],
  ['surname', T, 'Uzvārds', 'Surname'],
  ['givenNames', T, 'Vārds (vārdi)', 'Given names'],
  ['personalCode', PC, 'Personas kods', 'Personal code'],
  ['birthDate', D, 'Dzimšanas datums', 'Date of birth'],
  ['spouseSurname', T, 'Laulātā uzvārds', "Spouse's surname"],
  ['spouseGivenNames', T, 'Laulātā vārds (vārdi)', "Spouse's given names"],
  ['spousePersonalCode', PC, 'Laulātā personas kods', "Spouse's personal code"],
  ['spouseBirthDate', D, 'Laulātā dzimšanas datums', "Spouse's date of birth"],
  ['declaredAddress', T, 'Deklarētā dzīvesvieta', 'Declared address'],
  ['phone', T, 'Tālrunis', 'Phone'],
  ['email', T, 'E-pasts', 'E-mail'],
  ['preferredLanguage', E('language'), 'Saziņas valoda', 'Language of correspondence'],
  ['orphanCourtId', REF('orphanCourts'), 'Bāriņtiesa', 'Orphan court'],
  ['decisionNumber', T, 'Lēmuma numurs', 'Decision number'],
  ['decisionDate', D, 'Lēmuma datums', 'Decision date'],
  ['decisionValidUntil', D, 'Lēmums derīgs līdz', 'Decision valid until'],
  ['trainingCertificateNumber', T, 'Apmācības apliecības numurs', 'Training certificate number'],
  ['trainingCertificateDate', D, 'Apmācības apliecības datums', 'Training certificate date'],
  ['religion', T, 'Reliģiskā piederība', 'Religion'],
  ['ethnicity', T, 'Tautība', 'Ethnicity'],
  ['motivation', T, 'Motivācija', 'Motivation'],
  ['wishedChildrenCount', N, 'Vēlamais bērnu skaits', 'Children wished'],
  ['wishedSex', E('wished_sex'), 'Vēlamais dzimums', 'Sex wished'],
  ['wishedAgeFrom', N, 'Vēlamais vecums no', 'Age wished from'],
  ['wishedAgeTo', N, 'Vēlamais vecums līdz', 'Age wished to'],
  [
    'needWishes',
    { kind: 'needWishes' },
    'Pieņemamie veselības traucējumi',
    'Health conditions accepted',
  ],
  ['acceptsSiblings', B, 'Pieņemtu brāļus un māsas', 'Would accept siblings'],
  ['wishedReligion', T, 'Vēlamā reliģiskā piederība', 'Religion wished'],
  ['wishedLanguage', T, 'Vēlamā valoda', 'Language wished'],
  ['wishesNote', T, 'Vēlmes: piezīmes', 'Wishes: note'],
  ['countryId', REF('countries'), 'Valsts', 'Country'],
  ['foreignAuthority', T, 'Kompetentā iestāde vai aģentūra', 'Competent authority or agency'],
  ['homeStudyReportDate', D, 'Ģimenes izpētes ziņojuma datums', 'Home-study report date'],
  ['refusals', { kind: 'refusals' }, 'Atteikumi', 'Refusals'],
  ['createdAt', TS, 'Izveidots', 'Created'],
  ['updatedAt', TS, 'Atjaunināts', 'Updated'],
]);
