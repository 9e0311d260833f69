// One orphan court (bāriņtiesa) per municipality, derived from the territories. The names follow
// the real pattern ("Rīgas bāriņtiesa", "Ādažu novada bāriņtiesa"); addresses, phones and
// e-mails are SYNTHETIC. E-mails use the reserved .example top-level domain (RFC 2606) so that a
// demo environment can never mail a real orphan court.

import { createRng } from '../../latvian/random';
import type { Rng } from '../../latvian/random';
import { addressTail, placeSlug, territories } from './territories';
import type { Territory } from './territories';

export interface OrphanCourt {
  atvkCode: string;
  name: string;
  address: string;
  phone: string;
  email: string;
}

/** Streets found in most Latvian towns, for invented addresses. */
export const COMMON_STREETS: readonly string[] = [
  'Brīvības iela',
  'Rīgas iela',
  'Skolas iela',
  'Pils iela',
  'Lielā iela',
  'Dārza iela',
  'Parka iela',
  'Baznīcas iela',
  'Stacijas iela',
  'Saules iela',
  'Ezera iela',
  'Meža iela',
  'Liepu iela',
  'Kalna iela',
  'Upes iela',
  'Raiņa iela',
];

/** Genitive of a state city's name: Rīga → Rīgas, Rēzekne → Rēzeknes, Ventspils → Ventspils. */
export function cityGenitive(name: string): string {
  if (name.endsWith('pils')) return name;
  if (/[ae]$/.test(name)) return `${name}s`;
  throw new RangeError(`no genitive rule for ${name}`);
}

/** "Rīgas bāriņtiesa" for a state city, "Ādažu novada bāriņtiesa" for a novads. */
export function orphanCourtName(territory: Territory): string {
  return territory.kind === 'state_city'
    ? `${cityGenitive(territory.name)} bāriņtiesa`
    : `${territory.name.replace(/ novads$/, ' novada')} bāriņtiesa`;
}

/** A synthetic Latvian landline: +371, then 8 digits starting with 6. */
export function syntheticPhone(rng: Rng): string {
  return `+371 6${String(rng.int(3, 7))}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** "riga", "adazu-novads": distinct for a state city and the novads named after it. */
function mailSlug(territory: Territory): string {
  return placeSlug(territory.name);
}

function courtFor(territory: Territory, rng: Rng): OrphanCourt {
  return {
    atvkCode: territory.atvkCode,
    name: orphanCourtName(territory),
    address: `${rng.pick(COMMON_STREETS)} ${rng.int(1, 60)}, ${addressTail(territory)}`,
    phone: syntheticPhone(rng),
    email: `barintiesa@${mailSlug(territory)}.example`,
  };
}

/** Fixed seed: the same courts, addresses and phones on every run. */
export const orphanCourts: readonly OrphanCourt[] = (() => {
  const rng = createRng('demo-orphan-courts-v1');
  return territories.map((territory) => courtFor(territory, rng));
})();
