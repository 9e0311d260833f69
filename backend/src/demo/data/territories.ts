// Latvia's 43 municipalities since the 2021 administrative reform (Administratīvo teritoriju un
// apdzīvoto vietu likums, in force 1 July 2021; Varakļānu novads re-established 1 July 2022):
// 7 state cities (valstspilsētu pašvaldības) and 36 novadi.
//
// ATVK codes: classifier "ATVK 2021" (Cabinet Regulation No. 379 of 15 June 2021). The CSP page
// (csp.gov.lv/lv/klasifikacija/administrativo-teritoriju-un-teritoriala-iedalijuma-vienibu-
// klasifikators) gives the structure: 7 characters, positions 3–4 the municipality, 01–19 for state
// cities and 20–99 for novadi, positions 5–6 and 7 zero for the municipality itself. The codes
// themselves come from one public listing (a Latvian public-sector UI component library's "latvia"
// map picker, 0001000 Rīga … 0056000 Ventspils novads) that fits that structure; we could not read
// the regulation's annex itself, so they are UNCONFIRMED against the official text. Note they are
// not the pre-2021 ATVK codes (Rīga was 0010000 there). 0050000 is absent from the listing.
//
// Administrative centres are those named in the law's annex, from general knowledge (not checked
// line by line): e.g. Augšdaugavas novads is administered from Daugavpils, Ropažu novads from
// Ulbroka, Dienvidkurzemes novads from Grobiņa.

export type TerritoryKind = 'state_city' | 'municipality';

export interface Territory {
  atvkCode: string;
  name: string;
  kind: TerritoryKind;
  /** Administrative centre (town), used for synthetic addresses. */
  centre: string;
}

const stateCity = (atvkCode: string, name: string): Territory => ({
  atvkCode,
  name,
  kind: 'state_city',
  centre: name,
});
const novads = (atvkCode: string, name: string, centre: string): Territory => ({
  atvkCode,
  name,
  kind: 'municipality',
  centre,
});

export const territories: readonly Territory[] = [
  stateCity('0001000', 'Rīga'),
  stateCity('0002000', 'Daugavpils'),
  stateCity('0003000', 'Jelgava'),
  stateCity('0004000', 'Jūrmala'),
  stateCity('0005000', 'Liepāja'),
  stateCity('0006000', 'Rēzekne'),
  stateCity('0007000', 'Ventspils'),
  novads('0020000', 'Aizkraukles novads', 'Aizkraukle'),
  novads('0021000', 'Alūksnes novads', 'Alūksne'),
  novads('0022000', 'Augšdaugavas novads', 'Daugavpils'),
  novads('0023000', 'Ādažu novads', 'Ādaži'),
  novads('0024000', 'Balvu novads', 'Balvi'),
  novads('0025000', 'Bauskas novads', 'Bauska'),
  novads('0026000', 'Cēsu novads', 'Cēsis'),
  novads('0027000', 'Dienvidkurzemes novads', 'Grobiņa'),
  novads('0028000', 'Dobeles novads', 'Dobele'),
  novads('0029000', 'Gulbenes novads', 'Gulbene'),
  novads('0030000', 'Jelgavas novads', 'Jelgava'),
  novads('0031000', 'Jēkabpils novads', 'Jēkabpils'),
  novads('0032000', 'Krāslavas novads', 'Krāslava'),
  novads('0033000', 'Kuldīgas novads', 'Kuldīga'),
  novads('0034000', 'Ķekavas novads', 'Ķekava'),
  novads('0035000', 'Limbažu novads', 'Limbaži'),
  novads('0036000', 'Līvānu novads', 'Līvāni'),
  novads('0037000', 'Ludzas novads', 'Ludza'),
  novads('0038000', 'Madonas novads', 'Madona'),
  novads('0039000', 'Mārupes novads', 'Mārupe'),
  novads('0040000', 'Ogres novads', 'Ogre'),
  novads('0041000', 'Olaines novads', 'Olaine'),
  novads('0042000', 'Preiļu novads', 'Preiļi'),
  novads('0043000', 'Rēzeknes novads', 'Rēzekne'),
  novads('0044000', 'Ropažu novads', 'Ulbroka'),
  novads('0045000', 'Salaspils novads', 'Salaspils'),
  novads('0046000', 'Saldus novads', 'Saldus'),
  novads('0047000', 'Saulkrastu novads', 'Saulkrasti'),
  novads('0048000', 'Siguldas novads', 'Sigulda'),
  novads('0049000', 'Smiltenes novads', 'Smiltene'),
  novads('0051000', 'Talsu novads', 'Talsi'),
  novads('0052000', 'Tukuma novads', 'Tukums'),
  novads('0053000', 'Valkas novads', 'Valka'),
  novads('0054000', 'Valmieras novads', 'Valmiera'),
  novads('0055000', 'Varakļānu novads', 'Varakļāni'),
  novads('0056000', 'Ventspils novads', 'Ventspils'),
];

/** Postcodes of the centres' main post offices, for plausible synthetic addresses. From general
 *  knowledge of the LV-#### scheme, not checked against Latvijas Pasts; do not use for mail. */
export const centrePostcodes: Readonly<Record<string, string>> = {
  Rīga: 'LV-1050',
  Daugavpils: 'LV-5401',
  Jelgava: 'LV-3001',
  Jūrmala: 'LV-2015',
  Liepāja: 'LV-3401',
  Rēzekne: 'LV-4601',
  Ventspils: 'LV-3601',
  Aizkraukle: 'LV-5101',
  Alūksne: 'LV-4301',
  Ādaži: 'LV-2164',
  Balvi: 'LV-4501',
  Bauska: 'LV-3901',
  Cēsis: 'LV-4101',
  Grobiņa: 'LV-3430',
  Dobele: 'LV-3701',
  Gulbene: 'LV-4401',
  Jēkabpils: 'LV-5201',
  Krāslava: 'LV-5601',
  Kuldīga: 'LV-3301',
  Ķekava: 'LV-2123',
  Limbaži: 'LV-4001',
  Līvāni: 'LV-5316',
  Ludza: 'LV-5701',
  Madona: 'LV-4801',
  Mārupe: 'LV-2167',
  Ogre: 'LV-5001',
  Olaine: 'LV-2114',
  Preiļi: 'LV-5301',
  Ulbroka: 'LV-2130',
  Salaspils: 'LV-2121',
  Saldus: 'LV-3801',
  Saulkrasti: 'LV-2160',
  Sigulda: 'LV-2150',
  Smiltene: 'LV-4729',
  Talsi: 'LV-3201',
  Tukums: 'LV-3101',
  Valka: 'LV-4701',
  Valmiera: 'LV-4201',
  Varakļāni: 'LV-4838',
};

/** "Ādažu nov." as written in Latvian addresses; state cities stand alone. */
export function addressTail(territory: Territory): string {
  const town = territory.centre;
  const postcode = centrePostcodes[town] ?? 'LV-1050';
  const centreIsStateCity = territories.some((t) => t.kind === 'state_city' && t.name === town);
  return centreIsStateCity
    ? `${town}, ${postcode}`
    : `${town}, ${territory.name.replace(/ novads$/, ' nov.')}, ${postcode}`;
}

/** ASCII slug of a place name for synthetic e-mail domains: 'Ķekava' → 'kekava'. */
export function placeSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
