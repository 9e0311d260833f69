import {
  ADULT_AGE,
  birthday,
  CONSENT_AGE,
  elderKinds,
  parentKinds,
  rigaToday,
  yearsOld,
} from '@adoption/model';
import type { FieldError } from '../http/problem';
import { allOrNone, datesInOrder, personalCodeErrors } from '../people/rules';
import type { HealthCondition, Relative } from '../db/tables/children';

// Rules of the child's card across fields: small pure functions answering field errors with the
// path the console puts under the right input (`body.relatives.1.birthDate`).

type Card = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The whole card: identity, placement, consent, abroad clearance, disability, sub-lists. */
export function checkChild(c: Card, today = rigaToday()): FieldError[] {
  const birthDate = str(c.birthDate);
  return [
    ...personalCodeErrors('personalCode', str(c.personalCode), birthDate),
    ...datesInOrder(
      [
        ['birthDate', birthDate],
        ['careDecisionDate', str(c.careDecisionDate)],
        ['recordSheetReceivedOn', str(c.recordSheetReceivedOn)],
      ],
      today,
    ),
    ...placementErrors(c),
    ...consentErrors(c, today),
    ...abroadErrors(c, today),
    ...disabilityErrors(c, today),
    ...relativesErrors((c.relatives as Relative[] | undefined) ?? [], birthDate, today),
    ...healthConditionErrors(
      (c.healthConditions as HealthCondition[] | undefined) ?? [],
      birthDate,
      today,
    ),
  ];
}

/** A care provider exactly when the child is in a care institution. */
export function placementErrors(c: Card): FieldError[] {
  const inInstitution = c.careForm === 'care_institution';
  if (inInstitution && c.careProviderId == null) {
    return [
      {
        path: 'body.careProviderId',
        code: 'required',
        message: 'is required when the child is in a care institution',
      },
    ];
  }
  if (!inInstitution && c.careProviderId != null) {
    return [
      {
        path: 'body.careProviderId',
        code: 'not_allowed',
        message: 'is only given when the care form is care_institution',
      },
    ];
  }
  return [];
}

/**
 * Consent and its date come together, not before the child's 12th birthday nor in the future; a
 * child who consented is not at the same time one who does not wish to be adopted.
 */
export function consentErrors(c: Card, today: string): FieldError[] {
  const errors = allOrNone(c, ['consent', 'consentDate']);
  const consentDate = str(c.consentDate);
  const birthDate = str(c.birthDate);
  if (consentDate && birthDate) {
    const twelfth = birthday(birthDate, CONSENT_AGE);
    if (consentDate > today) {
      errors.push({
        path: 'body.consentDate',
        code: 'date_in_future',
        message: 'must not be in the future',
      });
    } else if (consentDate < twelfth) {
      errors.push({
        path: 'body.consentDate',
        code: 'consent_under_12',
        message: `is before the child's 12th birthday (${twelfth}): consent is asked from age 12`,
        params: { date: twelfth },
      });
    }
  }
  if (c.consent === 'given' && c.doesNotWishAdoption === true) {
    errors.push({
      path: 'body.doesNotWishAdoption',
      code: 'contradicts_consent',
      message: 'contradicts consent "given": record one or the other',
    });
  }
  return errors;
}

const abroadFields = [
  'abroadCourtDecisionNumber',
  'abroadCourtDecisionDate',
  'abroadCommissionOpinionDate',
] as const;

/**
 * Cleared for adoption abroad only with the orphan court's decision (a family could not be found
 * in Latvia) and then the Foreign Adoption Commission's opinion, both after the care decision.
 */
export function abroadErrors(c: Card, today: string): FieldError[] {
  if (c.clearedAbroad !== true) {
    return abroadFields
      .filter((f) => c[f] != null)
      .map((f) => ({
        path: `body.${f}`,
        code: 'not_allowed',
        message: 'is only given when the child is cleared for adoption abroad',
      }));
  }
  const missing: FieldError[] = abroadFields
    .filter((f) => c[f] == null)
    .map((f) => ({
      path: `body.${f}`,
      code: 'required',
      message: 'is required when the child is cleared for adoption abroad',
    }));
  return [
    ...missing,
    ...datesInOrder(
      [
        ['careDecisionDate', str(c.careDecisionDate)],
        ['abroadCourtDecisionDate', str(c.abroadCourtDecisionDate)],
        ['abroadCommissionOpinionDate', str(c.abroadCommissionOpinionDate)],
      ],
      today,
    ).filter((e) => e.path !== 'body.careDecisionDate'),
  ];
}

const disabilityDetails = ['disabilityFrom', 'disabilityUntil', 'disabilitySource'] as const;

/**
 * Disability as VDEĀVK determined it: from a date, possibly until one; groups I–III are set for
 * adults, a child under 18 has disability without a group (`child`).
 */
export function disabilityErrors(c: Card, today: string): FieldError[] {
  const group = str(c.disabilityGroup);
  if (!group) {
    return disabilityDetails
      .filter((f) => c[f] != null)
      .map((f) => ({
        path: `body.${f}`,
        code: 'not_allowed',
        message: 'is only given together with disabilityGroup',
      }));
  }
  const from = str(c.disabilityFrom);
  if (!from) {
    return [
      {
        path: 'body.disabilityFrom',
        code: 'required',
        message: 'is required together with disabilityGroup',
      },
    ];
  }
  const errors = datesInOrder(
    [
      ['birthDate', str(c.birthDate)],
      ['disabilityFrom', from],
    ],
    today,
  ).filter((e) => e.path !== 'body.birthDate');
  const until = str(c.disabilityUntil);
  if (until && until < from) {
    errors.push({
      path: 'body.disabilityUntil',
      code: 'date_order',
      message: `must not be before disabilityFrom (${from})`,
      params: { field: 'disabilityFrom', date: from },
    });
  }
  const birthDate = str(c.birthDate);
  if (group !== 'child' && birthDate && yearsOld(birthDate, from) < ADULT_AGE) {
    errors.push({
      path: 'body.disabilityGroup',
      code: 'disability_group_adult',
      message: 'groups I–III are set from age 18; a child has disability without a group (child)',
    });
  }
  return errors;
}

/** Relatives: one mother and one father at most, parents born before the child, no future dates. */
export function relativesErrors(
  relatives: readonly Relative[],
  childBirthDate: string | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  relatives.forEach((r, i) => {
    if (parentKinds.includes(r.kind)) {
      if (seen.has(r.kind)) {
        errors.push({
          path: `body.relatives.${i}.kind`,
          code: 'duplicate_parent',
          message: `lists a second ${r.kind}`,
        });
      }
      seen.add(r.kind);
    }
    if (!r.birthDate) return;
    if (r.birthDate > today) {
      errors.push({
        path: `body.relatives.${i}.birthDate`,
        code: 'date_in_future',
        message: 'must not be in the future',
      });
    } else if (childBirthDate && elderKinds.includes(r.kind) && r.birthDate >= childBirthDate) {
      errors.push({
        path: `body.relatives.${i}.birthDate`,
        code: 'date_order',
        message: `must be before the child's birth date (${childBirthDate})`,
        params: { field: 'birthDate', date: childBirthDate },
      });
    }
  });
  return errors;
}

/** A condition is noted since a date between the child's birth and today. */
export function healthConditionErrors(
  conditions: readonly HealthCondition[],
  childBirthDate: string | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  conditions.forEach((h, i) => {
    if (!h.since) return;
    if (h.since > today) {
      errors.push({
        path: `body.healthConditions.${i}.since`,
        code: 'date_in_future',
        message: 'must not be in the future',
      });
    } else if (childBirthDate && h.since < childBirthDate) {
      errors.push({
        path: `body.healthConditions.${i}.since`,
        code: 'date_order',
        message: `must not be before the child's birth date (${childBirthDate})`,
        params: { field: 'birthDate', date: childBirthDate },
      });
    }
  });
  return errors;
}

/** Statuses in which the child is offered to adopters: from 12 only with the child's consent. */
const offeredStatuses = ['available', 'offered'];

/**
 * A status move of the child: a child who is 12 or older on the day of the move is made available
 * or offered to adopters only when the card records their consent (`given`); without it the
 * child's move is to `not_consenting` or the consent is recorded first.
 */
export function childStatusMoveErrors(child: Card, to: string, changedOn: string): FieldError[] {
  const birthDate = str(child.birthDate);
  if (!offeredStatuses.includes(to) || !birthDate) return [];
  if (yearsOld(birthDate, changedOn) < CONSENT_AGE || child.consent === 'given') return [];
  return [
    {
      path: 'body.status',
      code: 'consent_required',
      message: `needs the child's consent: the child is ${CONSENT_AGE} or older on ${changedOn} and the card records no consent given`,
    },
  ];
}
