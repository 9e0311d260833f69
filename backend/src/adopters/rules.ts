import { rigaToday } from '@adoption/model';
import type { Db } from '../db/database';
import type { FieldError } from '../http/problem';
import { Problem } from '../http/problem';
import { allOrNone, datesInOrder, personalCodeErrors } from '../people/rules';
import { oldEnoughToAdopt, oldestChildAge } from '../people/age-gap';
import type { Refusal } from '../db/tables/adopters';

// Rules of the adopter record across fields: small pure functions answering field errors.

type Record_ = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The whole record: identity of both spouses, decision dates, age rule, wishes, foreign, training. */
export function checkAdopter(a: Record_, today = rigaToday()): FieldError[] {
  const errors = [
    ...personalCodeErrors('personalCode', str(a.personalCode), str(a.birthDate)),
    ...personalCodeErrors('spousePersonalCode', str(a.spousePersonalCode), str(a.spouseBirthDate)),
    ...allOrNone(a, ['spouseGivenNames', 'spouseSurname', 'spouseBirthDate']),
    ...datesInOrder(
      [
        ['birthDate', str(a.birthDate)],
        ['trainingCertificateDate', str(a.trainingCertificateDate)],
        ['decisionDate', str(a.decisionDate)],
        ['enteredOn', str(a.enteredOn)],
      ],
      today,
    ),
    ...allOrNone(a, ['trainingCertificateNumber', 'trainingCertificateDate']),
    ...adopterAgeErrors(a),
    ...wishErrors(a, today),
    ...foreignErrors(a, today),
    ...refusalErrors((a.refusals as Refusal[] | undefined) ?? [], str(a.enteredOn), today),
  ];
  if (a.spousePersonalCode && !a.spouseGivenNames) {
    errors.push({
      path: 'body.spouseGivenNames',
      code: 'required',
      message: 'is required together with spousePersonalCode',
    });
  }
  if (a.spousePersonalCode && a.spousePersonalCode === a.personalCode) {
    errors.push({
      path: 'body.spousePersonalCode',
      code: 'same_person',
      message: 'is the same as personalCode',
    });
  }
  const validUntil = str(a.decisionValidUntil);
  if (validUntil && validUntil < String(a.decisionDate)) {
    errors.push({
      path: 'body.decisionValidUntil',
      code: 'date_order',
      message: `must not be before decisionDate (${String(a.decisionDate)})`,
      params: { field: 'decisionDate', date: String(a.decisionDate) },
    });
  }
  return errors;
}

/** Each adopter (and the spouse who adopts with them) had turned 25 by the recognising decision. */
export function adopterAgeErrors(a: Record_): FieldError[] {
  const decisionDate = str(a.decisionDate);
  if (!decisionDate) return [];
  return (['birthDate', 'spouseBirthDate'] as const)
    .filter((f) => {
      const born = str(a[f]);
      return born !== null && born <= decisionDate && !oldEnoughToAdopt(born, decisionDate);
    })
    .map((f) => ({
      path: `body.${f}`,
      code: 'adopter_too_young',
      message: `an adopter must have turned 25 by the recognising decision (${decisionDate})`,
      params: { date: decisionDate },
    }));
}

/**
 * The wished ages are a range, and some age in it must be open to the younger adopter under the
 * age rule (18 years between them, 16 when siblings are adopted together).
 */
export function wishErrors(a: Record_, today: string): FieldError[] {
  const from = typeof a.wishedAgeFrom === 'number' ? a.wishedAgeFrom : null;
  const to = typeof a.wishedAgeTo === 'number' ? a.wishedAgeTo : null;
  if (from === null || to === null) return [];
  if (from > to) {
    return [
      {
        path: 'body.wishedAgeTo',
        code: 'range_order',
        message: `must not be less than wishedAgeFrom (${from})`,
        params: { field: 'wishedAgeFrom', age: from },
      },
    ];
  }
  const births = [str(a.birthDate), str(a.spouseBirthDate)].filter((b): b is string => !!b);
  if (births.length === 0) return [];
  const younger = births.reduce((x, y) => (x > y ? x : y));
  const oldest = oldestChildAge(younger, today, a.acceptsSiblings === true);
  if (from > oldest) {
    return [
      {
        path: 'body.wishedAgeFrom',
        code: 'age_gap',
        message: `leaves no age open under the age rule: the adopter may take a child aged at most ${Math.max(oldest, 0)} now (18 years between them, 16 for siblings together)`,
        params: { age: Math.max(oldest, 0) },
      },
    ];
  }
  return [];
}

const foreignFields = ['countryId', 'foreignAuthority', 'homeStudyReportDate'] as const;

/** A foreign adopter comes with country, competent authority or agency and a home-study report. */
export function foreignErrors(a: Record_, today: string): FieldError[] {
  const foreign = a.origin === 'foreign';
  const errors: FieldError[] = foreignFields
    .filter((f) => (foreign ? a[f] == null : a[f] != null))
    .map((f) => ({
      path: `body.${f}`,
      code: foreign ? 'required' : 'not_allowed',
      message: foreign
        ? 'is required for a foreign adopter'
        : 'is only given for a foreign adopter (origin foreign)',
    }));
  const report = str(a.homeStudyReportDate);
  if (foreign && report && report > today) {
    errors.push({
      path: 'body.homeStudyReportDate',
      code: 'date_in_future',
      message: 'must not be in the future',
    });
  }
  return errors;
}

/** Refusals happen after the adopter entered the register and not in the future. */
export function refusalErrors(
  refusals: readonly Refusal[],
  enteredOn: string | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  refusals.forEach((r, i) => {
    if (r.refusedOn > today) {
      errors.push({
        path: `body.refusals.${i}.refusedOn`,
        code: 'date_in_future',
        message: 'must not be in the future',
      });
    } else if (enteredOn && r.refusedOn < enteredOn) {
      errors.push({
        path: `body.refusals.${i}.refusedOn`,
        code: 'date_order',
        message: `must not be before enteredOn (${enteredOn})`,
        params: { field: 'enteredOn', date: enteredOn },
      });
    }
  });
  return errors;
}

/** A refusal naming a child names one in the register (the database cannot check inside jsonb). */
export async function refusedChildrenExist(db: Db, body: Record_): Promise<void> {
  const refusals = (body.refusals as Refusal[] | undefined) ?? [];
  const ids = [...new Set(refusals.map((r) => r.childId).filter((id): id is number => !!id))];
  if (ids.length === 0) return;
  const found = new Set(
    (await db.selectFrom('children').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id,
    ),
  );
  const errors = refusals.flatMap((r, i) =>
    r.childId && !found.has(r.childId)
      ? [
          {
            path: `body.refusals.${i}.childId`,
            code: 'not_found',
            message: `names no child in the register (${r.childId})`,
          },
        ]
      : [],
  );
  if (errors.length) throw Problem.validation(errors);
}
