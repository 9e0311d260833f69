/*
 * Latvian messages of the person registers (children, adopters) and the statistics page, kept
 * apart from lv.ts for size; lv.ts spreads each block into its place. Same tree in register.en.ts.
 */

export const registerMenuLv = {
  register: 'Reģistrs',
  statistics: 'Statistika',
};

export const registerEnumsLv = {
  child_status: {
    record_received: 'Uzskaites lapa saņemta',
    available: 'Var piedāvāt adopcijai',
    offered: 'Piedāvāts adoptētājam',
    getting_acquainted: 'Iepazīšanās',
    pre_adoption_care: 'Pirmsadopcijas aprūpe',
    best_interests_confirmed: 'Adopcija atzīta bērna interesēs',
    permit_issued: 'Atļauja adopcijai uz ārvalstīm',
    adopted: 'Adoptēts',
    not_consenting: 'Nepiekrīt adopcijai',
    suspended: 'Apturēts',
    withdrawn: 'Izslēgts no reģistra',
  },
  adopter_status: {
    registered: 'Reģistrēts',
    waiting: 'Gaida',
    information_received: 'Saņēmis informāciju par bērnu',
    getting_acquainted: 'Iepazīšanās',
    pre_adoption_care: 'Pirmsadopcijas aprūpe',
    adopted: 'Adoptējis',
    closed: 'Lieta slēgta',
    suspended: 'Apturēts',
    status_expired: 'Statusa termiņš beidzies',
    revoked: 'Statuss atcelts',
    withdrawn: 'Atteicies',
  },
  sex: {
    female: 'Sieviešu',
    male: 'Vīriešu',
  },
  nationality_kind: {
    citizen: 'Latvijas pilsonis',
    non_citizen: 'Latvijas nepilsonis',
    foreigner: 'Ārvalstnieks',
    stateless: 'Bezvalstnieks',
  },
  care_form: {
    care_institution: 'Aprūpes iestāde',
    foster_family: 'Audžuģimene',
    guardianship: 'Aizbildnība',
  },
  adopter_origin: {
    latvian: 'Latvijas adoptētājs',
    foreign: 'Ārvalstu adoptētājs',
  },
};

/** The API's field-error codes (providers/fieldErrors.ts) and the same checks made in the forms. */
export const serverValidationLv = {
  server: {
    required: 'Obligāts lauks',
    not_allowed: 'Šajā gadījumā šo lauku neaizpilda',
    date_in_future: 'Datums nevar būt nākotnē',
    date_order: 'Datums nevar būt agrāks par iepriekšējo datumu',
    same_person: 'Laulātā personas kods nevar sakrist ar adoptētāja personas kodu',
    unique: 'Šāda vērtība jau ir reģistrā',
    likely_duplicate:
      'Reģistrā jau ir bērns ar tādu pašu vārdu un dzimšanas datumu. Pārbaudiet; ja tas ir cits bērns, atzīmējiet un saglabājiet vēlreiz.',
    too_small: 'Obligāts lauks',
    too_big: 'Teksts ir par garu',
    personal_code_format: 'Personas kodam jābūt 11 cipariem: DDMMGG-NNNNN',
    personal_code_checksum:
      'Nepareizs personas koda pēdējais (kontroles) cipars: pārbaudiet, vai nav drukas kļūdas',
    personal_code_date: 'Personas koda sākumā nav īsta dzimšanas datuma (DDMMGG)',
    personal_code_century: 'Personas koda 7. cipars (gadsimts) var būt tikai 0, 1 vai 2',
    personal_code_birth_date_mismatch: 'Personas kods neatbilst dzimšanas datumam',
  },
};

export const registerAppLv = {
  register: {
    tabs: {
      child: 'Bērns',
      placement: 'Ārpusģimenes aprūpe',
      religion_health: 'Reliģija un veselība',
      health: 'Veselība',
      birth_family: 'Bioloģiskā ģimene',
      adopter: 'Adoptētājs',
      contact: 'Kontaktinformācija',
      recognition: 'Bāriņtiesas lēmums',
    },
    personal_code_help: 'DDMMGG-NNNNN (ar defisi vai bez)',
    validation: {
      before_birth: 'Nevar būt agrāk par dzimšanas datumu',
      before_care_decision: 'Nevar būt agrāk par bāriņtiesas lēmuma datumu',
      before_decision: 'Nevar būt agrāk par lēmuma datumu',
    },
  },
  status_change: {
    button: 'Mainīt statusu',
    title: 'Mainīt statusu',
    current: 'Pašreizējais statuss: %{status}',
    status: 'Jaunais statuss',
    changed_on: 'Izmaiņu datums',
    reason: 'Pamatojums (nav obligāts)',
    reason_required: 'Pamatojums',
    reason_help: 'Glabājas statusa vēsturē; audita žurnālā netiek ierakstīts.',
    done: 'Statuss mainīts',
    timeline: 'Statusa vēsture',
    timeline_empty: 'Statuss vēl nav mainīts.',
  },
  sibling_groups: {
    members: 'Brāļi un māsas',
    member_count: 'Bērnu skaits',
    members_help: 'Meklējiet pēc vārda vai personas koda',
    save_members: 'Saglabāt sastāvu',
    members_saved: 'Grupas sastāvs saglabāts',
    no_members: 'Grupā vēl nav neviena (jums redzama) bērna.',
    block_title: 'Brāļi un māsas',
    open_group: 'Brāļu un māsu grupa #%{id}',
    may_be_separated_note: 'Bāriņtiesa atļāvusi adoptēt atsevišķi.',
  },
  statistics: {
    title: 'Statistika',
    heading: 'Bērni adopcijas reģistrā',
    dimension: 'Grupēt pēc',
    dimensions: {
      status: 'Statuss',
      sex: 'Dzimums',
      ageBand: 'Vecums',
      careForm: 'Ārpusģimenes aprūpes veids',
      nationalityKind: 'Pilsonība',
    },
    age_band: {
      '0-2': '0–2 gadi',
      '3-6': '3–6 gadi',
      '7-9': '7–9 gadi',
      '10-13': '10–13 gadi',
      '14-17': '14–17 gadi',
      '18+': '18 gadi un vairāk',
    },
    children: 'Bērnu skaits',
    total: 'Kopā',
    withheld: 'slēpts',
    reference_date: 'Dati %{date}; vecums pilnos gados šajā datumā.',
    small_note:
      '„< %{threshold}” nozīmē, ka bērnu ir mazāk nekā %{threshold}: tik mazu skaitu nerāda, lai pēc tā nevarētu atpazīt konkrētu bērnu. Nulle tiek rādīta. Statistikā nav vārdu un personas kodu.',
    protected_note:
      '* Slēpti divi skaiti: viens ir mazāks par %{threshold}, otrs slēpts, lai pirmo nevarētu aprēķināt no kopsummas (tas var būt jebkura lieluma).',
    not_allowed: 'Jūsu lomai statistika nav pieejama.',
  },
};

const timestamps = {
  id: 'ID',
  version: 'Versija',
  createdAt: 'Izveidots',
  updatedAt: 'Atjaunināts',
};

export const registerResourcesLv = {
  children: {
    name: 'Bērns |||| Bērni',
    fields: {
      ...timestamps,
      status: 'Statuss',
      surname: 'Uzvārds',
      givenNames: 'Vārds (vārdi)',
      sex: 'Dzimums',
      personalCode: 'Personas kods',
      birthDate: 'Dzimšanas datums',
      nationalityKind: 'Pilsonība',
      confirmLikelyDuplicate:
        'Apstiprinu, ka tas ir cits bērns (ja reģistrs brīdina par dublikātu)',
      religion: 'Reliģiskā piederība',
      recordSheetReceivedOn: 'Uzskaites lapa saņemta',
      careForm: 'Ārpusģimenes aprūpes veids',
      careOrphanCourtId: 'Bāriņtiesa',
      careDecisionNumber: 'Bāriņtiesas lēmuma numurs',
      careDecisionDate: 'Bāriņtiesas lēmuma datums',
      careProviderId: 'Aprūpes iestāde',
      health: 'Veselības stāvoklis',
      furtherTreatment: 'Turpmākā ārstēšana',
      birthFamilyCharacterisation: 'Bioloģiskās ģimenes raksturojums',
      q: 'Meklēt',
    },
  },
  adopters: {
    name: 'Adoptētājs |||| Adoptētāji',
    fields: {
      ...timestamps,
      status: 'Statuss',
      origin: 'Adoptētāja veids',
      surname: 'Uzvārds',
      givenNames: 'Vārds (vārdi)',
      personalCode: 'Personas kods',
      birthDate: 'Dzimšanas datums',
      spouse: 'Laulātais',
      spouseSurname: 'Laulātā uzvārds',
      spouseGivenNames: 'Laulātā vārds (vārdi)',
      spousePersonalCode: 'Laulātā personas kods',
      spouseBirthDate: 'Laulātā dzimšanas datums',
      declaredAddress: 'Deklarētā dzīvesvieta',
      phone: 'Tālrunis',
      email: 'E-pasts',
      preferredLanguage: 'Saziņas valoda',
      orphanCourtId: 'Bāriņtiesa',
      decisionNumber: 'Lēmuma numurs',
      decisionDate: 'Lēmuma datums',
      decisionValidUntil: 'Lēmums derīgs līdz',
      enteredOn: 'Iekļauts reģistrā',
      q: 'Meklēt',
    },
  },
  'sibling-groups': {
    name: 'Brāļu un māsu grupa |||| Brāļi un māsas',
    fields: {
      ...timestamps,
      children: 'Brāļi un māsas',
      members: 'Brāļi un māsas',
      complete: 'Vismaz divi bērni',
      note: 'Piezīmes',
      mayBeSeparated: 'Bāriņtiesa atļāvusi šķirt',
      separationOrphanCourtId: 'Bāriņtiesa, kas atļāvusi šķirt',
      separationDecisionNumber: 'Lēmuma numurs',
      separationDecisionDate: 'Lēmuma datums',
    },
  },
};
