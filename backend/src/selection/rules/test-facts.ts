import type { AdopterFacts, CandidateFacts, ChildFacts, RuleContext } from './types';

// Hand-made facts for the rules' tests (and the engine's property tests): a child who fits a
// Latvian adopter wishing one child of 0–6 years of either sex, on 2026-06-01.

export const RUN_ON = '2026-06-01';

/** Version 1 of the parameters (migration 0020's defaults). */
export const defaults: RuleContext['params'] = {
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

export const context = (
  over: Partial<RuleContext['params']> = {},
  runOn = RUN_ON,
): RuleContext => ({
  runOn,
  params: { ...defaults, ...over },
});

export const child = (over: Partial<ChildFacts> = {}): ChildFacts => ({
  id: 1,
  givenNames: 'Anna',
  surname: 'Kalniņa',
  sex: 'female',
  birthDate: '2022-03-15',
  status: 'available',
  recordSheetReceivedOn: '2024-01-10',
  siblingGroupId: null,
  healthConditions: [],
  disabilityGroup: null,
  disabilityUntil: null,
  consent: null,
  doesNotWishAdoption: false,
  clearedAbroad: false,
  abroadCourtDecisionDate: null,
  abroadCommissionOpinionDate: null,
  liveOffer: false,
  ...over,
});

export const single = (c: ChildFacts = child()): CandidateFacts => ({
  key: `child:${c.id}`,
  childIds: [c.id],
  siblingGroupId: c.siblingGroupId,
  separable: c.siblingGroupId === null ? null : false,
  children: [c],
});

export const group = (children: ChildFacts[], separable = false, id = 7): CandidateFacts => ({
  key: `group:${id}`,
  childIds: children.map((c) => c.id),
  siblingGroupId: id,
  separable,
  children: children.map((c) => ({ ...c, siblingGroupId: id })),
});

export const adopter = (over: Partial<AdopterFacts> = {}): AdopterFacts => ({
  id: 10,
  origin: 'latvian',
  givenNames: 'Inese',
  surname: 'Ozoliņa',
  spouseGivenNames: null,
  spouseSurname: null,
  birthDate: '1984-08-10',
  spouseBirthDate: null,
  status: 'waiting',
  enteredOn: '2025-04-20',
  decisionValidUntil: null,
  wishedChildrenCount: 1,
  wishedSex: 'any',
  wishedAgeFrom: 0,
  wishedAgeTo: 6,
  needWishes: [],
  acceptsSiblings: false,
  country: null,
  unreasonedRefusals: [],
  ...over,
});
