import { addDays, addMonths } from '@adoption/model';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db/database';
import type {
  AdopterFacts,
  ChildFacts,
  CandidateFacts,
  RegisterDisability,
  RuleContext,
} from './rules';

// The selection's SQL: the candidates narrowed by the hard rules an index can serve (status, no
// live offer, the birth-date window, sex, cleared for abroad); the rules then decide and explain.

const childColumns = [
  'c.id',
  'c.givenNames',
  'c.surname',
  'c.sex',
  'c.birthDate',
  'c.status',
  'c.recordSheetReceivedOn',
  'c.siblingGroupId',
  'c.healthConditions',
  'c.disabilityGroup',
  'c.disabilityUntil',
  'c.consent',
  'c.doesNotWishAdoption',
  'c.clearedAbroad',
  'c.abroadCourtDecisionDate',
  'c.abroadCommissionOpinionDate',
] as const;

const liveOffer = sql<boolean>`exists (select 1 from offer_children oc where oc.child_id = c.id and oc.live)`;

/**
 * Birth dates of the children whose age in completed years on `runOn` lies in [from, to]; a day
 * wider on each side (29 February), so the window never leaves out a child the age rule keeps.
 */
export function birthWindow(runOn: string, from: number, to: number) {
  return {
    bornAfter: addDays(addMonths(runOn, -12 * (to + 1)), -1),
    bornOnOrBefore: addDays(addMonths(runOn, -12 * Math.max(0, from)), 1),
  };
}

/** The narrowing of a selection for an adopter, as stored with the run's inputs. */
export function narrowing(adopter: AdopterFacts, ctx: RuleContext) {
  const near = ctx.params.nearMissAgeYears;
  return {
    status: 'available',
    noLiveOffer: true,
    // Wide enough for the near misses by age…
    wide: birthWindow(ctx.runOn, adopter.wishedAgeFrom - near, adopter.wishedAgeTo + near),
    // …and by sex: another sex only within the wished ages.
    strict: birthWindow(ctx.runOn, adopter.wishedAgeFrom, adopter.wishedAgeTo),
    sex: adopter.wishedSex === 'any' ? null : adopter.wishedSex,
    clearedAbroad: adopter.origin === 'foreign',
  };
}

/** The single SQL query that narrows the children for an adopter (the benchmark times it alone). */
export function narrowChildren(db: Db, n: ReturnType<typeof narrowing>) {
  return (
    db
      .selectFrom('children as c')
      .select(childColumns)
      // No live offer: the narrowing keeps only such children.
      .select(sql<boolean>`false`.as('liveOffer'))
      .where((eb) => narrowingConditions(eb, n))
  );
}

/** The narrowing's conditions on a child `c`: the members' query asks for their negation. */
function narrowingConditions(
  eb: ExpressionBuilder<Database & { c: Database['children'] }, 'c'>,
  n: Narrowing,
) {
  const conditions = [
    eb('c.status', '=', 'available'),
    eb('c.birthDate', '>', n.wide.bornAfter),
    eb('c.birthDate', '<=', n.wide.bornOnOrBefore),
    eb.not(
      eb.exists(
        eb
          .selectFrom('offerChildren as oc')
          .select(sql`1`.as('one'))
          .whereRef('oc.childId', '=', 'c.id')
          .where('oc.live', '=', true),
      ),
    ),
  ];
  if (n.sex) {
    const { strict, sex } = n;
    conditions.push(
      eb.or([
        eb('c.sex', '=', sex),
        eb.and([
          eb('c.birthDate', '>', strict.bornAfter),
          eb('c.birthDate', '<=', strict.bornOnOrBefore),
        ]),
      ]),
    );
  }
  if (n.clearedAbroad) conditions.push(eb('c.clearedAbroad', '=', true));
  return eb.and(conditions);
}
type Narrowing = ReturnType<typeof narrowing>;

type ChildRow = Omit<ChildFacts, never>;

/** The card's disability fields the reconciliation compares with VDEĀVK (registers/compare.ts). */
const disabilityFields = ['disabilityGroup', 'disabilityFrom', 'disabilityUntil'];

interface OpenDifference {
  recordId: number;
  field: string;
  theirs: string | null;
  seenOn: string;
}

/**
 * The open disability differences (register_differences: VDEĀVK against the card), by child.
 * `ids` keys the query for the reverse view's few children. A selection for an adopter passes
 * none and reads every open one instead, beside the narrowing query rather than after it: open
 * differences are the specialists' queue of unsettled ones (tens, at most hundreds; the partial
 * index `register_differences_open`), whereas keying by the narrowed ids would send tens of
 * thousands of ids (41,148 at 100,000 children, docs/benchmarks.md) and wait for the narrowing.
 * Rows of children that are no candidate are simply never looked up.
 */
async function openDisabilityDifferences(db: Db, ids?: number[]) {
  const byChild = new Map<number, OpenDifference[]>();
  if (ids?.length === 0) return byChild;
  const rows = await db
    .selectFrom('registerDifferences as d')
    .select([
      'd.recordId',
      'd.field',
      'd.theirs',
      sql<string>`to_char(d.seen_at at time zone 'Europe/Riga', 'YYYY-MM-DD')`.as('seenOn'),
    ])
    .where('d.resource', '=', 'children')
    .where('d.status', '=', 'open')
    .where('d.register', '=', 'disability')
    .where('d.field', 'in', disabilityFields)
    .$if(ids !== undefined, (q) => q.where(sql<boolean>`d.record_id = any(${ids}::int[])`))
    .execute();
  for (const r of rows) {
    const list = byChild.get(r.recordId);
    if (list) list.push(r);
    else byChild.set(r.recordId, [r]);
  }
  return byChild;
}

/**
 * Gives each child with open disability differences its `registerDisability` (VDEĀVK's view:
 * their value for each differing field, the card's for the others, as of the latest day the
 * reconciliation saw one). The other children are left as they are: no property, no allocation.
 */
function withRegisterDisability(children: ChildRow[], open: Map<number, OpenDifference[]>) {
  if (open.size === 0) return;
  for (const c of children) {
    const rows = open.get(c.id);
    if (rows) c.registerDisability = registerView(c, rows);
  }
}

function registerView(child: ChildRow, rows: OpenDifference[]): RegisterDisability {
  const view: RegisterDisability = {
    group: child.disabilityGroup,
    until: child.disabilityUntil,
    seenOn: '',
  };
  for (const r of rows) {
    if (r.field === 'disabilityGroup') view.group = r.theirs;
    else if (r.field === 'disabilityUntil') view.until = r.theirs;
    if (r.seenOn > view.seenOn) view.seenOn = r.seenOn;
  }
  return view;
}

/** The children of these sibling groups (all of them, whatever their status) and the groups' decisions. */
async function groupMembers(db: Db, groupIds: number[]) {
  if (groupIds.length === 0)
    return { members: [] as ChildRow[], separable: new Map<number, boolean>() };
  const [members, groups] = await Promise.all([
    db
      .selectFrom('children as c')
      .select(childColumns)
      .select(liveOffer.as('liveOffer'))
      .where('c.siblingGroupId', 'in', groupIds)
      .orderBy('c.id')
      .execute() as Promise<ChildRow[]>,
    db
      .selectFrom('siblingGroups')
      .select(['id', 'mayBeSeparated'])
      .where('id', 'in', groupIds)
      .execute(),
  ]);
  const open = await openDisabilityDifferences(
    db,
    members.map((m) => m.id),
  );
  withRegisterDisability(members, open);
  return {
    members,
    separable: new Map(groups.map((g) => [g.id, g.mayBeSeparated])),
  };
}

/**
 * The candidates for an adopter: the narrowing query (`narrowChildren`, as the benchmark times it)
 * and, in a second query on the same connection, the members of the narrowed children's sibling
 * groups that it did not narrow, with the groups' separation decisions. (One statement with both
 * as a CTE made PostgreSQL scan the children twice and JIT-compile: three times the first query.)
 */
export async function narrowedCandidates(
  db: Db,
  n: ReturnType<typeof narrowing>,
): Promise<{ narrowed: number; candidates: CandidateFacts[] }> {
  const [narrowed, open] = await Promise.all([
    narrowChildren(db, n).execute() as Promise<ChildRow[]>,
    openDisabilityDifferences(db),
  ]);
  withRegisterDisability(narrowed, open);
  const groupIds: number[] = [];
  const seen = new Set<number>();
  for (const c of narrowed) {
    const g = c.siblingGroupId;
    if (g === null) continue;
    if (!seen.has(g)) {
      seen.add(g);
      groupIds.push(g);
    }
  }
  const separable = new Map<number, boolean>();
  if (groupIds.length === 0) {
    return { narrowed: narrowed.length, candidates: candidatesOf(narrowed, [], [], separable) };
  }
  const [others, groups] = await Promise.all([
    db
      .selectFrom('children as c')
      .select(childColumns)
      .select(liveOffer.as('liveOffer'))
      .where(sql<boolean>`c.sibling_group_id = any(${groupIds}::int[])`)
      // The members the narrowing left out (every column it reads is not null, so `not` is exact).
      .where((eb) => eb.not(narrowingConditions(eb, n)))
      .execute() as Promise<ChildRow[]>,
    // The groups an orphan court allowed to separate, as one array (thousands of groups, a few
    // of them separable): every other group of `groupIds` is not.
    db
      .selectFrom('siblingGroups')
      .select(sql<number[]>`coalesce(array_agg(id), '{}')`.as('ids'))
      .where(sql<boolean>`id = any(${groupIds}::int[])`)
      .where('mayBeSeparated', '=', true)
      .executeTakeFirstOrThrow(),
  ]);
  withRegisterDisability(others, open);
  for (const g of groupIds) separable.set(g, false);
  for (const g of groups.ids) separable.set(g, true);
  // The members in id order, the narrowed rows as they are (no copy per row).
  const members: ChildRow[] = others;
  for (const c of narrowed) if (c.siblingGroupId !== null) members.push(c);
  members.sort((a, b) => a.id - b.id);
  return {
    narrowed: narrowed.length,
    candidates: candidatesOf(narrowed, groupIds, members, separable),
  };
}

function candidatesOf(
  narrowed: ChildRow[],
  groupIds: number[],
  members: ChildRow[],
  separable: Map<number, boolean>,
): CandidateFacts[] {
  const out: CandidateFacts[] = [];
  for (const c of narrowed) {
    if (c.siblingGroupId === null) {
      out.push({
        key: `child:${c.id}`,
        childIds: [c.id],
        siblingGroupId: null,
        separable: null,
        children: [c],
      });
    } else if (separable.get(c.siblingGroupId)) {
      out.push({
        key: `child:${c.id}`,
        childIds: [c.id],
        siblingGroupId: c.siblingGroupId,
        separable: true,
        children: [c],
      });
    }
  }
  const byGroup = new Map<number, ChildRow[]>();
  for (const m of members) {
    const list = byGroup.get(m.siblingGroupId!);
    if (list) list.push(m);
    else byGroup.set(m.siblingGroupId!, [m]);
  }
  for (const g of groupIds) {
    const children = byGroup.get(g) ?? [];
    out.push({
      key: `group:${g}`,
      childIds: children.map((m) => m.id),
      siblingGroupId: g,
      separable: separable.get(g) ?? false,
      children,
    });
  }
  return out;
}

/** One child (reverse view) as a candidate alone, with its group's separation decision. */
export async function childCandidate(db: Db, childId: number): Promise<CandidateFacts | undefined> {
  const [child, open] = await Promise.all([
    db
      .selectFrom('children as c')
      .select(childColumns)
      .select(liveOffer.as('liveOffer'))
      .where('c.id', '=', childId)
      .executeTakeFirst() as Promise<ChildRow | undefined>,
    openDisabilityDifferences(db, [childId]),
  ]);
  if (!child) return undefined;
  withRegisterDisability([child], open);
  const separable = child.siblingGroupId
    ? ((
        await db
          .selectFrom('siblingGroups')
          .select('mayBeSeparated')
          .where('id', '=', child.siblingGroupId)
          .executeTakeFirst()
      )?.mayBeSeparated ?? false)
    : null;
  return {
    key: `child:${child.id}`,
    childIds: [child.id],
    siblingGroupId: child.siblingGroupId,
    separable,
    children: [child],
  };
}

/** A sibling group as one candidate with all its members. */
export async function groupCandidate(db: Db, groupId: number): Promise<CandidateFacts | undefined> {
  const { members, separable } = await groupMembers(db, [groupId]);
  if (!separable.has(groupId)) return undefined;
  return {
    key: `group:${groupId}`,
    childIds: members.map((m) => m.id),
    siblingGroupId: groupId,
    separable: separable.get(groupId)!,
    children: members,
  };
}

const adopterColumns = [
  'a.id',
  'a.origin',
  'a.givenNames',
  'a.surname',
  'a.spouseGivenNames',
  'a.spouseSurname',
  'a.birthDate',
  'a.spouseBirthDate',
  'a.status',
  'a.enteredOn',
  'a.decisionValidUntil',
  'a.wishedChildrenCount',
  'a.wishedSex',
  'a.wishedAgeFrom',
  'a.wishedAgeTo',
  'a.needWishes',
  'a.acceptsSiblings',
  'a.countryId',
  'a.refusals',
  'co.nameLv as countryName',
  'co.hagueAdoption1993',
  'co.bilateralAdoptionAgreement',
] as const;

function adopterQuery(db: Db) {
  return db
    .selectFrom('adopters as a')
    .leftJoin('countries as co', 'co.id', 'a.countryId')
    .select(adopterColumns);
}
type AdopterRow = Awaited<ReturnType<ReturnType<typeof adopterQuery>['execute']>>[number];

/**
 * The refusals the refusal rule counts, by adopter: each refusal recorded on the adopter's record
 * and each offer the adopter declined without a reason (offer_events), on or after `since`.
 */
async function refusalDates(db: Db, adopters: AdopterRow[], since: string) {
  // Only adopters with refusals get an entry (most have none).
  const byAdopter = new Map<number, string[]>();
  for (const a of adopters) {
    if (a.refusals.length === 0) continue;
    const dates = a.refusals.map((r) => r.refusedOn).filter((d) => d >= since);
    if (dates.length) byAdopter.set(a.id, dates);
  }
  const ids = adopters.map((a) => a.id);
  if (ids.length === 0) return byAdopter;
  const declined = await db
    .selectFrom('offerEvents as e')
    .innerJoin('offers as o', 'o.id', 'e.offerId')
    .select(['o.adopterId', 'e.happenedOn'])
    .where('e.toStatus', '=', 'declined')
    .where('e.happenedOn', '>=', since)
    .where((eb) => eb.or([eb('e.reason', 'is', null), eb(sql`trim(e.reason)`, '=', '')]))
    .$if(ids.length <= 1000, (q) => q.where('o.adopterId', 'in', ids))
    .execute();
  for (const d of declined) {
    const dates = byAdopter.get(d.adopterId);
    if (dates) dates.push(d.happenedOn);
    else byAdopter.set(d.adopterId, [d.happenedOn]);
  }
  return byAdopter;
}

async function toFacts(db: Db, rows: AdopterRow[], ctx: RuleContext): Promise<AdopterFacts[]> {
  const since = addMonths(ctx.runOn, -ctx.params.refusalRule.withinMonths);
  const refusals = await refusalDates(db, rows, since);
  return rows.map((r) => ({
    id: r.id,
    origin: r.origin,
    givenNames: r.givenNames,
    surname: r.surname,
    spouseGivenNames: r.spouseGivenNames,
    spouseSurname: r.spouseSurname,
    birthDate: r.birthDate,
    spouseBirthDate: r.spouseBirthDate,
    status: r.status,
    enteredOn: r.enteredOn,
    decisionValidUntil: r.decisionValidUntil,
    wishedChildrenCount: r.wishedChildrenCount,
    wishedSex: r.wishedSex,
    wishedAgeFrom: r.wishedAgeFrom,
    wishedAgeTo: r.wishedAgeTo,
    needWishes: r.needWishes,
    acceptsSiblings: r.acceptsSiblings,
    country:
      r.countryId === null
        ? null
        : {
            id: r.countryId,
            nameLv: r.countryName ?? '',
            hagueAdoption1993: r.hagueAdoption1993 ?? false,
            bilateralAdoptionAgreement: r.bilateralAdoptionAgreement ?? false,
          },
    unreasonedRefusals: refusals.get(r.id)?.sort() ?? [],
  }));
}

export async function adopterFacts(db: Db, id: number, ctx: RuleContext) {
  const row = await adopterQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? (await toFacts(db, [row], ctx))[0] : undefined;
}

const queueKey = sql<number>`case a.origin when 'latvian' then 0 else 1 end`;

/** The waiting adopters ahead of `adopter` in the queue (Latvian first, entry date, id). */
export async function adoptersAhead(db: Db, adopter: AdopterFacts, ctx: RuleContext) {
  const key = adopter.origin === 'latvian' ? 0 : 1;
  const rows = await adopterQuery(db)
    .where('a.status', '=', 'waiting')
    .where('a.enteredOn', '<=', ctx.runOn)
    .where(
      sql<boolean>`(${queueKey}, a.entered_on, a.id) < (${key}, ${adopter.enteredOn}::date, ${adopter.id})`,
    )
    .execute();
  return toFacts(db, rows, ctx);
}

/**
 * The single SQL query that narrows the adopters for a child or group (the reverse view): the
 * waiting ones entered by the run date; foreign ones only when every child is cleared for
 * adoption abroad.
 */
export function narrowAdopters(db: Db, clearedAbroad: boolean, runOn: string) {
  return adopterQuery(db)
    .where('a.status', '=', 'waiting')
    .where('a.enteredOn', '<=', runOn)
    .$if(!clearedAbroad, (q) => q.where('a.origin', '=', 'latvian'));
}

export async function waitingAdopters(db: Db, clearedAbroad: boolean, ctx: RuleContext) {
  return toFacts(db, await narrowAdopters(db, clearedAbroad, ctx.runOn).execute(), ctx);
}
