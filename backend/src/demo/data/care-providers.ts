// About 40 SYNTHETIC out-of-family care providers: children's care institutions, branches of
// state social care centres, family-type homes ("ģimeniskai videi pietuvināts pakalpojums") and
// crisis centres. Every name is invented (the state centres' real names are not used either);
// addresses, phones and e-mails are made up (e-mails on the reserved .example domain).
//
// Registration numbers: 11 digits starting 9000 like those of Latvian public bodies, but each is
// chosen to FAIL the register's mod-11 check (weights 9,1,4,8,3,10,2,5,7,6,1, sum ≡ 3 for a real
// number; python-stdnum stdnum/lv/pvn.py), so none can be a real institution's number.

import { createRng } from '../../latvian/random';
import type { Rng } from '../../latvian/random';
import { COMMON_STREETS, syntheticPhone } from './orphan-courts';
import { centrePostcodes, placeSlug, territories } from './territories';
import type { Territory } from './territories';

export type CareProviderKind =
  | 'children_care_institution'
  | 'social_care_centre'
  | 'family_type_home'
  | 'crisis_centre';

export interface AddressParts {
  street: string;
  house: string;
  town: string;
  /** LV-#### */
  postcode: string;
}

export interface CareProvider {
  name: string;
  kind: CareProviderKind;
  /** Synthetic, see the header: never a valid real registration number. */
  registrationNumber: string;
  /** One line, as stored: "Skolas iela 5, Ādaži, Ādažu nov., LV-2164". */
  legalAddress: string;
  addressParts: AddressParts;
  atvkCode: string;
  phone: string;
  email: string;
}

/** Latvian typographic quotes: „Saulīte”. */
const q = (name: string): string => `„${name}”`;

type Seed = readonly [kind: CareProviderKind, name: string, atvkCode: string];

const SEEDS: readonly Seed[] = [
  ['children_care_institution', `Bērnu sociālās aprūpes centrs ${q('Saulīte')}`, '0001000'],
  ['children_care_institution', `Bērnu aprūpes centrs ${q('Ozolzīle')}`, '0001000'],
  ['children_care_institution', `Bērnu nams ${q('Zvaigznīte')}`, '0002000'],
  ['children_care_institution', `Bērnu sociālās aprūpes centrs ${q('Dzērvenīte')}`, '0005000'],
  ['children_care_institution', `Bērnu aprūpes centrs ${q('Mežmalas')}`, '0038000'],
  ['children_care_institution', `Sociālās aprūpes centrs bērniem ${q('Rūķīši')}`, '0006000'],
  ['children_care_institution', `Bērnu nams ${q('Ābelīte')}`, '0033000'],
  ['children_care_institution', `Bērnu aprūpes centrs ${q('Vējiņš')}`, '0007000'],
  ['children_care_institution', `Bērnu sociālās aprūpes centrs ${q('Sprīdītis')}`, '0003000'],
  ['children_care_institution', `Bērnu aprūpes iestāde ${q('Pīlādzītis')}`, '0024000'],
  ['children_care_institution', `Bērnu nams ${q('Laimiņa')}`, '0032000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Ziemeļkurzeme')} filiāle ${q('Lapsiņas')}`, '0051000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Ziemeļkurzeme')} filiāle ${q('Kāpas')}`, '0056000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Dienvidlatgale')} filiāle ${q('Ezerkrasti')}`, '0022000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Dienvidlatgale')} filiāle ${q('Rudzupuķe')}`, '0037000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Vidusdaugava')} filiāle ${q('Krasti')}`, '0020000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Vidusdaugava')} filiāle ${q('Birztala')}`, '0031000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Piejūra')} filiāle ${q('Priedaine')}`, '0004000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Augšzeme')} filiāle ${q('Gaujmala')}`, '0054000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Augšzeme')} filiāle ${q('Silmala')}`, '0021000'],
  ['social_care_centre', `Valsts sociālās aprūpes centra ${q('Zemgales līdzenums')} filiāle ${q('Lielupe')}`, '0025000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Mājas zem liepām')}`, '0001000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Cielaviņa')}`, '0040000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Pūcītes')}`, '0026000'],
  ['family_type_home', `Ģimenes māja ${q('Saulgriezes')}`, '0048000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Kastanis')}`, '0028000'],
  ['family_type_home', `Ģimenes māja ${q('Mazie ķipari')}`, '0046000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Ozoliņi')}`, '0023000'],
  ['family_type_home', `Ģimenes māja ${q('Dzīpariņi')}`, '0043000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Jāņogas')}`, '0052000'],
  ['family_type_home', `Ģimenes māja ${q('Čiekuriņi')}`, '0035000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Ķiršu dārzs')}`, '0034000'],
  ['family_type_home', `Ģimenes māja ${q('Gaiļbiksītes')}`, '0029000'],
  ['family_type_home', `Ģimeniskai videi pietuvināts pakalpojums ${q('Mārītes')}`, '0055000'],
  ['crisis_centre', `Krīzes centrs ${q('Paspārne')}`, '0001000'],
  ['crisis_centre', `Bērnu krīzes centrs ${q('Drošā osta')}`, '0005000'],
  ['crisis_centre', `Ģimeņu krīzes centrs ${q('Gaismas stars')}`, '0042000'],
  ['crisis_centre', `Krīzes centrs bērniem ${q('Māras pūriņš')}`, '0030000'],
  ['crisis_centre', `Krīzes centrs ${q('Patvērums')}`, '0044000'],
  ['crisis_centre', `Bērnu un ģimeņu krīzes centrs ${q('Pakavs')}`, '0027000'],
];

const REGISTER_WEIGHTS = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1] as const;

/** True when a number would pass the Register of Enterprises check, i.e. could be real. */
export function passesRegisterCheck(number: string): boolean {
  const sum = REGISTER_WEIGHTS.reduce((acc, w, i) => acc + w * Number(number[i]), 0);
  return sum % 11 === 3;
}

function syntheticRegistrationNumber(rng: Rng, taken: ReadonlySet<string>): string {
  for (;;) {
    const candidate = `9000${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!passesRegisterCheck(candidate) && !taken.has(candidate)) return candidate;
  }
}

function territoryByCode(atvkCode: string): Territory {
  const territory = territories.find((t) => t.atvkCode === atvkCode);
  if (territory === undefined) throw new Error(`care provider names unknown ATVK ${atvkCode}`);
  return territory;
}

function addressIn(territory: Territory, rng: Rng): AddressParts {
  const town = territory.centre;
  return {
    street: rng.pick(COMMON_STREETS),
    house: `${rng.int(1, 120)}${rng.chance(0.15) ? rng.pick(['A', 'B', 'k-1']) : ''}`,
    town,
    postcode: centrePostcodes[town] ?? 'LV-1050',
  };
}

/** "Skolas iela 5, Ādaži, Ādažu nov., LV-2164"; a state city needs no municipality. */
export function formatAddress(parts: AddressParts, territory: Territory): string {
  const municipality = territory.kind === 'municipality' && !isStateCity(parts.town);
  const place = municipality ? `${parts.town}, ${territory.name.replace(/ novads$/, ' nov.')}` : parts.town;
  return `${parts.street} ${parts.house}, ${place}, ${parts.postcode}`;
}

function isStateCity(town: string): boolean {
  return territories.some((t) => t.kind === 'state_city' && t.name === town);
}

/** The part in the last quotes, "Saulīte", made into a mail name with its town. */
function mailbox(name: string, territory: Territory): string {
  const quoted = [...name.matchAll(/„([^”]+)”/g)].map((m) => m[1] ?? '');
  return `${placeSlug(quoted.at(-1) ?? name)}-${placeSlug(territory.centre)}`;
}

/** Fixed seed: identical providers on every run. */
export const careProviders: readonly CareProvider[] = (() => {
  const rng = createRng('demo-care-providers-v1');
  const taken = new Set<string>();
  return SEEDS.map(([kind, name, atvkCode]) => {
    const territory = territoryByCode(atvkCode);
    const addressParts = addressIn(territory, rng);
    const registrationNumber = syntheticRegistrationNumber(rng, taken);
    taken.add(registrationNumber);
    return {
      name,
      kind,
      registrationNumber,
      legalAddress: formatAddress(addressParts, territory),
      addressParts,
      atvkCode,
      phone: syntheticPhone(rng),
      email: `info@${mailbox(name, territory)}.example`,
    };
  });
})();
