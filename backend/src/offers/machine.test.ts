import { offerStatuses, type OfferStatus } from '@adoption/model';
import type { SelectionParameters } from '../selection/parameters';
import { nextStatuses } from '../people/status-machine';
import { childStatusMachine } from '../children/status';
import { adopterStatusMachine } from '../adopters/status';
import {
  allowedMoves,
  deadlineChanges,
  offerStatusMachine,
  peopleMove,
  postAdoptionReports,
} from './machine';

/** Version 1 of the parameters (migration 0020). */
const p: SelectionParameters = {
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
};

describe('the offer status machine', () => {
  // prettier-ignore
  const expected: Record<OfferStatus, OfferStatus[]> = {
    draft:                   ['sent', 'withdrawn'],
    sent:                    ['accepted_to_meet', 'declined', 'expired', 'withdrawn'],
    accepted_to_meet:        ['meeting_referral_issued', 'withdrawn'],
    declined:                [],
    expired:                 [],
    meeting_referral_issued: ['care_decision', 'withdrawn'],
    care_decision:           ['care_terminated', 'best_interests_decision'],
    care_terminated:         [],
    best_interests_decision: ['permit_issued', 'court_approved'],
    permit_issued:           ['court_approved'],
    court_approved:          ['closed'],
    closed:                  [],
    withdrawn:               [],
  };
  it.each(offerStatuses.map((s) => [s, expected[s]] as const))(
    'from %s allows exactly %j',
    (from, to) => {
      expect(nextStatuses(offerStatusMachine, from)).toEqual(to);
    },
  );

  it('wants a reason where the process ends without an adoption', () => {
    const required = Object.entries(offerStatusMachine.moves).flatMap(([from, moves]) =>
      Object.entries(moves)
        .filter(([, rule]) => rule === 'required')
        .map(([to]) => `${from}→${to}`),
    );
    expect(required.sort()).toEqual(
      [
        'draft→withdrawn',
        'sent→declined',
        'sent→withdrawn',
        'accepted_to_meet→withdrawn',
        'meeting_referral_issued→withdrawn',
        'care_decision→care_terminated',
      ].sort(),
    );
  });

  it('offers the permit only for a foreign adoption, the court directly only for a Latvian one', () => {
    expect(allowedMoves({ status: 'best_interests_decision', foreignAdoption: true })).toEqual([
      { to: 'permit_issued', reason: 'optional' },
    ]);
    expect(allowedMoves({ status: 'best_interests_decision', foreignAdoption: false })).toEqual([
      { to: 'court_approved', reason: 'optional' },
    ]);
  });

  // Every move the offer makes of a person must be one the person's own machine allows.
  it.each(
    offerStatuses.flatMap((from) =>
      nextStatuses(offerStatusMachine, from).map((to) => [from, to] as const),
    ),
  )('%s → %s moves the people along their own machines', (from, to) => {
    const people = peopleMove(from, to);
    const before = { child: childBefore(from), adopter: adopterBefore(from) };
    if (people.child)
      expect(nextStatuses(childStatusMachine, before.child)).toContain(people.child);
    if (people.adopter)
      expect(nextStatuses(adopterStatusMachine, before.adopter)).toContain(people.adopter);
  });
});

/** The child's status while the offer is in `s` (what the earlier moves left). */
function childBefore(s: OfferStatus) {
  const map: Partial<Record<OfferStatus, string>> = {
    draft: 'available',
    sent: 'offered',
    accepted_to_meet: 'getting_acquainted',
    meeting_referral_issued: 'getting_acquainted',
    care_decision: 'pre_adoption_care',
    best_interests_decision: 'best_interests_confirmed',
    permit_issued: 'permit_issued',
    court_approved: 'adopted',
  };
  return map[s] as never;
}
function adopterBefore(s: OfferStatus) {
  const map: Partial<Record<OfferStatus, string>> = {
    draft: 'waiting',
    sent: 'information_received',
    accepted_to_meet: 'getting_acquainted',
    meeting_referral_issued: 'getting_acquainted',
    care_decision: 'pre_adoption_care',
    best_interests_decision: 'pre_adoption_care',
    permit_issued: 'pre_adoption_care',
    court_approved: 'adopted',
  };
  return map[s] as never;
}

describe('deadlines', () => {
  const offer = { foreignAdoption: true, children: [{ id: 4, birthDate: '2019-05-20' }] };
  const change = (from: OfferStatus, to: OfferStatus, foreign = true) =>
    deadlineChanges(
      { from, to, on: '2026-03-10', answerBy: null },
      { ...offer, foreignAdoption: foreign },
      p,
    );

  it('sent: the answer is due after answerDays', () => {
    expect(change('draft', 'sent')).toEqual({
      done: [],
      cancelAll: false,
      create: [{ kind: 'answer', dueOn: '2026-04-09', childId: null }],
    });
  });
  it('an answer fulfils the answer deadline; a refusal also ends the offer', () => {
    expect(change('sent', 'accepted_to_meet')).toMatchObject({
      done: ['answer'],
      cancelAll: false,
    });
    expect(change('sent', 'declined')).toMatchObject({ done: ['answer'], cancelAll: true });
    expect(change('sent', 'expired')).toMatchObject({ done: [], cancelAll: true });
    expect(change('draft', 'withdrawn')).toMatchObject({ cancelAll: true });
  });
  it('care decision: the pre-adoption care ends after preAdoptionCareMonths', () => {
    expect(change('meeting_referral_issued', 'care_decision').create).toEqual([
      { kind: 'pre_adoption_care', dueOn: '2026-09-10', childId: null },
    ]);
  });
  it('best interests: the court claim, and abroad the permit within a month', () => {
    expect(change('care_decision', 'best_interests_decision')).toEqual({
      done: ['pre_adoption_care'],
      cancelAll: false,
      create: [
        { kind: 'court_claim', dueOn: '2026-05-09', childId: null },
        { kind: 'permit_issue', dueOn: '2026-04-10', childId: null },
      ],
    });
    expect(change('care_decision', 'best_interests_decision', false).create).toEqual([
      { kind: 'court_claim', dueOn: '2026-05-09', childId: null },
    ]);
  });
  it('permit: valid for permitValidityMonths', () => {
    expect(change('best_interests_decision', 'permit_issued')).toEqual({
      done: ['permit_issue'],
      cancelAll: false,
      create: [{ kind: 'permit_validity', dueOn: '2026-06-10', childId: null }],
    });
  });
  it('court approval abroad: the post-adoption reports per child; at home none', () => {
    const approved = change('permit_issued', 'court_approved');
    expect(approved.done).toEqual(['court_claim', 'permit_validity']);
    expect(approved.create.every((d) => d.kind === 'post_adoption_report' && d.childId === 4)).toBe(
      true,
    );
    expect(change('best_interests_decision', 'court_approved', false).create).toEqual([]);
  });
});

describe('post-adoption reports', () => {
  it('every six months for two years, then yearly until the child is 18', () => {
    expect(postAdoptionReports('2026-03-10', { id: 1, birthDate: '2019-05-20' }, p)).toEqual([
      '2026-09-10',
      '2027-03-10',
      '2027-09-10',
      '2028-03-10',
      '2029-03-10',
      '2030-03-10',
      '2031-03-10',
      '2032-03-10',
      '2033-03-10',
      '2034-03-10',
      '2035-03-10',
      '2036-03-10',
      '2037-03-10',
    ]);
  });
  it('stops at 18 even within the first years', () => {
    // 18 on 2027-01-15: one report.
    expect(postAdoptionReports('2026-03-10', { id: 1, birthDate: '2009-01-15' }, p)).toEqual([
      '2026-09-10',
    ]);
  });
  it('follows the parameters', () => {
    expect(
      postAdoptionReports(
        '2026-03-10',
        { id: 1, birthDate: '2020-01-01' },
        { reportEveryMonthsFirstYears: 12, reportFirstYears: 0 },
      ).slice(0, 2),
    ).toEqual(['2027-03-10', '2028-03-10']);
  });
});
