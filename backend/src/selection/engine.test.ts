import fc from 'fast-check';
import { healthAcceptances, needAnswers } from '@adoption/model';
import { queueCompare, reverseView, selectForAdopter } from './engine';
import { expandResult, proposedIndex, storedProposedIndex, storedResult } from './stored';
import {
  evaluate,
  softRules,
  type AdopterFacts,
  type CandidateFacts,
  type ChildFacts,
} from './rules';
import { adopter as adopterOf, child as childOf, context } from './rules/test-facts';

// Property-based tests of the selection over generated registers: the engine is pure, so the
// properties hold for any data the rules can meet.

const date = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / 864e5, max: Date.UTC(to, 11, 28) / 864e5 })
    .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
const codes = ['H52.1', 'J45.9', 'F80.1', 'F84.0', 'B18.2', 'Q90.0', null];

const childArb = (id: number, groupId: number | null) =>
  fc
    .record({
      sex: fc.constantFrom('female' as const, 'male' as const),
      birthDate: date(2009, 2026),
      status: fc.constantFrom(
        'available' as const,
        'available' as const,
        'offered' as const,
        'suspended' as const,
      ),
      recordSheetReceivedOn: date(2020, 2026),
      codes: fc.array(fc.constantFrom(...codes), { maxLength: 2 }),
      disability: fc.boolean(),
      consent: fc.constantFrom(null, 'given' as const, 'refused' as const),
      doesNotWishAdoption: fc.boolean(),
      clearedAbroad: fc.boolean(),
      liveOffer: fc.boolean(),
      // VDEĀVK's view while an open difference says the card differs from it.
      vdeavk: fc.option(
        fc.record({
          group: fc.constantFrom(null, 'child', 'II'),
          until: fc.constantFrom(null, '2026-01-01'),
        }),
        { freq: 4 },
      ),
    })
    .map((r): ChildFacts =>
      childOf({
        id,
        siblingGroupId: groupId,
        sex: r.sex,
        birthDate: r.birthDate,
        status: r.status,
        recordSheetReceivedOn: r.recordSheetReceivedOn,
        healthConditions: r.codes.map((icd10) => ({
          condition: 'D',
          icd10,
          since: null,
          treatment: null,
        })),
        disabilityGroup: r.disability ? 'child' : null,
        consent: r.consent,
        doesNotWishAdoption: r.doesNotWishAdoption,
        clearedAbroad: r.clearedAbroad,
        abroadCourtDecisionDate: r.clearedAbroad ? '2024-01-01' : null,
        abroadCommissionOpinionDate: r.clearedAbroad ? '2024-02-01' : null,
        liveOffer: r.liveOffer,
        registerDisability: r.vdeavk && { ...r.vdeavk, seenOn: '2026-05-31' },
      }),
    );

/** Candidates as the repository forms them: single children, groups whole, separable members alone. */
const candidatesArb = fc
  .array(fc.record({ size: fc.integer({ min: 1, max: 3 }), separable: fc.boolean() }), {
    maxLength: 12,
  })
  .chain((families) => {
    let id = 1;
    const parts = families.map((f, g) => {
      const groupId = f.size > 1 ? g + 1 : null;
      return fc
        .tuple(...Array.from({ length: f.size }, () => childArb(id++, groupId)))
        .map((children): CandidateFacts[] => {
          if (groupId === null) {
            return [
              {
                key: `child:${children[0]!.id}`,
                childIds: [children[0]!.id],
                siblingGroupId: null,
                separable: null,
                children,
              },
            ];
          }
          const whole: CandidateFacts = {
            key: `group:${groupId}`,
            childIds: children.map((c) => c.id),
            siblingGroupId: groupId,
            separable: f.separable,
            children,
          };
          const alone = f.separable
            ? children.map((c) => ({
                key: `child:${c.id}`,
                childIds: [c.id],
                siblingGroupId: groupId,
                separable: true,
                children: [c],
              }))
            : [];
          return [whole, ...alone];
        });
    });
    return parts.length
      ? fc.tuple(...parts).map((p) => p.flat())
      : fc.constant([] as CandidateFacts[]);
  });

const adopterArb = (id: number) =>
  fc
    .record({
      origin: fc.constantFrom('latvian' as const, 'latvian' as const, 'foreign' as const),
      birthDate: date(1965, 1998),
      enteredOn: date(2018, 2026),
      count: fc.integer({ min: 1, max: 3 }),
      sex: fc.constantFrom('female' as const, 'male' as const, 'any' as const),
      from: fc.integer({ min: 0, max: 10 }),
      span: fc.integer({ min: 0, max: 8 }),
      siblings: fc.boolean(),
      answers: fc.array(fc.constantFrom(...needAnswers), { minLength: 5, maxLength: 5 }),
      eligible: fc.boolean(),
      expired: fc.boolean(),
    })
    .map((r): AdopterFacts =>
      adopterOf({
        id,
        origin: r.origin,
        birthDate: r.birthDate,
        enteredOn: r.enteredOn,
        wishedChildrenCount: r.count,
        wishedSex: r.sex,
        wishedAgeFrom: r.from,
        wishedAgeTo: r.from + r.span,
        acceptsSiblings: r.siblings,
        needWishes: healthAcceptances.map((need, i) => ({
          need,
          answer: r.answers[i]!,
          note: r.answers[i] === 'consider' ? 'Jāpārrunā' : null,
        })),
        country:
          r.origin === 'foreign'
            ? {
                id: 1,
                nameLv: 'Itālija',
                hagueAdoption1993: true,
                bilateralAdoptionAgreement: r.eligible,
              }
            : null,
        decisionValidUntil: r.expired ? '2026-01-01' : null,
      }),
    );

const hardRules = [
  'recognition',
  'refusalPause',
  'availability',
  'consent',
  'abroad',
  'ageGap',
  'needs',
];
const world = fc.record({
  candidates: candidatesArb,
  adopters: fc
    .array(fc.integer(), { minLength: 1, maxLength: 6 })
    .chain((xs) => fc.tuple(...xs.map((_, i) => adopterArb(i + 1)))),
});

const run = (w: { candidates: CandidateFacts[]; adopters: AdopterFacts[] }) => {
  const queue = [...w.adopters].sort(queueCompare);
  const me = queue[queue.length - 1]!;
  return {
    me,
    queue,
    result: selectForAdopter({
      adopter: me,
      candidates: w.candidates,
      ahead: queue.slice(0, -1),
      context: context(),
      parametersVersion: 1,
    }),
  };
};

describe('selection properties', () => {
  it('no proposed candidate breaks a hard rule; near misses fail exactly one soft-able rule', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { me, result } = run(w);
        for (const c of result.proposed) {
          for (const r of c.rules) expect(r.outcome).not.toBe('fail');
          const again = evaluate(
            w.candidates.find((x) => x.key === c.key)!,
            me,
            context(),
          );
          expect(
            again.filter((r) => hardRules.includes(r.rule)).every((r) => r.outcome !== 'fail'),
          ).toBe(true);
        }
        for (const c of result.nearMisses) {
          const failed = c.rules.filter((r) => r.outcome === 'fail');
          expect(failed).toHaveLength(1);
          expect(softRules).toContain(failed[0]!.rule);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('siblings are never split without a decision', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { result } = run(w);
        for (const c of [...result.proposed, ...result.nearMisses]) {
          const facts = w.candidates.find((x) => x.key === c.key)!;
          if (facts.siblingGroupId !== null && c.key.startsWith('child:'))
            expect(facts.separable).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('respects the queue: fits before consider, longest waiting first; the adopters ahead are earlier in the queue and fit too', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { me, queue, result } = run(w);
        const keys = result.proposed.map(
          (c) => [c.grade === 'fits' ? 0 : 1, c.waitingSince] as const,
        );
        for (let i = 1; i < keys.length; i++) {
          const [g0, w0] = keys[i - 1]!;
          const [g1, w1] = keys[i]!;
          expect(g0 < g1 || (g0 === g1 && w0 <= w1)).toBe(true);
        }
        for (const c of result.proposed) {
          const facts = w.candidates.find((x) => x.key === c.key)!;
          for (const a of c.aheadInQueue) {
            const ahead = queue.find((q) => q.id === a.adopterId)!;
            expect(queueCompare(ahead, me)).toBeLessThan(0);
            expect(evaluate(facts, ahead, context()).every((r) => r.outcome !== 'fail')).toBe(true);
          }
        }
        // The reverse view of each proposed candidate lists the same adopters ahead, in order.
        for (const c of result.proposed) {
          const facts = w.candidates.find((x) => x.key === c.key)!;
          const rev = reverseView({
            candidate: facts,
            adopters: w.adopters,
            context: context(),
            parametersVersion: 1,
          });
          const fitting = rev.fitting.map((a) => a.adopterId);
          expect(fitting[fitting.length - 1]).toBe(me.id);
          expect(fitting.slice(0, -1)).toEqual(c.aheadInQueue.map((a) => a.adopterId));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic, and a stored result (JSON) re-shown equals the original', () => {
    fc.assert(
      fc.property(world, (w) => {
        const a = run(w).result;
        const b = run({
          candidates: [...w.candidates].reverse(),
          adopters: [...w.adopters].reverse(),
        }).result;
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        // As stored (selection/stored.ts: the adopters ahead once, referred to by index) and
        // expanded for the answer: the same result.
        const stored = JSON.parse(JSON.stringify(storedResult(a))) as Record<string, unknown>;
        expect(expandResult(stored)).toEqual(a);
        // What an offer checks (selection_runs.proposed) names the same children and adopters ahead.
        const index = proposedIndex(a) as { ahead: number[]; candidates: [number[], number[]][] };
        expect(
          index.candidates.map(([ids, ahead]) => [ids, ahead.map((i) => index.ahead[i])]),
        ).toEqual(a.proposed.map((c) => [c.childIds, c.aheadInQueue.map((x) => x.adopterId)]));
        if (w.candidates.length === 0) return;
        const rev = reverseView({
          candidate: w.candidates[0]!,
          adopters: w.adopters,
          context: context(),
          parametersVersion: 1,
        });
        expect(expandResult(JSON.parse(JSON.stringify(storedResult(rev))))).toEqual(rev);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stored form', () => {
  it('still expands a run stored in the earlier form (candidates as objects, outcomes by index)', () => {
    const passed = { rule: 'age', outcome: 'pass', detail: { ages: [4], from: 3, to: 6 } };
    const failed = { rule: 'sex', outcome: 'fail', detail: { wished: 'male', otherSex: [7] } };
    const display = {
      children: [
        {
          id: 7,
          givenNames: 'Anna',
          surname: 'Bērziņa',
          sex: 'female',
          birthDate: '2022-01-05',
          age: 4,
          status: 'available',
        },
      ],
    };
    const ahead = { adopterId: 3, enteredOn: '2019-01-10' };
    const candidate = {
      key: 'child:7',
      childIds: [7],
      siblingGroupId: null,
      waitingSince: '2022-03-01',
      display,
    };
    const stored = {
      runOn: '2026-06-01',
      parametersVersion: 1,
      proposed: [{ ...candidate, grade: 'fits', rules: [0], aheadInQueue: [0] }],
      nearMisses: [],
      excluded: [{ ...candidate, grade: 'excluded', rules: [1], aheadInQueue: [] }],
      outcomes: [passed, failed],
      aheadAdopters: [ahead],
    };
    expect(expandResult(JSON.parse(JSON.stringify(stored)))).toEqual({
      runOn: '2026-06-01',
      parametersVersion: 1,
      proposed: [{ ...candidate, grade: 'fits', rules: [passed], aheadInQueue: [ahead] }],
      nearMisses: [],
      excluded: [{ ...candidate, grade: 'excluded', rules: [failed], aheadInQueue: [] }],
    });
    // What an offer checks, from a run stored before `selection_runs.proposed`.
    expect(storedProposedIndex(JSON.parse(JSON.stringify(stored)))).toEqual({
      ahead: [3],
      candidates: [[[7], [0]]],
    });
    // And the plain result stored before 0025 as it is.
    const plain = {
      runOn: '2026-06-01',
      parametersVersion: 1,
      proposed: [],
      nearMisses: [],
      excluded: [],
    };
    expect(expandResult(plain)).toEqual(plain);
  });
});
