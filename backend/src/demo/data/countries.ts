// ISO 3166-1 countries from the installed i18n-iso-countries package, with Latvian and English
// names, and a flag for the contracting parties of the Hague Convention of 29 May 1993 on
// Protection of Children and Co-operation in Respect of Intercountry Adoption.

import * as isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import lv from 'i18n-iso-countries/langs/lv.json';

isoCountries.registerLocale(en);
isoCountries.registerLocale(lv);

export interface Country {
  alpha2: string;
  alpha3: string;
  /** Three digits, leading zeros kept: '040' Austria, '428' Latvia. */
  numeric: string;
  nameLv: string;
  nameEn: string;
  hagueAdoption1993: boolean;
}

/**
 * Contracting parties of the 1993 Hague Adoption Convention, as of 1 October 2025 (107 parties:
 * the Convention entered into force for the Republic of Korea that day). Built from the HCCH status
 * table (hcch.net/en/instruments/conventions/status-table/?cid=69; we could read it only from
 * Albania to Finland) and HCCH accession news: 96 parties in Dec 2015 (Namibia), then Ghana,
 * Kyrgyzstan, Benin, Guyana (100th, 2019), Honduras, Congo (102nd), Saint Kitts and Nevis (103rd,
 * 2020), Botswana (105th, 2022), Angola (2024), Republic of Korea (2025).
 * UNCONFIRMED: this list has 106 entries. The 104th party (joined between Oct 2020 and Nov 2022)
 * could not be identified, and the states after Finland come from general knowledge of the table.
 * Signatories that never ratified (e.g. Russian Federation, Nepal) are not parties. Territories
 * covered through their state (Hong Kong, Greenland …) are not flagged. Recheck against the HCCH
 * status table before relying on this for eligibility: the register must decide on current data.
 */
export const HAGUE_ADOPTION_1993_PARTIES: ReadonlySet<string> = new Set([
  // From the HCCH status table, Albania … Finland (read 2025).
  'AL', 'AD', 'AO', 'AM', 'AU', 'AT', 'AZ', 'BY', 'BE', 'BZ', 'BJ', 'BO', 'BW', 'BR', 'BG', 'BF',
  'BI', 'CV', 'KH', 'CA', 'CL', 'CN', 'CO', 'CG', 'CR', 'CI', 'HR', 'CU', 'CY', 'CZ', 'DK', 'DO',
  'EC', 'SV', 'EE', 'SZ', 'FJ', 'FI',
  // France … Zambia.
  'FR', 'GE', 'DE', 'GH', 'GR', 'GT', 'GN', 'GY', 'HT', 'HN', 'HU', 'IS', 'IN', 'IE', 'IL', 'IT',
  'KZ', 'KE', 'KG', 'LV', 'LS', 'LI', 'LT', 'LU', 'MG', 'ML', 'MT', 'MU', 'MX', 'MD', 'MC', 'MN',
  'ME', 'NA', 'NL', 'NZ', 'MK', 'NO', 'PA', 'PY', 'PE', 'PH', 'PL', 'PT', 'KR', 'RO', 'RW', 'KN',
  'SM', 'SN', 'RS', 'SC', 'SK', 'SI', 'ZA', 'ES', 'LK', 'SE', 'CH', 'TH', 'TG', 'TR', 'GB', 'US',
  'UY', 'VE', 'VN', 'ZM',
]);

/** i18n-iso-countries also lists XK (Kosovo), a user-assigned code outside ISO 3166-1. */
const NOT_IN_ISO_3166_1: ReadonlySet<string> = new Set(['XK']);

function requireValue(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new Error(`i18n-iso-countries has no ${what}`);
  return value;
}

export const countries: readonly Country[] = Object.keys(isoCountries.getAlpha2Codes())
  .filter((alpha2) => !NOT_IN_ISO_3166_1.has(alpha2))
  .sort()
  .map((alpha2) => ({
    alpha2,
    alpha3: requireValue(isoCountries.alpha2ToAlpha3(alpha2), `alpha-3 for ${alpha2}`),
    numeric: requireValue(isoCountries.alpha2ToNumeric(alpha2), `numeric code for ${alpha2}`),
    nameLv: requireValue(isoCountries.getName(alpha2, 'lv'), `Latvian name for ${alpha2}`),
    nameEn: requireValue(isoCountries.getName(alpha2, 'en'), `English name for ${alpha2}`),
    hagueAdoption1993: HAGUE_ADOPTION_1993_PARTIES.has(alpha2),
  }));
