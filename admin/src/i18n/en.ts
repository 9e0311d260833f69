import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const timestamps = {
  id: 'ID',
  version: 'Version',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

/** Our own messages (the same tree in `lv.ts`). */
const appEnglish = {
  app: {
    title: 'Adoption Register',
    menu: {
      classifiers: 'Classifiers',
    },
    environment: {
      test: 'TEST ENVIRONMENT — not real data',
      dev: 'DEVELOPMENT',
      prod: 'Production',
      version: 'Version %{version} (%{commit})',
    },
    dashboard: {
      greeting: 'Hello, %{name}!',
      greeting_anonymous: 'Hello!',
      intro:
        "The Adoption Register is the national register kept by Latvia's Ministry of Welfare. It records children who can be adopted and the persons an orphan court has recognised as adopters, and it supports finding a family for a child and following each adoption through its steps.",
      restricted:
        "The register's content is restricted-access information. Every access to a child's or an adopter's record is logged.",
      classifiers: 'Classifiers',
      open_list: 'Open the list',
      cards: {
        territories: 'State cities and municipalities with their ATVK codes',
        orphan_courts: 'Orphan courts and their contact details',
        care_providers: "Children's care institutions and other out-of-family care providers",
        countries: 'Countries and their membership of the 1993 Hague Adoption Convention',
      },
    },
    sections: {
      orphan_courts_in_territory: 'Orphan courts in this territory',
      care_providers_in_territory: 'Care providers in this territory',
    },
    validation: {
      digits: 'Must be exactly %{count} digits',
      upper_letters: 'Must be exactly %{count} capital Latin letters',
      phone: 'Must be a phone number such as +371 67 123 456',
    },
    enums: {
      territory_kind: {
        state_city: 'State city',
        municipality: 'Municipality',
      },
      care_provider_kind: {
        children_care_institution: "Children's care institution",
        social_care_centre: 'Social care centre',
        family_type_home: 'Family-like care service',
        crisis_centre: 'Crisis centre',
      },
    },
  },
  resources: {
    territories: {
      name: 'Territory |||| Territories',
      fields: {
        ...timestamps,
        atvkCode: 'ATVK code',
        name: 'Name',
        kind: 'Kind',
      },
    },
    'orphan-courts': {
      name: 'Orphan court |||| Orphan courts',
      fields: {
        ...timestamps,
        name: 'Name',
        territoryId: 'Territory',
        address: 'Address',
        phone: 'Phone',
        email: 'E-mail',
      },
    },
    'care-providers': {
      name: 'Care provider |||| Care providers',
      fields: {
        ...timestamps,
        name: 'Name',
        kind: 'Kind',
        registrationNumber: 'Registration number',
        legalAddress: 'Legal address',
        territoryId: 'Territory',
        phone: 'Phone',
        email: 'E-mail',
      },
    },
    countries: {
      name: 'Country |||| Countries',
      fields: {
        id: 'ID',
        alpha2: 'Alpha-2 code',
        alpha3: 'Alpha-3 code',
        numeric: 'Numeric code',
        nameLv: 'Name in Latvian',
        nameEn: 'Name in English',
        hagueAdoption1993: 'Party to the 1993 Hague Convention',
        version: 'Version',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
  },
};

const en: TranslationMessages = { ...englishMessages, ...appEnglish };

export default en;
