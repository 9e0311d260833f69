import {
  abroadErrors,
  checkChild,
  childStatusMoveErrors,
  consentErrors,
  disabilityErrors,
  healthConditionErrors,
  relativesErrors,
} from './rules';
import type { Relative } from '../db/tables/children';

const today = '2026-11-24';
const codes = (errors: { path: string; code: string }[]) =>
  errors.map((e) => `${e.path}:${e.code}`);

const relative = (over: Partial<Relative> = {}): Relative => ({
  kind: 'mother',
  givenNames: 'Inga',
  surname: 'Kalniņa',
  birthDate: '1990-01-01',
  residence: null,
  note: null,
  ...over,
});

describe('consent from age 12', () => {
  const child = { birthDate: '2014-05-10' };
  it('accepts consent given on or after the 12th birthday', () => {
    expect(consentErrors({ ...child, consent: 'given', consentDate: '2026-05-10' }, today)).toEqual(
      [],
    );
    expect(consentErrors({ ...child, consent: null, consentDate: null }, today)).toEqual([]);
  });
  it('refuses consent recorded before the 12th birthday, naming the date of that birthday', () => {
    const errors = consentErrors({ ...child, consent: 'given', consentDate: '2026-05-09' }, today);
    expect(codes(errors)).toEqual(['body.consentDate:consent_under_12']);
    expect(errors[0]!.message).toContain('2026-05-10');
  });
  it('wants consent and its date together', () => {
    expect(codes(consentErrors({ ...child, consent: 'given', consentDate: null }, today))).toEqual([
      'body.consentDate:required',
    ]);
    expect(
      codes(consentErrors({ ...child, consent: null, consentDate: '2026-06-01' }, today)),
    ).toEqual(['body.consent:required']);
  });
  it('refuses a consent date in the future', () => {
    expect(
      codes(consentErrors({ ...child, consent: 'refused', consentDate: '2026-12-01' }, today)),
    ).toEqual(['body.consentDate:date_in_future']);
  });
  it('refuses consent given together with "does not wish to be adopted"', () => {
    expect(
      codes(
        consentErrors(
          { ...child, consent: 'given', consentDate: '2026-06-01', doesNotWishAdoption: true },
          today,
        ),
      ),
    ).toEqual(['body.doesNotWishAdoption:contradicts_consent']);
    expect(
      consentErrors(
        { ...child, consent: 'refused', consentDate: '2026-06-01', doesNotWishAdoption: true },
        today,
      ),
    ).toEqual([]);
  });
});

describe('cleared for adoption abroad', () => {
  const cleared = {
    careDecisionDate: '2024-01-10',
    clearedAbroad: true,
    abroadCourtDecisionNumber: 'BT-2025/7',
    abroadCourtDecisionDate: '2025-02-01',
    abroadCommissionOpinionDate: '2025-03-01',
  };
  it('accepts the decision and then the commission opinion', () => {
    expect(abroadErrors(cleared, today)).toEqual([]);
  });
  it('wants both documents when cleared', () => {
    expect(codes(abroadErrors({ ...cleared, abroadCommissionOpinionDate: null }, today))).toEqual([
      'body.abroadCommissionOpinionDate:required',
    ]);
  });
  it('refuses the documents when not cleared', () => {
    expect(codes(abroadErrors({ ...cleared, clearedAbroad: false }, today))).toEqual([
      'body.abroadCourtDecisionNumber:not_allowed',
      'body.abroadCourtDecisionDate:not_allowed',
      'body.abroadCommissionOpinionDate:not_allowed',
    ]);
  });
  it('wants care decision ≤ orphan-court decision ≤ commission opinion ≤ today', () => {
    expect(
      codes(abroadErrors({ ...cleared, abroadCourtDecisionDate: '2023-12-31' }, today)),
    ).toEqual(['body.abroadCourtDecisionDate:date_order']);
    expect(
      codes(abroadErrors({ ...cleared, abroadCommissionOpinionDate: '2025-01-15' }, today)),
    ).toEqual(['body.abroadCommissionOpinionDate:date_order']);
    expect(
      codes(abroadErrors({ ...cleared, abroadCommissionOpinionDate: '2027-01-01' }, today)),
    ).toEqual(['body.abroadCommissionOpinionDate:date_in_future']);
  });
});

describe('disability', () => {
  const child = { birthDate: '2012-03-01' };
  it('accepts a child’s disability without a group, with or without an end', () => {
    expect(
      disabilityErrors({ ...child, disabilityGroup: 'child', disabilityFrom: '2020-01-01' }, today),
    ).toEqual([]);
    expect(
      disabilityErrors(
        {
          ...child,
          disabilityGroup: 'child',
          disabilityFrom: '2020-01-01',
          disabilityUntil: '2030-02-28',
          disabilitySource: 'VDEĀVK',
        },
        today,
      ),
    ).toEqual([]);
  });
  it('refuses groups I–III before age 18', () => {
    expect(
      codes(
        disabilityErrors({ ...child, disabilityGroup: 'II', disabilityFrom: '2020-01-01' }, today),
      ),
    ).toEqual(['body.disabilityGroup:disability_group_adult']);
    expect(
      disabilityErrors(
        { birthDate: '2007-01-01', disabilityGroup: 'II', disabilityFrom: '2025-01-01' },
        today,
      ),
    ).toEqual([]);
  });
  it('wants a start date with a group, and none of the details without one', () => {
    expect(codes(disabilityErrors({ ...child, disabilityGroup: 'child' }, today))).toEqual([
      'body.disabilityFrom:required',
    ]);
    expect(
      codes(
        disabilityErrors({ ...child, disabilityGroup: null, disabilityUntil: '2030-01-01' }, today),
      ),
    ).toEqual(['body.disabilityUntil:not_allowed']);
  });
  it('keeps the dates in order: birth ≤ from ≤ until, from not in the future', () => {
    const base = { ...child, disabilityGroup: 'child' };
    expect(codes(disabilityErrors({ ...base, disabilityFrom: '2011-01-01' }, today))).toEqual([
      'body.disabilityFrom:date_order',
    ]);
    expect(
      codes(
        disabilityErrors(
          { ...base, disabilityFrom: '2020-01-01', disabilityUntil: '2019-01-01' },
          today,
        ),
      ),
    ).toEqual(['body.disabilityUntil:date_order']);
    expect(codes(disabilityErrors({ ...base, disabilityFrom: '2027-01-01' }, today))).toEqual([
      'body.disabilityFrom:date_in_future',
    ]);
  });
});

describe('the birth family and health sub-lists', () => {
  it('accepts parents born before the child and any number of siblings', () => {
    expect(
      relativesErrors(
        [
          relative(),
          relative({ kind: 'father', givenNames: 'Jānis' }),
          relative({ kind: 'brother', birthDate: '2018-01-01' }),
          relative({ kind: 'sister', birthDate: null }),
          relative({ kind: 'sister', birthDate: '2020-01-01' }),
        ],
        '2014-05-10',
        today,
      ),
    ).toEqual([]);
  });
  it('names the row of a second mother, a parent born after the child, a future birth date', () => {
    expect(
      codes(
        relativesErrors(
          [
            relative(),
            relative({ birthDate: '2015-01-01' }),
            relative({ kind: 'grandfather', birthDate: '2030-01-01' }),
          ],
          '2014-05-10',
          today,
        ),
      ),
    ).toEqual([
      'body.relatives.1.kind:duplicate_parent',
      'body.relatives.1.birthDate:date_order',
      'body.relatives.2.birthDate:date_in_future',
    ]);
  });
  it('wants a condition noted between birth and today', () => {
    const condition = { condition: 'Astma', icd10: 'J45.9', treatment: null };
    expect(
      codes(
        healthConditionErrors(
          [
            { ...condition, since: '2020-01-01' },
            { ...condition, since: '2010-01-01' },
            { ...condition, since: '2027-01-01' },
            { ...condition, since: null },
          ],
          '2014-05-10',
          today,
        ),
      ),
    ).toEqual([
      'body.healthConditions.1.since:date_order',
      'body.healthConditions.2.since:date_in_future',
    ]);
  });
});

describe('the whole card', () => {
  it('collects the errors of every rule at once', () => {
    const errors = checkChild(
      {
        birthDate: '2014-05-10',
        careDecisionDate: '2020-01-01',
        recordSheetReceivedOn: '2020-02-01',
        careForm: 'foster_family',
        careProviderId: 4,
        consent: 'given',
        consentDate: '2025-01-01',
        clearedAbroad: false,
        abroadCourtDecisionDate: '2021-01-01',
        relatives: [relative({ birthDate: '2020-01-01' })],
      },
      today,
    );
    expect(codes(errors)).toEqual([
      'body.careProviderId:not_allowed',
      'body.consentDate:consent_under_12',
      'body.abroadCourtDecisionDate:not_allowed',
      'body.relatives.0.birthDate:date_order',
    ]);
  });
});

describe('offering a child of 12 or more', () => {
  const child = { birthDate: '2014-05-10', consent: null };
  it('needs consent from the 12th birthday on, for available and offered only', () => {
    expect(childStatusMoveErrors(child, 'available', '2026-05-09')).toEqual([]);
    expect(codes(childStatusMoveErrors(child, 'available', '2026-05-10'))).toEqual([
      'body.status:consent_required',
    ]);
    expect(codes(childStatusMoveErrors(child, 'offered', '2026-06-01'))).toEqual([
      'body.status:consent_required',
    ]);
    expect(childStatusMoveErrors(child, 'suspended', '2026-06-01')).toEqual([]);
    expect(childStatusMoveErrors({ ...child, consent: 'given' }, 'offered', '2026-06-01')).toEqual(
      [],
    );
  });
});
