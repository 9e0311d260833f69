import {
  daysBetween,
  gini,
  median,
  mediansByAgeBand,
  statusesDuring,
  topShare,
  type ChildTimeline,
} from './figures';
import { cohort, fairnessReport, waitingDays, type FairnessChild } from './fairness';

const child = (over: Partial<FairnessChild> = {}): FairnessChild => ({
  childId: 1,
  birthDate: '2015-03-01',
  enteredOn: '2023-01-10',
  firstOfferOn: null,
  adoptedOn: null,
  sex: 'female',
  disabled: false,
  groupSize: 1,
  status: 'available',
  changes: [],
  ...over,
});

describe('dashboard figures', () => {
  it('counts calendar days and takes medians (mean of the middle two when even)', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('medians by age band at entry, counting only what happened by the reference date', () => {
    const rows: ChildTimeline[] = [
      // 2 years old at entry: 0-2; offered after 30 days, adopted after 200.
      {
        childId: 1,
        birthDate: '2020-05-01',
        enteredOn: '2022-06-01',
        firstOfferOn: '2022-07-01',
        adoptedOn: '2022-12-18',
      },
      // 0-2 as well: offered after 60 days, adoption after the reference date does not count.
      {
        childId: 2,
        birthDate: '2021-01-01',
        enteredOn: '2022-01-01',
        firstOfferOn: '2022-03-02',
        adoptedOn: '2025-01-01',
      },
      // 11 at entry (a birthday later does not move the band): 10-13, never offered.
      {
        childId: 3,
        birthDate: '2011-06-01',
        enteredOn: '2022-06-01',
        firstOfferOn: null,
        adoptedOn: null,
      },
      // An offer after the reference date is not counted.
      {
        childId: 4,
        birthDate: '2011-06-01',
        enteredOn: '2022-06-01',
        firstOfferOn: '2024-07-01',
        adoptedOn: null,
      },
    ];
    const bands = mediansByAgeBand(rows, '2024-06-30');
    expect(bands.map((b) => b.band)).toEqual(['0-2', '3-6', '7-9', '10-13', '14-17', '18+']);
    expect(bands[0]).toEqual({
      band: '0-2',
      toFirstOffer: { n: 2, medianDays: 45 },
      toAdoption: { n: 1, medianDays: 200 },
    });
    expect(bands[3]).toEqual({
      band: '10-13',
      toFirstOffer: { n: 0, medianDays: null },
      toAdoption: { n: 0, medianDays: null },
    });
  });

  it('reconstructs the statuses a child held during a period from its history', () => {
    const changes = [
      { fromStatus: 'available', toStatus: 'offered', changedOn: '2024-03-01' },
      { fromStatus: 'offered', toStatus: 'getting_acquainted', changedOn: '2024-04-01' },
      { fromStatus: 'getting_acquainted', toStatus: 'adopted', changedOn: '2024-12-01' },
    ] as const;
    expect([...statusesDuring('adopted', [...changes], '2024-01-01', '2024-03-15')]).toEqual([
      'available',
      'offered',
    ]);
    expect([...statusesDuring('adopted', [...changes], '2025-01-01', '2025-06-30')]).toEqual([
      'adopted',
    ]);
    expect([...statusesDuring('not_consenting', [], '2024-01-01', '2024-12-31')]).toEqual([
      'not_consenting',
    ]);
  });

  it('measures concentration: Gini with adopters without offers as zeros, and the top 10 %', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    // All of 10 offers to one of 10 adopters: G = (n − 1) / n.
    expect(gini([10, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(0.9);
    expect(gini([3])).toBeNull();
    expect(gini([0, 0])).toBeNull();
    expect(gini([1, 3])).toBeCloseTo(0.25);
    // 20 adopters: the top 10 % are 2, who got 6 of 10 offers.
    const counts = [4, 2, 1, 1, 1, 1, ...Array<number>(14).fill(0)];
    expect(topShare(counts)).toBeCloseTo(0.6);
    // 5 adopters: the top 10 % rounds up to one adopter.
    expect(topShare([2, 1, 1, 0, 0])).toBeCloseTo(0.5);
    expect(topShare([0, 0])).toBeNull();
  });
});

describe('fairness report', () => {
  const from = '2024-01-01';
  const to = '2024-12-31';

  it('takes the children in the pool during the period, not those adopted before or never in it', () => {
    const kept = child({ childId: 1 });
    const adoptedBefore = child({
      childId: 2,
      status: 'adopted',
      changes: [{ fromStatus: 'permit_issued', toStatus: 'adopted', changedOn: '2023-05-01' }],
    });
    const refusing = child({ childId: 3, status: 'not_consenting' });
    const later = child({ childId: 4, enteredOn: '2025-01-05' });
    const adoptedDuring = child({
      childId: 5,
      status: 'adopted',
      changes: [{ fromStatus: 'permit_issued', toStatus: 'adopted', changedOn: '2024-05-01' }],
    });
    expect(
      cohort([kept, adoptedBefore, refusing, later, adoptedDuring], from, to).map((c) => c.childId),
    ).toEqual([1, 5]);
  });

  it('waits until the first offer, or (never proposed) until the end of the period', () => {
    expect(waitingDays(child({ enteredOn: '2024-01-01', firstOfferOn: '2024-01-31' }), to)).toBe(
      30,
    );
    expect(waitingDays(child({ enteredOn: '2024-12-01', firstOfferOn: '2025-02-01' }), to)).toBe(
      30,
    );
  });

  it('shares and medians by dimension, withholding small cells and their figures', () => {
    // 12 girls (6 proposed), 7 boys (5 proposed, so 2 not: a small count).
    const girls = Array.from({ length: 12 }, (_, i) =>
      child({
        childId: i + 1,
        sex: 'female',
        enteredOn: '2024-01-01',
        firstOfferOn: i < 6 ? addDaysTo('2024-01-01', 10 * (i + 1)) : null,
        groupSize: i < 9 ? 1 : 3,
      }),
    );
    const boys = Array.from({ length: 7 }, (_, i) =>
      child({
        childId: 100 + i,
        sex: 'male',
        enteredOn: '2024-06-01',
        firstOfferOn: i < 5 ? '2024-07-01' : null,
      }),
    );
    const report = fairnessReport({
      from,
      to,
      threshold: 5,
      children: [...girls, ...boys],
      offers: [],
      adopterIds: [],
    });
    expect(report.children).toBe(19);
    const rows = (d: string) => report.dimensions.find((x) => x.dimension === d)!.rows;
    // Girls wait 10…60 days (six proposed) and 365 (six not) → median (60 + 365) / 2; boys 30
    // days (five) and 213 (two) → 30. Two boys not proposed is a small count: withheld, and the
    // girls' not-proposed count with it (else found by subtraction), so neither share is shown
    // (it would give the withheld count back); the counts and medians are.
    expect(rows('sex')).toEqual([
      { key: 'female', children: 12, proposed: 6, proposedShare: null, medianWaitingDays: 212.5 },
      { key: 'male', children: 7, proposed: 5, proposedShare: null, medianWaitingDays: 30 },
    ]);
    // Everyone entered at 8 or 9: one band with 11 of 19 proposed, the other bands empty.
    expect(rows('ageBand').find((r) => r.key === '7-9')).toEqual({
      key: '7-9',
      children: 19,
      proposed: 11,
      proposedShare: roundTo(11 / 19),
      medianWaitingDays: 50,
    });
    expect(rows('ageBand').find((r) => r.key === '0-2')).toEqual({
      key: '0-2',
      children: 0,
      proposed: 0,
      proposedShare: null,
      medianWaitingDays: null,
    });
    // Three children in groups of 3+ are a small cell; the 16 single ones would reveal it.
    expect(rows('siblingGroupSize').map((r) => [r.key, r.children, r.medianWaitingDays])).toEqual([
      ['1', null, null],
      ['2', 0, null],
      ['3+', null, null],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/childId|"id"/);
  });

  it('measures the concentration over the adopters in the queue and the offers declined', () => {
    const offers = [
      ...Array.from({ length: 6 }, () => offer(1)),
      ...Array.from({ length: 2 }, () => offer(2)),
      offer(3, { declinedOn: '2024-03-20' }),
      offer(4, { declinedOn: '2024-03-20' }),
      offer(5, { declinedOn: '2024-03-20' }),
      offer(6, { declinedOn: '2024-03-20' }),
      offer(7, { declinedOn: '2024-03-20' }),
      // Sent before the period: not counted.
      offer(8, { sentOn: '2023-12-01', declinedOn: '2023-12-20' }),
    ];
    const adopterIds = Array.from({ length: 20 }, (_, i) => i + 1);
    const report = fairnessReport({ from, to, threshold: 5, children: [], offers, adopterIds });
    expect(report.concentration).toEqual({
      measure: 'gini',
      adopters: 20,
      offers: 13,
      adoptersWithOffer: 7,
      top10PercentShare: roundTo((6 + 2) / 13),
      gini: roundTo(gini(countsOf())!),
    });
    expect(report.outcomes).toMatchObject({
      offersSent: 13,
      declined: 5,
      declinedShare: roundTo(5 / 13),
      expired: 0,
      expiredShare: 0,
      toFirstOffer: { n: 0, medianDays: null },
    });

    function countsOf() {
      const c = new Map(adopterIds.map((id) => [id, 0]));
      for (const o of offers.filter((x) => x.sentOn >= from))
        c.set(o.adopterId, c.get(o.adopterId)! + 1);
      return [...c.values()];
    }
  });

  it('withholds the concentration and outcome shares when few offers were sent', () => {
    const report = fairnessReport({
      from,
      to,
      threshold: 5,
      children: [],
      offers: [offer(1), offer(2, { declinedOn: '2024-04-01' })],
      adopterIds: [1, 2, 3],
    });
    expect(report.concentration).toMatchObject({
      offers: null,
      top10PercentShare: null,
      gini: null,
    });
    expect(report.outcomes).toMatchObject({
      offersSent: null,
      declined: null,
      declinedShare: null,
    });
  });
});

function offer(
  adopterId: number,
  over: Partial<Parameters<typeof fairnessReport>[0]['offers'][number]> = {},
) {
  return {
    adopterId,
    sentOn: '2024-03-01',
    acceptedOn: null,
    declinedOn: null,
    expiredOn: null,
    withdrawnOn: null,
    ...over,
  };
}

const roundTo = (x: number) => Math.round(x * 10_000) / 10_000;

function addDaysTo(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
