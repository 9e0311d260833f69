import type { healthAcceptances } from '../db/tables/adopters';

// Texts of synthetic cards: generic phrases a specialist might write, combined at random, so no
// card describes a real child or family. Diagnoses carry real ICD-10 (SSK-10) codes.

/** A diagnosis, the treatment it usually needs, and how it weighs on a selection. */
export interface Diagnosis {
  condition: string;
  icd10: string;
  treatment: string | null;
  /** The adopter's acceptance this diagnosis falls under. */
  kind: (typeof healthAcceptances)[number];
  /** VDEĀVK usually determines disability for it. */
  disabling: boolean;
  /** Diagnosed from this age (years) on. */
  minAge: number;
  weight: number;
}

export const DIAGNOSES: readonly Diagnosis[] = [
  {
    condition: 'Tuvredzība (miopija)',
    icd10: 'H52.1',
    treatment: 'Brilles; okulista kontrole reizi gadā.',
    kind: 'minor_conditions',
    disabling: false,
    minAge: 3,
    weight: 10,
  },
  {
    condition: 'Bronhiālā astma',
    icd10: 'J45.9',
    treatment: 'Inhalācijas terapija; pulmonologa kontrole reizi pusgadā.',
    kind: 'chronic_illness',
    disabling: false,
    minAge: 2,
    weight: 8,
  },
  {
    condition: 'Atopiskais dermatīts',
    icd10: 'L20.9',
    treatment: 'Ādas kopšana; dermatologa kontrole.',
    kind: 'minor_conditions',
    disabling: false,
    minAge: 0,
    weight: 7,
  },
  {
    condition: 'Ekspresīvās runas traucējumi',
    icd10: 'F80.1',
    treatment: 'Logopēda nodarbības reizi nedēļā.',
    kind: 'developmental_delay',
    disabling: false,
    minAge: 2,
    weight: 10,
  },
  {
    condition: 'Jaukti specifiski attīstības traucējumi',
    icd10: 'F83',
    treatment: 'Speciālā pedagoga un logopēda nodarbības.',
    kind: 'developmental_delay',
    disabling: false,
    minAge: 2,
    weight: 7,
  },
  {
    condition: 'Aktivitātes un uzmanības traucējumi',
    icd10: 'F90.0',
    treatment: 'Bērnu psihiatra kontrole; psihologa konsultācijas.',
    kind: 'developmental_delay',
    disabling: false,
    minAge: 6,
    weight: 7,
  },
  {
    condition: 'Viegla garīga atpalicība',
    icd10: 'F70',
    treatment: 'Speciālās izglītības programma.',
    kind: 'developmental_delay',
    disabling: true,
    minAge: 3,
    weight: 6,
  },
  {
    condition: 'Vidēji smaga garīga atpalicība',
    icd10: 'F71',
    treatment: 'Speciālās izglītības programma; ergoterapija.',
    kind: 'disability',
    disabling: true,
    minAge: 3,
    weight: 2,
  },
  {
    condition: 'Bērnības autisms',
    icd10: 'F84.0',
    treatment: 'Psihologa un ergoterapeita nodarbības.',
    kind: 'disability',
    disabling: true,
    minAge: 2,
    weight: 2,
  },
  {
    condition: 'Dauna sindroms',
    icd10: 'Q90.0',
    treatment: 'Kardiologa un endokrinologa kontrole; agrīnā intervence.',
    kind: 'disability',
    disabling: true,
    minAge: 0,
    weight: 1,
  },
  {
    condition: 'Spastiska diplēģija (bērnu cerebrālā trieka)',
    icd10: 'G80.1',
    treatment: 'Fizioterapija divas reizes nedēļā; ortozes.',
    kind: 'disability',
    disabling: true,
    minAge: 1,
    weight: 1,
  },
  {
    condition: 'Epilepsija',
    icd10: 'G40.9',
    treatment: 'Pretepilepsijas medikamenti; neirologa kontrole.',
    kind: 'chronic_illness',
    disabling: true,
    minAge: 0,
    weight: 2,
  },
  {
    condition: 'Fetālā alkohola sindroms',
    icd10: 'Q86.0',
    treatment: 'Neirologa un psihologa uzraudzība.',
    kind: 'developmental_delay',
    disabling: true,
    minAge: 0,
    weight: 2,
  },
  {
    condition: 'Konverģējošā šķielēšana',
    icd10: 'H50.0',
    treatment: 'Okulista kontrole; oklūzijas terapija.',
    kind: 'minor_conditions',
    disabling: false,
    minAge: 1,
    weight: 3,
  },
  {
    condition: 'Sensoneirāls dzirdes zudums, abpusējs',
    icd10: 'H90.3',
    treatment: 'Dzirdes aparāti; surdologa kontrole.',
    kind: 'disability',
    disabling: true,
    minAge: 0,
    weight: 1,
  },
  {
    condition: 'Kambaru starpsienas defekts',
    icd10: 'Q21.0',
    treatment: 'Kardiologa kontrole reizi gadā.',
    kind: 'chronic_illness',
    disabling: false,
    minAge: 0,
    weight: 1,
  },
  {
    condition: 'Cukura diabēts, 1. tips',
    icd10: 'E10.9',
    treatment: 'Insulīnterapija; endokrinologa kontrole.',
    kind: 'chronic_illness',
    disabling: true,
    minAge: 1,
    weight: 1,
  },
  {
    condition: 'Hronisks vīrusu hepatīts C',
    icd10: 'B18.2',
    treatment: 'Infektologa kontrole.',
    kind: 'infectious_disease',
    disabling: false,
    minAge: 0,
    weight: 1,
  },
  {
    condition: 'Adaptācijas traucējumi',
    icd10: 'F43.2',
    treatment: 'Psihologa konsultācijas.',
    kind: 'minor_conditions',
    disabling: false,
    minAge: 3,
    weight: 4,
  },
  {
    condition: 'Pārtikas alerģija',
    icd10: 'T78.1',
    treatment: null,
    kind: 'minor_conditions',
    disabling: false,
    minAge: 0,
    weight: 4,
  },
];

export const PERSONALITY = [
  'Atvērts, draudzīgs, ātri iejūtas jaunā vidē.',
  'Kluss un nedaudz kautrīgs, pieaugušajiem uzticas pamazām.',
  'Enerģisks, zinātkārs, patīk sports un kustību rotaļas.',
  'Radošs: zīmē, dzied, apmeklē mūzikas pulciņu.',
  'Rūpīgs pret jaunākajiem bērniem, izpalīdzīgs.',
  'Emocionāli jūtīgs; strīdos mēdz noslēgties sevī.',
  'Patīk lasīt un spēlēt galda spēles; mierīgs.',
  'Sabiedrisks, grupā uzņemas vadību.',
];
export const DEVELOPMENT_YOUNG = [
  'Fiziskā un psihiskā attīstība atbilst vecumam.',
  'Runas attīstība nedaudz atpaliek no vecuma normas.',
  'Motorā attīstība atbilst vecumam.',
];
export const DEVELOPMENT_SCHOOL = [
  'Fiziskā un psihiskā attīstība atbilst vecumam.',
  'Mācās vispārizglītojošā skolā, sekmes viduvējas.',
  'Mācās pēc speciālās izglītības programmas.',
  'Mācās labi, apmeklē sporta pulciņu.',
];
export const RELATIVES_CONTACT = [
  'Saskarsmes ar vecākiem nav.',
  'Vecmāmiņa apciemo reizi mēnesī.',
  'Māte apciemo neregulāri; pēdējo reizi pirms pusgada.',
  'Regulāra saskarsme ar brāļiem un māsām citā ģimenē.',
  'Tēvs zvana svētkos; tikšanās nav notikušas.',
  null,
];
export const MOTHER_PREGNANCY = [
  'Grūtniecība bez ārsta uzraudzības; dzemdības laikā.',
  'Priekšlaicīgas dzemdības 34. nedēļā.',
  'Grūtniecības laikā māte lietoja alkoholu.',
  'Grūtniecība un dzemdības bez sarežģījumiem.',
  'Ziņu nav.',
  null,
];
export const FAMILY = [
  'Vecākiem atņemtas aizgādības tiesības; ģimenē alkohola lietošana.',
  'Māte atteikusies no bērna pēc dzimšanas; tēvs nav zināms.',
  'Vecāki ilgstoši nerūpējas par bērnu; dzīvo bez pastāvīgas dzīvesvietas.',
  'Māte mirusi; tēvam atņemtas aizgādības tiesības.',
  'Vecāki nespēj nodrošināt aprūpi; ģimenei sniegts sociālais atbalsts bez rezultāta.',
];
export const OPINION_WISHES = [
  'Vēlas dzīvot ģimenē.',
  'Vēlas ģimeni, kurā varētu palikt kopā ar brāļiem un māsām.',
  'Vēlas ģimeni, bet baidās mainīt skolu.',
  'Piekrīt adopcijai, ja varēs satikt vecmāmiņu.',
];
export const OPINION_REFUSES = [
  'Nevēlas tikt adoptēts; vēlas palikt audžuģimenē līdz pilngadībai.',
  'Nevēlas tikt adoptēts; cer atgriezties pie mātes.',
  'Nevēlas tikt adoptēts, jo nevēlas šķirties no draugiem un skolas.',
];
export const LEGAL_NOTES = [
  'Tiesā ierosināta lieta par aizgādības tiesību atņemšanu tēvam.',
  'Gaida bāriņtiesas lēmumu par mātes aizgādības tiesību atņemšanu.',
  'Tēva paternitāte nav noteikta; māte ziņas nesniedz.',
];
export const WHEREABOUTS_UNKNOWN = 'Dzīvesvieta nav zināma.';
/** Notes on a parent. */
export const RELATIVE_NOTES = [
  'Atņemtas aizgādības tiesības.',
  WHEREABOUTS_UNKNOWN,
  'Atrodas ieslodzījuma vietā.',
  'Saskarsmi ar bērnu neuztur.',
  null,
  null,
];
export const GROUP_NOTES = [
  'Brāļi un māsas no vienas ģimenes; dzīvo kopā.',
  'Bērni ir ļoti pieķērušies viens otram.',
  'Kopā apmeklē vienu skolu un pulciņus.',
];
export const TOWNS = [
  'Rīga',
  'Daugavpils',
  'Liepāja',
  'Jelgava',
  'Jūrmala',
  'Ventspils',
  'Rēzekne',
  'Valmiera',
  'Jēkabpils',
  'Ogre',
  'Tukums',
  'Cēsis',
  'Salaspils',
  'Kuldīga',
  'Olaine',
  'Saldus',
  'Talsi',
  'Dobele',
  'Krāslava',
  'Bauska',
  'Ludza',
  'Sigulda',
  'Līvāni',
  'Gulbene',
  'Madona',
  'Balvi',
  'Preiļi',
  'Alūksne',
  'Aizkraukle',
  'Smiltene',
];
export const STREETS = [
  'Brīvības iela',
  'Skolas iela',
  'Ozolu iela',
  'Dārza iela',
  'Rīgas iela',
  'Lāčplēša iela',
  'Ābeļu iela',
  'Meža iela',
];
export const RELIGIONS = ['luterānis', 'katolis', 'pareizticīgais', 'baptists'];
/** [masculine, feminine] forms, weighted roughly as Latvia's population. */
export const ETHNICITIES: readonly (readonly [readonly [string, string], number])[] = [
  [['latvietis', 'latviete'], 62],
  [['krievs', 'krieviete'], 24],
  [['baltkrievs', 'baltkrieviete'], 3],
  [['ukrainis', 'ukrainiete'], 3],
  [['polis', 'poliete'], 2],
  [['lietuvietis', 'lietuviete'], 1],
];
export const LANGUAGES = ['latviešu', 'krievu', 'latviešu vai krievu'];
/** Countries of foreign adopters (ISO alpha-2), and an address in each, in the same order. */
export const FOREIGN_COUNTRIES = ['FR', 'IT', 'US', 'ES'];
export const FOREIGN_ADDRESSES = [
  '12 rue des Lilas, 69003 Lyon, France',
  'Via Garibaldi 21, 10122 Torino, Italia',
  '418 Maple Avenue, Springfield, IL 62704, USA',
  'Calle Mayor 8, 28013 Madrid, España',
];
export const MOTIVATIONS = [
  'Ģimenē nav bērnu; vēlas dot mājas bērnam, kuram tās vajadzīgas.',
  'Ģimenē aug viens bērns; vēlas, lai viņam būtu brālis vai māsa.',
  'Ilgstoši nevar kopīgi iegūt bērnus; ārstēšanās nav devusi rezultātu.',
  'Bijuši audžuvecāki; vēlas kādam bērnam kļūt par pastāvīgu ģimeni.',
  'Pieaugušie bērni dzīvo atsevišķi; vēlas audzināt vēl kādu bērnu.',
];
export const WISHES_NOTES = [
  'Vēlams bērns, kurš var apmeklēt vispārizglītojošo skolu.',
  'Gatavi pieņemt brāļus un māsas.',
  'Dzīvo laukos; bērnam būs sava istaba.',
  null,
  null,
];
export const REFUSAL_REASONS = [
  'Bērna veselības stāvoklis neatbilst ģimenes iespējām.',
  'Bērns ir vecāks, nekā ģimene spēj uzņemties.',
  'Pēc iepazīšanās ģimene nejūt, ka bērns iederētos.',
  'Mainījušies ģimenes apstākļi (darba maiņa, pārcelšanās).',
  'Brāļus un māsas kopā ģimene uzņemt nespēj.',
];
/** Foreign adopters' given names and surnames (not Latvian: they need no agreeing forms). */
export const FOREIGN_GIVEN = [
  'Marie',
  'Sophie',
  'Giulia',
  'Emily',
  'Claire',
  'Lucía',
  'Pierre',
  'Marco',
  'John',
  'Thomas',
  'Luca',
  'Javier',
];
export const FOREIGN_SURNAMES = [
  'Dubois',
  'Moreau',
  'Rossi',
  'Bianchi',
  'Miller',
  'Johnson',
  'García',
  'Fernández',
  'Lefèvre',
  'Ricci',
];
/** Invented intermediaries: the real accredited bodies are not named in synthetic data. */
export const FOREIGN_AUTHORITIES = [
  'Accredited adoption body "Bridges of Hope"',
  'Accredited adoption body "Famiglie Unite"',
  'Central Authority for Intercountry Adoption',
  'Accredited adoption body "Nouvelles Familles"',
];

/** Notes of a "would consider" answer (graded wishes): what the adopter would need. */
export const CONSIDER_NOTES = [
  'Apsvērtu, ja ārstēšana pieejama tuvākajā slimnīcā.',
  'Vēlamies vispirms konsultēties ar ģimenes ārstu.',
  'Apsvērtu pēc sarunas ar bērna aprūpētājiem.',
  'Iespējams, ja būs pieejama rehabilitācija dzīvesvietā.',
  'Varētu apsvērt, ja bērna stāvoklis ir stabils.',
] as const;
