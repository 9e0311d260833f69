/**
 * Words of the exported files, in the two languages the console speaks (`lang=lv|en`). The enum
 * labels are the console's (admin/src/i18n/register.*.ts), so a file reads like the screen.
 */
export type ExportLang = 'lv' | 'en';
type Labels = Record<string, { lv: string; en: string }>;

const l = (lv: string, en: string) => ({ lv, en });

export const enumLabels = {
  childStatus: {
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
  },
  adopterStatus: {
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
  },
  sex: { female: l('Sieviešu', 'Female'), male: l('Vīriešu', 'Male') },
  wishedSex: {
    female: l('Meitene', 'Girl'),
    male: l('Zēns', 'Boy'),
    any: l('Nav nozīmes', 'Either'),
  },
  nationalityKind: {
    citizen: l('Latvijas pilsonis', 'Latvian citizen'),
    non_citizen: l('Latvijas nepilsonis', 'Latvian non-citizen'),
    foreigner: l('Ārvalstnieks', 'Foreign national'),
    stateless: l('Bezvalstnieks', 'Stateless'),
  },
  careForm: {
    care_institution: l('Aprūpes iestāde', 'Care institution'),
    foster_family: l('Audžuģimene', 'Foster family'),
    guardianship: l('Aizbildnība', 'Guardianship'),
  },
  origin: {
    latvian: l('Latvijas adoptētājs', 'Adopter in Latvia'),
    foreign: l('Ārvalstu adoptētājs', 'Adopter abroad'),
  },
  disabilityGroup: {
    child: l('Bērns ar invaliditāti', 'Child with a disability'),
    I: l('I grupa', 'Group I'),
    II: l('II grupa', 'Group II'),
    III: l('III grupa', 'Group III'),
  },
  consent: { given: l('Piekrīt', 'Consents'), refused: l('Nepiekrīt', 'Does not consent') },
  language: { lv: l('Latviešu', 'Latvian'), en: l('Angļu', 'English') },
  relativeKind: {
    mother: l('māte', 'mother'),
    father: l('tēvs', 'father'),
    sister: l('māsa', 'sister'),
    brother: l('brālis', 'brother'),
    half_sister: l('pusmāsa', 'half-sister'),
    half_brother: l('pusbrālis', 'half-brother'),
    grandmother: l('vecmāmiņa', 'grandmother'),
    grandfather: l('vectēvs', 'grandfather'),
    other: l('cits radinieks', 'other relative'),
  },
  healthAcceptance: {
    minor_conditions: l('nelieli veselības traucējumi', 'minor conditions'),
    chronic_illness: l('hroniska slimība', 'chronic illness'),
    developmental_delay: l('attīstības aizture', 'developmental delay'),
    disability: l('invaliditāte', 'disability'),
    infectious_disease: l('infekcijas slimība', 'infectious disease'),
  },
} satisfies Record<string, Labels>;
export type EnumName = keyof typeof enumLabels;

export const words = {
  yes: l('jā', 'yes'),
  no: l('nē', 'no'),
  since: l('kopš', 'since'),
  child: l('bērns', 'child'),
  sheet: l('Saraksts', 'List'),
  children: l('berni', 'children'),
  adopters: l('adoptetaji', 'adopters'),
} satisfies Labels;

/** The label of an enum value in `lang`; an unknown value (a newer code) as it is. */
export function enumLabel(name: EnumName, value: string, lang: ExportLang): string {
  return (enumLabels[name] as Labels)[value]?.[lang] ?? value;
}
