import { rigaToday } from '@adoption/model';
import type { Db } from '../../db/database';
import { generateAdopters, generateChildren, DEMO_COUNTS } from '../../demo/people';
import { territories } from '../../demo/data/territories';
import { createRng } from '../../latvian/random';
import { generatePersonalCode } from '../../latvian/personal-code';
import { addDays } from '../../demo/generate-util';
import { FEMALE_GIVEN_NAMES, SURNAME_PAIRS } from '../../latvian/names';
import type { DisabilityRecord, PersonRecord } from '../types';

// Whom the simulator knows: the demo register's synthetic children and adopters (from a database
// or from the demo generators, the same people either way), as PMLP and VDEĀVK would hold them,
// with the differences a real comparison meets. Everything here is synthetic.

export interface SimulatedPerson {
  person: PersonRecord;
  disability: DisabilityRecord | null;
}

/** The personal codes that carry each deliberate difference (the tests and the demo use them). */
export interface Differences {
  /** A married adopter whose surname the register has changed (a double surname after marriage). */
  marriedSurname?: string;
  /** An adopter who moved: another declared address than ours. */
  moved?: string;
  /** A child whose disability ended: VDEĀVK's `until` is in the past. */
  disabilityEnded?: string;
  /** A child the population register does not know. */
  unknown?: string;
  /** An adopter who died. */
  died?: string;
}

/** What the simulator needs of one of our people (a child or an adopter row). */
export interface SourcePerson {
  personalCode: string | null;
  givenNames: string;
  surname: string;
  birthDate: string;
  sex?: 'female' | 'male' | null;
  declaredAddress?: string | null;
  nationalityKind?: PersonRecord['citizenship'] | null;
  disabilityGroup?: DisabilityRecord['group'];
  disabilityFrom?: string | null;
  disabilityUntil?: string | null;
  spouse?: { givenNames: string; surname: string; personalCode: string | null } | null;
}

const female = new Set(FEMALE_GIVEN_NAMES);
/** Adopters' cards hold no sex: the register's people are read from the first given name. */
const sexOf = (s: SourcePerson): PersonRecord['sex'] =>
  s.sex ?? (female.has(s.givenNames.split(' ')[0]!) ? 'female' : 'male');

const atvkOf = (address: string): string => {
  const t = territories.find((t) => address.includes(t.centre));
  return (t ?? territories[0]!).atvkCode;
};

/**
 * The registers' view of our people: every one with a personal code is known to PMLP, those with
 * a disability to VDEĀVK, and the first suitable person of each kind carries one difference.
 */
export function simulatedPeople(
  sources: readonly SourcePerson[],
  asOf = rigaToday(),
): { people: SimulatedPerson[]; differences: Differences } {
  const rng = createRng('register-simulator');
  const differences: Differences = {};
  const people: SimulatedPerson[] = [];
  const withCode = sources.filter((s): s is SourcePerson & { personalCode: string } =>
    Boolean(s.personalCode),
  );
  for (const s of withCode) {
    const address = s.declaredAddress ?? `Skolas iela ${rng.int(1, 60)}, Rīga, LV-1010`;
    const person: PersonRecord = {
      personalCode: s.personalCode,
      givenNames: s.givenNames,
      surname: s.surname,
      birthDate: s.birthDate,
      sex: sexOf(s),
      declaredAddress: { text: address, atvk: atvkOf(address) },
      citizenship: s.nationalityKind ?? 'citizen',
      deathDate: null,
      spouse: s.spouse ? { ...s.spouse } : null,
    };
    let disability: DisabilityRecord | null = null;
    if (s.disabilityGroup && s.disabilityFrom) {
      disability = {
        personalCode: s.personalCode,
        group: s.disabilityGroup,
        from: s.disabilityFrom,
        until: s.disabilityUntil ?? null,
        specialCareOpinion: rng.chance(0.5),
        decisionNumber: `VDEĀVK-${s.disabilityFrom.slice(0, 4)}/${rng.int(10000, 99999)}`,
      };
    }
    if (!differences.unknown && !s.spouse && !disability) {
      differences.unknown = s.personalCode;
      continue;
    }
    if (!differences.marriedSurname && person.spouse && person.sex === 'female') {
      // She married again and took a double surname: PMLP has it, our card the one before.
      differences.marriedSurname = s.personalCode;
      const pair = SURNAME_PAIRS.find(([, f]) => f !== person.surname) ?? SURNAME_PAIRS[0]!;
      person.surname = `${person.surname}-${pair[1]}`;
    } else if (!differences.moved && s.spouse) {
      differences.moved = s.personalCode;
      person.declaredAddress = {
        text: 'Ozolu iela 7-12, Valmiera, LV-4201',
        atvk: atvkOf('Valmiera'),
      };
    } else if (!differences.died && s.spouse && differences.moved) {
      differences.died = s.personalCode;
      person.deathDate = addDays(asOf, -40);
    } else if (!differences.disabilityEnded && disability) {
      differences.disabilityEnded = s.personalCode;
      disability.until = addDays(asOf, -rng.int(30, 400));
      if (disability.from > disability.until) disability.from = addDays(disability.until, -365);
    }
    people.push({ person, disability });
  }
  return { people, differences };
}

/** The demo register's people as the generators make them (no database needed). */
export function demoSources(asOf = rigaToday()): SourcePerson[] {
  const refs = { orphanCourtIds: [1], careProviderIds: [1], countryIds: [1] };
  const { children } = generateChildren(DEMO_COUNTS.children, 'demo-children', refs, asOf);
  const adopters = generateAdopters(DEMO_COUNTS.adopters, 'demo-adopters', refs, asOf);
  return [...children, ...adopters.map(adopterSource)];
}

/** The children and adopters of a register database (e.g. the running demo's). */
export async function databaseSources(db: Db): Promise<SourcePerson[]> {
  const children = await db
    .selectFrom('children')
    .select([
      'personalCode',
      'givenNames',
      'surname',
      'birthDate',
      'sex',
      'nationalityKind',
      'disabilityGroup',
      'disabilityFrom',
      'disabilityUntil',
    ])
    .where('personalCode', 'is not', null)
    .orderBy('id')
    .execute();
  const adopters = await db
    .selectFrom('adopters')
    .select([
      'personalCode',
      'givenNames',
      'surname',
      'birthDate',
      'declaredAddress',
      'spouseGivenNames',
      'spouseSurname',
      'spousePersonalCode',
    ])
    .where('personalCode', 'is not', null)
    .orderBy('id')
    .execute();
  return [...children, ...adopters.map(adopterSource)];
}

function adopterSource(a: {
  personalCode: string | null;
  givenNames: string;
  surname: string;
  birthDate: string;
  declaredAddress: string;
  spouseGivenNames: string | null;
  spouseSurname: string | null;
  spousePersonalCode: string | null;
}): SourcePerson {
  return {
    personalCode: a.personalCode,
    givenNames: a.givenNames,
    surname: a.surname,
    birthDate: a.birthDate,
    declaredAddress: a.declaredAddress,
    spouse:
      a.spouseGivenNames && a.spouseSurname
        ? {
            givenNames: a.spouseGivenNames,
            surname: a.spouseSurname,
            personalCode: a.spousePersonalCode,
          }
        : null,
  };
}

/** A valid personal code nobody in the simulator has (for "not found" without the differences). */
export function unknownCode(known: ReadonlySet<string>): string {
  const rng = createRng('unknown-code');
  for (;;) {
    const code = generatePersonalCode(rng, '1990-01-01');
    if (!known.has(code)) return code;
  }
}
