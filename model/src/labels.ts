import {
  adopterOrigins,
  adopterStatuses,
  careForms,
  careProviderKinds,
  childStatuses,
  consents,
  deadlineKinds,
  deadlineStatuses,
  disabilityGroups,
  healthAcceptances,
  needAnswers,
  languages,
  nationalityKinds,
  offerStatuses,
  overrideStatuses,
  registerDifferenceKinds,
  registerDifferenceResolutions,
  registerDifferenceStates,
  registerDifferenceStatuses,
  relativeKinds,
  roles,
  sexes,
  territoryKinds,
  wishedSexes,
  type Language,
} from './enums';

/*
 * The Latvian and English words of the enumerations' values: the console's (`app.enums.<name>`)
 * and, where a file says it shorter or inside a sentence, the exported files'. Each enumeration's
 * table must name every value (the type says so), so a new value cannot go unlabelled.
 */
type Label = Readonly<Record<Language, string>>;
const l = (lv: string, en: string): Label => ({ lv, en });
type LabelsOf<T extends readonly string[]> = Readonly<Record<T[number], Label>>;

/** The enumerations by their translation names, with the values' labels. */
export const enumLabels = {
  child_status: {
    record_received: l('Uzskaites lapa saņemta', 'Record sheet received'),
    available: l('Var piedāvāt adopcijai', 'Available for adoption'),
    offered: l('Piedāvāts adoptētājam', 'Offered to an adopter'),
    getting_acquainted: l('Iepazīšanās', 'Getting acquainted'),
    pre_adoption_care: l('Pirmsadopcijas aprūpe', 'Pre-adoption care'),
    best_interests_confirmed: l(
      'Adopcija atzīta bērna interesēs',
      "Adoption confirmed in the child's interests",
    ),
    permit_issued: l('Atļauja adopcijai uz ārvalstīm', 'Permit for adoption abroad'),
    adopted: l('Adoptēts', 'Adopted'),
    not_consenting: l('Nepiekrīt adopcijai', 'Does not consent to adoption'),
    suspended: l('Apturēts', 'Suspended'),
    withdrawn: l('Izslēgts no reģistra', 'Removed from the register'),
  } satisfies LabelsOf<typeof childStatuses>,
  sex: {
    female: l('Sieviešu', 'Female'),
    male: l('Vīriešu', 'Male'),
  } satisfies LabelsOf<typeof sexes>,
  nationality_kind: {
    citizen: l('Latvijas pilsonis', 'Latvian citizen'),
    non_citizen: l('Latvijas nepilsonis', 'Latvian non-citizen'),
    foreigner: l('Ārvalstnieks', 'Foreign national'),
    stateless: l('Bezvalstnieks', 'Stateless'),
  } satisfies LabelsOf<typeof nationalityKinds>,
  care_form: {
    care_institution: l('Aprūpes iestāde', 'Care institution'),
    foster_family: l('Audžuģimene', 'Foster family'),
    guardianship: l('Aizbildnība', 'Guardianship'),
  } satisfies LabelsOf<typeof careForms>,
  disability_group: {
    child: l('Bērns ar invaliditāti (bez grupas)', 'Child with a disability (no group)'),
    I: l('I grupa', 'Group I'),
    II: l('II grupa', 'Group II'),
    III: l('III grupa', 'Group III'),
  } satisfies LabelsOf<typeof disabilityGroups>,
  consent: {
    given: l('Piekrīt adopcijai', 'Consents to adoption'),
    refused: l('Nepiekrīt adopcijai', 'Does not consent to adoption'),
  } satisfies LabelsOf<typeof consents>,
  relative_kind: {
    mother: l('Māte', 'Mother'),
    father: l('Tēvs', 'Father'),
    sister: l('Māsa', 'Sister'),
    brother: l('Brālis', 'Brother'),
    half_sister: l('Pusmāsa', 'Half-sister'),
    half_brother: l('Pusbrālis', 'Half-brother'),
    grandmother: l('Vecmāmiņa', 'Grandmother'),
    grandfather: l('Vectēvs', 'Grandfather'),
    other: l('Cits radinieks', 'Other relative'),
  } satisfies LabelsOf<typeof relativeKinds>,
  adopter_status: {
    registered: l('Reģistrēts', 'Registered'),
    waiting: l('Gaida', 'Waiting'),
    information_received: l('Saņēmis informāciju par bērnu', 'Received information on a child'),
    getting_acquainted: l('Iepazīšanās', 'Getting acquainted'),
    pre_adoption_care: l('Pirmsadopcijas aprūpe', 'Pre-adoption care'),
    adopted: l('Adoptējis', 'Adopted'),
    closed: l('Lieta slēgta', 'Case closed'),
    suspended: l('Apturēts', 'Suspended'),
    status_expired: l('Statusa termiņš beidzies', 'Status expired'),
    revoked: l('Statuss atcelts', 'Status revoked'),
    withdrawn: l('Atteicies', 'Withdrawn'),
  } satisfies LabelsOf<typeof adopterStatuses>,
  adopter_origin: {
    latvian: l('Latvijas adoptētājs', 'Adopter in Latvia'),
    foreign: l('Ārvalstu adoptētājs', 'Adopter abroad'),
  } satisfies LabelsOf<typeof adopterOrigins>,
  wished_sex: {
    any: l('Nav nozīmes', 'No preference'),
    female: l('Meitene', 'Girl'),
    male: l('Zēns', 'Boy'),
  } satisfies LabelsOf<typeof wishedSexes>,
  health_acceptance: {
    minor_conditions: l('Nelielas veselības problēmas', 'Minor health problems'),
    chronic_illness: l('Hroniska slimība', 'Chronic illness'),
    developmental_delay: l('Attīstības aizture', 'Developmental delay'),
    disability: l('Invaliditāte', 'Disability'),
    infectious_disease: l(
      'Infekcijas slimība (piem., B vai C hepatīts, HIV)',
      'Infectious disease (e.g. hepatitis B or C, HIV)',
    ),
  } satisfies LabelsOf<typeof healthAcceptances>,
  need_answer: {
    can_meet: l('Var nodrošināt', 'Can meet'),
    consider: l('Varētu apsvērt', 'Would consider'),
    cannot_meet: l('Nevar nodrošināt', 'Cannot meet'),
  } satisfies LabelsOf<typeof needAnswers>,
  language: {
    lv: l('Latviešu', 'Latvian'),
    en: l('Angļu', 'English'),
  } satisfies LabelsOf<typeof languages>,
  territory_kind: {
    state_city: l('Valstspilsēta', 'State city'),
    municipality: l('Novads', 'Municipality'),
  } satisfies LabelsOf<typeof territoryKinds>,
  care_provider_kind: {
    children_care_institution: l('Bērnu aprūpes iestāde', "Children's care institution"),
    social_care_centre: l('Sociālās aprūpes centrs', 'Social care centre'),
    family_type_home: l('Ģimeniskai videi pietuvināts pakalpojums', 'Family-like care service'),
    crisis_centre: l('Krīzes centrs', 'Crisis centre'),
  } satisfies LabelsOf<typeof careProviderKinds>,
  role: {
    administrator: l('Administrators', 'Administrator'),
    adoption_specialist: l('Adopcijas speciālists', 'Adoption specialist'),
    head_of_department: l('Nodaļas vadītājs', 'Head of department'),
    care_institution: l('Aprūpes iestāde', 'Care institution'),
    orphan_court: l('Bāriņtiesa', 'Orphan court'),
    analyst: l('Analītiķis', 'Analyst'),
    auditor: l('Auditors', 'Auditor'),
  } satisfies LabelsOf<typeof roles>,
  offer_status: {
    draft: l('Sagatave', 'Draft'),
    sent: l('Informācija nosūtīta', 'Information sent'),
    accepted_to_meet: l('Piekrīt iepazīties', 'Accepted to meet'),
    declined: l('Atteicās', 'Declined'),
    expired: l('Atbildes termiņš beidzies', 'Expired (no answer)'),
    meeting_referral_issued: l('Izsniegts nosūtījums iepazīties', 'Referral to meet issued'),
    care_decision: l('Bāriņtiesas lēmums par pirmsadopcijas aprūpi', 'Pre-adoption care decision'),
    care_terminated: l('Pirmsadopcijas aprūpe izbeigta', 'Pre-adoption care terminated'),
    best_interests_decision: l(
      'Bāriņtiesa atzinusi adopciju bērna interesēs',
      "Adoption found in the child's best interests",
    ),
    permit_issued: l(
      'Izsniegta atļauja adopcijai uz ārvalstīm',
      'Permit for adoption abroad issued',
    ),
    court_approved: l('Tiesa apstiprinājusi adopciju', 'Adoption approved by the court'),
    closed: l('Slēgts', 'Closed'),
    withdrawn: l('Atsaukts', 'Withdrawn'),
  } satisfies LabelsOf<typeof offerStatuses>,
  deadline_kind: {
    answer: l('Adoptētāja atbilde', "Adopter's answer"),
    pre_adoption_care: l('Pirmsadopcijas aprūpes beigas', 'End of pre-adoption care'),
    court_claim: l('Prasības iesniegšana tiesā', 'Filing the court claim'),
    permit_issue: l('Atļaujas izsniegšana', 'Issuing the permit'),
    permit_validity: l('Atļaujas derīgums', 'Permit validity'),
    post_adoption_report: l('Pēcadopcijas ziņojums', 'Post-adoption report'),
  } satisfies LabelsOf<typeof deadlineKinds>,
  deadline_status: {
    open: l('Atvērts', 'Open'),
    overdue: l('Nokavēts', 'Overdue'),
    done: l('Izpildīts', 'Done'),
    cancelled: l('Atcelts', 'Cancelled'),
  } satisfies LabelsOf<typeof deadlineStatuses>,
  override_status: {
    pending: l('Gaida lēmumu', 'Pending'),
    approved: l('Apstiprināts', 'Approved'),
    refused: l('Noraidīts', 'Refused'),
    used: l('Izmantots', 'Used'),
    withdrawn: l('Atsaukts', 'Withdrawn'),
  } satisfies LabelsOf<typeof overrideStatuses>,
  register_difference_kind: {
    names: l('Vārds vai uzvārds', 'Name'),
    birth: l('Dzimšanas datums', 'Birth date'),
    sex: l('Dzimums', 'Sex'),
    address: l('Deklarētā adrese', 'Declared address'),
    death: l('Miršanas fakts', 'Death'),
    spouse: l('Laulātais', 'Spouse'),
    disability: l('Invaliditāte (VDEĀVK)', 'Disability (VDEĀVK)'),
    not_found: l('Reģistrā nav atrasts', 'Not found in the register'),
  } satisfies LabelsOf<typeof registerDifferenceKinds>,
  register_difference_state: {
    different: l('Atšķiras', 'Differs'),
    missing_ours: l('Mums nav', 'Missing in ours'),
    missing_theirs: l('Reģistrā nav', 'Missing in the register'),
    not_found: l('Persona nav atrasta', 'Person not found'),
  } satisfies LabelsOf<typeof registerDifferenceStates>,
  register_difference_status: {
    open: l('Neatrisināts', 'Open'),
    resolved: l('Atrisināts', 'Resolved'),
  } satisfies LabelsOf<typeof registerDifferenceStatuses>,
  register_difference_resolution: {
    taken: l('Pārņemts no reģistra', 'Taken from the register'),
    explained: l('Paskaidrots', 'Explained'),
    gone: l('Vairs neatšķiras', 'No longer differs'),
  } satisfies LabelsOf<typeof registerDifferenceResolutions>,
};
export type EnumName = keyof typeof enumLabels;

/** The label of an enumeration value in `lang`; an unknown value (a newer code) as it is. */
export function enumLabel(name: EnumName, value: string, lang: Language): string {
  return (enumLabels[name] as Record<string, Label | undefined>)[value]?.[lang] ?? value;
}

/** The console's `app.enums` messages in `lang`: `{child_status: {available: '…'}, …}`. */
export function enumMessages(lang: Language): Record<EnumName, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(enumLabels).map(([name, labels]) => [
      name,
      Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, label[lang]])),
    ]),
  ) as Record<EnumName, Record<string, string>>;
}

/** Where an exported file words a value otherwise than the screen: shorter, or inside a list. */
const fileWording: { readonly [N in EnumName]?: Readonly<Record<string, Label>> } = {
  disability_group: { child: l('Bērns ar invaliditāti', 'Child with a disability') },
  consent: { given: l('Piekrīt', 'Consents'), refused: l('Nepiekrīt', 'Does not consent') },
  wished_sex: { any: l('Nav nozīmes', 'Either') },
  health_acceptance: {
    minor_conditions: l('nelieli veselības traucējumi', 'minor conditions'),
    infectious_disease: l('infekcijas slimība', 'infectious disease'),
  },
};
/** Values a file lists inside a sentence ("māte: …", "hroniska slimība, …"): lower case. */
const inSentence: ReadonlySet<EnumName> = new Set(['relative_kind', 'health_acceptance']);

/** The label of an enumeration value in an exported file. */
export function fileLabel(name: EnumName, value: string, lang: Language): string {
  const own = fileWording[name]?.[value]?.[lang];
  if (own !== undefined) return own;
  const label = enumLabel(name, value, lang);
  return inSentence.has(name) ? label.toLocaleLowerCase(lang) : label;
}
