/*
 * Latvian messages of the children and adopters lists (filters, columns, export), kept apart from
 * lv.ts for size; lv.ts spreads the block at its top level. Same tree in lists.en.ts.
 */
export const listsLv = {
  lists: {
    export: {
      csv: 'CSV',
      xlsx: 'XLSX',
      failed: 'Eksportu neizdevās izveidot',
    },
    consent: {
      given: 'Piekrīt',
      refused: 'Nepiekrīt',
      none: 'Nav reģistrēta',
    },
    wished_sex: {
      female: 'Meitene',
      male: 'Zēns',
      any: 'Nav nozīmes',
    },
    children: {
      age: 'Vecums',
      ageBand: 'Vecuma grupa',
      waitingMonths: 'Reģistrā (mēn.)',
      waitingMonthsMin: 'Reģistrā vismaz (mēneši)',
      waitingMonthsMax: 'Reģistrā ne ilgāk par (mēnešiem)',
      legallyFree: 'Juridiski brīvs adopcijai',
      siblingGroup: 'Brāļi vai māsas reģistrā',
      hasDisability: 'Invaliditāte',
      clearedAbroad: 'Var adoptēt uz ārvalstīm',
      consent: 'Bērna piekrišana',
      doesNotWishAdoption: 'Nevēlas tikt adoptēts',
    },
    adopters: {
      waitingMonths: 'Gaida (mēn.)',
      waitingMonthsMin: 'Gaida vismaz (mēneši)',
      waitingMonthsMax: 'Gaida ne ilgāk par (mēnešiem)',
      wishedSex: 'Vēlamais dzimums',
      wishedAge: 'Pieņemtu bērnu vecumā (gadi)',
      wishedAgeRange: 'Vēlamais vecums',
      acceptsSiblings: 'Pieņemtu brāļus un māsas',
      countryId: 'Valsts',
    },
  },
};
