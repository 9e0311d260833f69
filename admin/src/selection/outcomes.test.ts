import {
  parameterRows,
  chipColour,
  detailText,
  moveIndex,
  offerBody,
  registerDisabilityText,
  type Candidate,
  type SelectionRun,
} from './outcomes';

describe('selection screen helpers', () => {
  it('colours outcomes green, amber, red', () => {
    expect(['pass', 'consider', 'fail'].map((o) => chipColour(o as 'pass'))).toEqual([
      'success',
      'warning',
      'error',
    ]);
  });
  it('says why a rule failed in Latvian keys with values', () => {
    expect(
      detailText({ rule: 'age', outcome: 'fail', detail: { ages: [7], from: 3, to: 6 } }),
    ).toEqual({
      key: 'app.selection.details.age',
      params: { ages: '7', from: 3, to: 6 },
    });
    expect(
      detailText({ rule: 'recognition', outcome: 'fail', detail: { validUntil: '2026-05-31' } })
        ?.params.date,
    ).toBe('31.05.2026');
    expect(detailText({ rule: 'sex', outcome: 'pass', detail: {} })).toBeUndefined();
    expect(
      detailText({ rule: 'consent', outcome: 'pass', detail: { notRecorded: [3] } })?.key,
    ).toBe('app.selection.details.consent_missing');
  });
  it('says VDEĀVK’s disability data differs from the card, with the days it was seen', () => {
    const needs = (detail: Record<string, unknown>, outcome: 'consider' | 'fail' = 'consider') =>
      registerDisabilityText({ rule: 'needs', outcome, detail });
    expect(
      needs({
        needs: [],
        registerDisability: [
          { childId: 2, seenOn: '2026-05-31' },
          { childId: 1, seenOn: '2026-05-20' },
          { childId: 3, seenOn: '2026-05-31' },
        ],
      }),
    ).toEqual({
      key: 'app.selection.details.register_disability',
      params: { date: '20.05.2026, 31.05.2026' },
    });
    expect(
      needs({ needs: [], registerDisability: [{ childId: 1, seenOn: '2026-05-31' }] }, 'fail')
        ?.params.date,
    ).toBe('31.05.2026');
    // Nothing open (and runs stored before the feed): nothing to say.
    expect(needs({ needs: [] })).toBeUndefined();
    expect(needs({ needs: [], registerDisability: [] })).toBeUndefined();
  });
  it('moves through the candidates with the arrow keys, staying inside the list', () => {
    expect(moveIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(moveIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(moveIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(moveIndex(1, 'Enter', 3)).toBe(1);
  });
  it('proposes exactly the candidate’s children with the run, acknowledging the adopters ahead', () => {
    const run = { id: 5, adopterId: 9 } as SelectionRun;
    const group = {
      key: 'group:4',
      childIds: [1, 2],
      siblingGroupId: 4,
      aheadInQueue: [{ adopterId: 3, enteredOn: '2020-01-01' }],
    } as Candidate;
    expect(offerBody(run, group, true)).toEqual({
      adopterId: 9,
      siblingGroupId: 4,
      childIds: [1, 2],
      selectionRunId: 5,
      acknowledgedAhead: true,
    });
    const child = {
      key: 'child:1',
      childIds: [1],
      siblingGroupId: null,
      aheadInQueue: [],
    } as unknown as Candidate;
    expect(offerBody(run, child, false)).toEqual({
      adopterId: 9,
      childIds: [1],
      selectionRunId: 5,
    });
  });
});

describe('selection parameters page', () => {
  it('lists every value with the refusal rule in its parts', () => {
    const rows = parameterRows(
      {
        consentAge: 12,
        ageGapYears: 18,
        ageGapRelaxedYears: 16,
        nearMissAgeYears: 2,
        answerDays: 30,
        preAdoptionCareMonths: 6,
        courtClaimDays: 60,
        permitIssueMonths: 1,
        permitValidityMonths: 3,
        reportEveryMonthsFirstYears: 6,
        reportFirstYears: 2,
        reminderDaysBefore: 7,
        refusalRule: { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'foreign' },
      },
      (to) => `→${to}`,
    );
    expect(rows).toHaveLength(16);
    expect(rows.at(-1)).toEqual({ key: 'refusalAppliesTo', value: '→foreign' });
  });
});
