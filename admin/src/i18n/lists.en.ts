/*
 * English messages of the children and adopters lists (filters, columns, export), kept apart from
 * en.ts for size; en.ts spreads the block at its top level. Same tree in lists.lv.ts.
 */
export const listsEn = {
  lists: {
    export: {
      csv: 'CSV',
      xlsx: 'XLSX',
      failed: 'The export could not be made',
    },
    consent: {
      given: 'Consents',
      refused: 'Does not consent',
      none: 'Not recorded',
    },
    wished_sex: {
      female: 'Girl',
      male: 'Boy',
      any: 'Either',
    },
    children: {
      age: 'Age',
      ageBand: 'Age group',
      waitingMonths: 'In register (months)',
      waitingMonthsMin: 'In the register at least (months)',
      waitingMonthsMax: 'In the register at most (months)',
      legallyFree: 'Legally free for adoption',
      siblingGroup: 'Brothers or sisters in the register',
      hasDisability: 'Disability',
      clearedAbroad: 'May be adopted abroad',
      consent: "Child's consent",
      doesNotWishAdoption: 'Does not wish to be adopted',
    },
    adopters: {
      waitingMonths: 'Waiting (months)',
      waitingMonthsMin: 'Waiting at least (months)',
      waitingMonthsMax: 'Waiting at most (months)',
      wishedSex: 'Sex wished',
      wishedAge: 'Would accept a child aged (years)',
      wishedAgeRange: 'Age wished',
      acceptsSiblings: 'Would accept siblings',
      countryId: 'Country',
    },
  },
};
