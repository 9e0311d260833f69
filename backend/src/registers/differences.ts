import type { RegisterDifferenceKind } from '@adoption/model';
import type { Asked } from './check';
import { compareRecord, type CheckResource, type Value } from './compare';
import type { RegisterName } from './types';

// What the nightly reconciliation writes into the work queue for one record: the fields the card
// check marks different or missing, as queue items with their kind. Pure: reconcile.ts asks the
// registers and keeps the queue; this file only turns one record's answers into its differences.

export interface FoundDifference {
  register: RegisterName;
  /** The compared field; `person` when the population register does not know the person. */
  field: string;
  kind: RegisterDifferenceKind;
  state: 'different' | 'missing_ours' | 'missing_theirs' | 'not_found';
  ours: Value;
  theirs: Value;
}

/** The queue's kind of each compared field (its filter groups them so). */
export const kindOfField: Readonly<Record<string, RegisterDifferenceKind>> = {
  givenNames: 'names',
  surname: 'names',
  birthDate: 'birth',
  sex: 'sex',
  declaredAddress: 'address',
  deathDate: 'death',
  spouseGivenNames: 'spouse',
  spouseSurname: 'spouse',
  spouseBirthDate: 'spouse',
  disabilityGroup: 'disability',
  disabilityFrom: 'disability',
  disabilityUntil: 'disability',
  person: 'not_found',
};

/** The field of an item for a person the population register does not know. */
export const PERSON_FIELD = 'person';

export interface RecordDifferences {
  differences: FoundDifference[];
  /** The registers that answered (found or not): only their open items may be found gone. */
  answered: RegisterName[];
}

/**
 * One record's differences from the registers' answers. Every field is compared (the queue's
 * readers are shown only what their role may see, differences-routes.ts).
 */
export function differencesOf(
  resource: CheckResource,
  row: Record<string, unknown>,
  asked: Asked,
): RecordDifferences {
  const answered: RegisterName[] = [];
  if (asked.population.state !== 'unavailable') answered.push('population');
  if (asked.disability && asked.disability.state !== 'unavailable') answered.push('disability');
  const differences: FoundDifference[] = [];
  if (asked.population.state === 'not_found') {
    differences.push({
      register: 'population',
      field: PERSON_FIELD,
      kind: 'not_found',
      state: 'not_found',
      ours: null,
      theirs: null,
    });
  }
  // The specialist's role sees every field the check compares.
  const fields = compareRecord(
    resource,
    'adoption_specialist',
    row,
    asked.population,
    asked.disability,
  );
  for (const f of fields) {
    if (f.state === 'same') continue;
    differences.push({
      register: f.register,
      field: f.field,
      kind: kindOfField[f.field] ?? 'names',
      state: f.state,
      ours: f.ours,
      theirs: f.theirs,
    });
  }
  return { differences, answered };
}
