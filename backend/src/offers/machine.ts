/**
 * The offer's status machine and what follows each move (the child's and the adopter's statuses,
 * the deadlines), pure: the routes (service.ts), the console (via `GET /api/status-machines`) and
 * the tests read the same table.
 */
import {
  addDays,
  addMonths,
  deadlineKinds,
  liveOfferStatuses,
  offerStatuses,
  type AdopterStatus,
  type ChildStatus,
  type OfferStatus,
} from '@adoption/model';
import { nextStatuses, reasonRule, statusMachine } from '../people/status-machine';
import type { SelectionParameters } from '../selection/parameters';

/**
 * The offer's way (issue 14, domain brief section 6). A reason is required where the process
 * ends without an adoption (declined, withdrawn, care terminated): it is what the specialist
 * must be able to explain later. A declined offer takes the adopter's reason, or the explicit
 * statement that the adopter gave none (an unreasoned refusal, which the refusal rule counts).
 * `withdrawn` after the acquaintance began (accepted to meet, referral issued) ends an
 * acquaintance that did not lead to a care decision.
 */
// prettier-ignore
export const offerStatusMachine = statusMachine<OfferStatus>({
  statuses: offerStatuses,
  final: ['declined', 'expired', 'withdrawn', 'care_terminated', 'closed'],
  rows: [
    // from                      to                         reason
    ['draft',                    'sent',                    'optional'], // information about the child given
    ['draft',                    'withdrawn',               'required'],
    ['sent',                     'accepted_to_meet',        'optional'],
    ['sent',                     'declined',                'required'], // or unreasoned: true
    ['sent',                     'expired',                 'optional'], // no answer by answer_by
    ['sent',                     'withdrawn',               'required'],
    ['accepted_to_meet',         'meeting_referral_issued', 'optional'],
    ['accepted_to_meet',         'withdrawn',               'required'],
    ['meeting_referral_issued',  'care_decision',           'optional'], // orphan court: pre-adoption care
    ['meeting_referral_issued',  'withdrawn',               'required'],
    ['care_decision',            'care_terminated',         'required'],
    ['care_decision',            'best_interests_decision', 'optional'],
    ['best_interests_decision',  'permit_issued',           'optional'], // foreign adoption only
    ['best_interests_decision',  'court_approved',          'optional'], // Latvian adoption only
    ['permit_issued',            'court_approved',          'optional'],
    ['court_approved',           'closed',                  'optional'],
  ],
  fromAnyNonFinal: [],
});

/** Offer statuses that end the process without an adoption: their open deadlines are cancelled. */
export const endedStatuses: readonly OfferStatus[] = [
  'declined',
  'expired',
  'withdrawn',
  'care_terminated',
];

export const isLive = (status: OfferStatus) => liveOfferStatuses.includes(status);

/** The offer as the machine judges it. */
export interface OfferState {
  status: OfferStatus;
  foreignAdoption: boolean;
}

/** Why a move the table allows does not fit this offer (permit only abroad), or undefined. */
export function offerMoveRefusal(offer: OfferState, to: OfferStatus): string | undefined {
  if (offer.status === 'best_interests_decision') {
    if (to === 'permit_issued' && !offer.foreignAdoption)
      return 'a permit for adoption abroad is issued only for a foreign adoption';
    if (to === 'court_approved' && offer.foreignAdoption)
      return 'a foreign adoption needs the permit for adoption abroad before the court';
  }
  return undefined;
}

/** The moves allowed from the offer's state, with their reason rule (the console's buttons). */
export function allowedMoves(offer: OfferState) {
  return nextStatuses(offerStatusMachine, offer.status)
    .filter((to) => !offerMoveRefusal(offer, to))
    .map((to) => ({ to, reason: reasonRule(offerStatusMachine, offer.status, to)! }));
}

/** The statuses the child(ren) and the adopter take when the offer moves, if any. */
export interface PeopleMove {
  child?: ChildStatus;
  adopter?: AdopterStatus;
}

/**
 * What the child's and the adopter's statuses become on a move. A draft holds the child (the live
 * index) but has told nobody: withdrawing it moves nobody.
 */
export function peopleMove(from: OfferStatus, to: OfferStatus): PeopleMove {
  switch (to) {
    case 'sent':
      return { child: 'offered', adopter: 'information_received' };
    case 'accepted_to_meet':
      return { child: 'getting_acquainted', adopter: 'getting_acquainted' };
    case 'declined':
    case 'expired':
    case 'care_terminated':
      return { child: 'available', adopter: 'waiting' };
    case 'withdrawn':
      return from === 'draft' ? {} : { child: 'available', adopter: 'waiting' };
    case 'care_decision':
      return { child: 'pre_adoption_care', adopter: 'pre_adoption_care' };
    case 'best_interests_decision':
      return { child: 'best_interests_confirmed' };
    case 'permit_issued':
      return { child: 'permit_issued' };
    case 'court_approved':
      return { child: 'adopted', adopter: 'adopted' };
    default:
      return {};
  }
}

export type DeadlineKind = (typeof deadlineKinds)[number];

/** A deadline a move creates: per offer, or per child (post-adoption reports). */
export interface NewDeadline {
  kind: DeadlineKind;
  dueOn: string;
  childId: number | null;
}

/** What a move does to the offer's deadlines. */
export interface DeadlineChanges {
  /** Open (or overdue) deadlines of these kinds are fulfilled: `done` on the move's date. */
  done: DeadlineKind[];
  /** The offer ended: every open or overdue deadline is cancelled. */
  cancelAll: boolean;
  create: NewDeadline[];
}

/** A child of the offer, for the post-adoption reports (until the child is 18). */
export interface ChildBirth {
  id: number;
  birthDate: string;
}

/**
 * The post-adoption reports of a foreign adoption approved on `approvedOn`: every
 * `reportEveryMonthsFirstYears` months for `reportFirstYears` years, then yearly, while the child
 * is under 18 on the due date.
 */
export function postAdoptionReports(
  approvedOn: string,
  child: ChildBirth,
  p: Pick<SelectionParameters, 'reportEveryMonthsFirstYears' | 'reportFirstYears'>,
): string[] {
  const adult = addMonths(child.birthDate, 18 * 12);
  const first = p.reportFirstYears * 12;
  const due: string[] = [];
  for (let m = p.reportEveryMonthsFirstYears; m <= first; m += p.reportEveryMonthsFirstYears)
    due.push(addMonths(approvedOn, m));
  // Yearly after the first years, for at most 18 years (a child is adopted before 18).
  for (let m = first + 12; m <= 18 * 12; m += 12) due.push(addMonths(approvedOn, m));
  return due.filter((d) => d < adult);
}

/**
 * The deadlines a move fulfils, cancels and creates (brief: "deadlines"), from the parameters in
 * force. `answerBy` is the offer's answer date (set when it is sent).
 */
export function deadlineChanges(
  move: { from: OfferStatus; to: OfferStatus; on: string; answerBy: string | null },
  offer: { foreignAdoption: boolean; children: readonly ChildBirth[] },
  p: SelectionParameters,
): DeadlineChanges {
  const none: DeadlineChanges = { done: [], cancelAll: false, create: [] };
  const perOffer = (kind: DeadlineKind, dueOn: string): NewDeadline => ({
    kind,
    dueOn,
    childId: null,
  });
  switch (move.to) {
    case 'sent':
      return { ...none, create: [perOffer('answer', move.answerBy ?? answerBy(move.on, p))] };
    case 'accepted_to_meet':
      return { ...none, done: ['answer'] };
    case 'declined':
      return { ...none, done: ['answer'], cancelAll: true };
    case 'expired':
    case 'withdrawn':
    case 'care_terminated':
      return { ...none, cancelAll: true };
    case 'care_decision':
      return {
        ...none,
        create: [perOffer('pre_adoption_care', addMonths(move.on, p.preAdoptionCareMonths))],
      };
    case 'best_interests_decision':
      return {
        ...none,
        done: ['pre_adoption_care'],
        create: [
          perOffer('court_claim', addDays(move.on, p.courtClaimDays)),
          ...(offer.foreignAdoption
            ? [perOffer('permit_issue', addMonths(move.on, p.permitIssueMonths))]
            : []),
        ],
      };
    case 'permit_issued':
      return {
        ...none,
        done: ['permit_issue'],
        create: [perOffer('permit_validity', addMonths(move.on, p.permitValidityMonths))],
      };
    case 'court_approved':
      return {
        ...none,
        done: ['court_claim', 'permit_validity'],
        create: offer.foreignAdoption
          ? offer.children.flatMap((c) =>
              postAdoptionReports(move.on, c, p).map((dueOn) => ({
                kind: 'post_adoption_report' as const,
                dueOn,
                childId: c.id,
              })),
            )
          : [],
      };
    default:
      return none;
  }
}

/** The adopter's answer is due `answerDays` after the information was sent. */
export const answerBy = (sentOn: string, p: Pick<SelectionParameters, 'answerDays'>) =>
  addDays(sentOn, p.answerDays);
