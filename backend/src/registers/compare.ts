import { hiddenFields, validatePersonalCode, type Role } from '@adoption/model';
import type { DisabilityRecord, LookupResult, PersonRecord, RegisterName } from './types';

// The register check's comparison (docs/integrations.md, "The register check"): our record beside
// the registers' answers, field by field. Pure: the routes (check.ts) ask the registers and read
// the notes; this file only says what is the same and what differs.

export type CheckResource = 'children' | 'adopters';
export type FieldState = 'same' | 'different' | 'missing_ours' | 'missing_theirs';
export type Value = string | null;

export interface FieldNote {
  reason: string;
  by: string;
  at: string;
}

export interface ComparedField {
  /** Our column's name (`deathDate`: no column of ours, the register's alone). */
  field: string;
  register: RegisterName;
  ours: Value;
  theirs: Value;
  state: FieldState;
  note?: FieldNote;
}

/** What a register said, or why it said nothing. */
export type RegisterOutcome<R> =
  | { state: 'answered' | 'not_found'; result: LookupResult<R> }
  | { state: 'unavailable'; lastAnsweredAt?: string };

/** The fields a check compares, per resource; those with a column of ours can be taken. */
export const comparedFields: Record<CheckResource, readonly string[]> = {
  children: [
    'givenNames',
    'surname',
    'birthDate',
    'sex',
    'deathDate',
    'disabilityGroup',
    'disabilityFrom',
    'disabilityUntil',
  ],
  // Adopters' records hold no sex, so there is nothing of ours to compare it with.
  adopters: [
    'givenNames',
    'surname',
    'birthDate',
    'deathDate',
    'declaredAddress',
    'spouseGivenNames',
    'spouseSurname',
    'spouseBirthDate',
  ],
};

/** Fields the register knows and we keep nowhere: shown, never taken. */
export const untakeable = new Set(['deathDate']);

const text = (v: unknown): Value => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * Exact comparison: case and diacritics count (Ozola and Ozoliņa are two surnames), dates as ISO
 * strings. Both empty is the same (no disability end on either side: indefinite on both).
 */
export function fieldState(ours: Value, theirs: Value): FieldState {
  if (ours === theirs) return 'same';
  if (ours === null) return 'missing_ours';
  if (theirs === null) return 'missing_theirs';
  return 'different';
}

/** The spouse's birth date as the register gives it: only an old-format code encodes one. */
function birthDateOfCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const valid = validatePersonalCode(code);
  return valid.ok && valid.format === 'old' ? (valid.birthDate ?? null) : null;
}

function populationFields(
  resource: CheckResource,
  row: Record<string, unknown>,
  person: PersonRecord,
): [string, Value, Value][] {
  const out: [string, Value, Value][] = [
    ['givenNames', text(row.givenNames), person.givenNames],
    ['surname', text(row.surname), person.surname],
    ['birthDate', text(row.birthDate), person.birthDate],
  ];
  if (resource === 'children') out.push(['sex', text(row.sex), person.sex]);
  if (person.deathDate) out.push(['deathDate', null, person.deathDate]);
  if (resource === 'adopters') {
    out.push(['declaredAddress', text(row.declaredAddress), person.declaredAddress?.text ?? null]);
    // Only where the service gives the spouse at all (undefined: it does not say).
    if (person.spouse !== undefined) {
      const spouse = person.spouse;
      out.push(
        ['spouseGivenNames', text(row.spouseGivenNames), spouse?.givenNames ?? null],
        ['spouseSurname', text(row.spouseSurname), spouse?.surname ?? null],
      );
      const theirs = birthDateOfCode(spouse?.personalCode);
      // A new-format code (or none) says nothing of the birth date: no comparison, not "missing".
      if (theirs || !spouse) out.push(['spouseBirthDate', text(row.spouseBirthDate), theirs]);
    }
  }
  return out;
}

function disabilityFields(
  row: Record<string, unknown>,
  decision: DisabilityRecord | null,
): [string, Value, Value][] {
  return [
    ['disabilityGroup', text(row.disabilityGroup), decision?.group ?? null],
    ['disabilityFrom', text(row.disabilityFrom), decision?.from ?? null],
    ['disabilityUntil', text(row.disabilityUntil), decision?.until ?? null],
  ];
}

/**
 * Whether the role may see a compared field: as the record's field of that name, a death date (no
 * column of ours) as the birth date.
 */
export function comparedFieldVisible(resource: CheckResource, role: Role, field: string): boolean {
  return !hiddenFields(resource, role).has(field === 'deathDate' ? 'birthDate' : field);
}

/**
 * The fields of one check. A population register that does not know the person gives no fields
 * (its state says so); a disability register without a decision is compared as "no disability".
 * Fields the role may not see are left out; a death date goes with the birth date's group.
 */
export function compareRecord(
  resource: CheckResource,
  role: Role,
  row: Record<string, unknown>,
  population: RegisterOutcome<PersonRecord>,
  disability: RegisterOutcome<DisabilityRecord> | undefined,
  notes: ReadonlyMap<string, FieldNote> = new Map(),
): ComparedField[] {
  const fields: ComparedField[] = [];
  const add = (register: RegisterName, list: [string, Value, Value][]) => {
    for (const [field, ours, theirs] of list) {
      const state = fieldState(ours, theirs);
      const note = notes.get(field);
      fields.push({ field, register, ours, theirs, state, ...(note ? { note } : {}) });
    }
  };
  if (population.state === 'answered' && population.result.found) {
    add('population', populationFields(resource, row, population.result.record));
  }
  if (disability && disability.state !== 'unavailable') {
    const decision = disability.result.found ? disability.result.record : null;
    // No decision and nothing of ours either: nothing to show.
    const list = disabilityFields(row, decision).filter(([, ours]) => decision || ours !== null);
    add('disability', list);
  }
  return fields.filter((f) => comparedFieldVisible(resource, role, f.field));
}
