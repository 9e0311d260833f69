import { rigaToday, yearsOld } from '@adoption/model';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-db';
import { migrate } from '../db/migrate';
import { loadDemoData, loadReferenceData } from './seed';
import {
  DEMO_COUNTS,
  generateAdopters,
  generateChildren,
  insertAdopters,
  insertChildren,
  peopleRefs,
  type PeopleRefs,
} from './people';
import { childInput } from '../children/schema';
import { checkChild } from '../children/rules';
import { adopterInput } from '../adopters/schema';
import { checkAdopter } from '../adopters/rules';
import { validatePersonalCode } from '../latvian/personal-code';
import { foldForSearch } from '../latvian/search';
import { SURNAME_PAIRS, surnameFor } from '../latvian/names';

// The synthetic register: every generated card passes the API's own input schema and rules, the
// proportions follow the domain brief (section 8), and the rows go into the database as is.

const SAMPLE = 2000;
const today = rigaToday();
const refs: PeopleRefs = {
  orphanCourtIds: Array.from({ length: 43 }, (_, i) => i + 1),
  careProviderIds: Array.from({ length: 40 }, (_, i) => i + 1),
  countryIds: [70, 110, 230, 200],
};
const { children, siblingGroups } = generateChildren(SAMPLE, 'people-test', refs, today);
const adopters = generateAdopters(SAMPLE, 'people-test', refs, today);
const share = (n: number, of = SAMPLE) => n / of;
/** What a client would send: the schema's fields only (status and group move separately). */
const inputOf = (shape: object, row: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(shape).flatMap((k) => (k in row ? [[k, row[k]]] : [])));

describe('generated children', () => {
  it('pass the API input schema unchanged and the card rules', () => {
    const problems: unknown[] = [];
    for (const [i, child] of children.entries()) {
      const parsed = childInput.strict().safeParse(inputOf(childInput.shape, child));
      if (!parsed.success) problems.push([i, parsed.error.issues]);
      else {
        const errors = checkChild(parsed.data, today);
        if (errors.length) problems.push([i, errors]);
        // Nothing trimmed, defaulted or normalised away: the card is stored as generated.
        for (const [k, v] of Object.entries(parsed.data)) {
          if (JSON.stringify(v) !== JSON.stringify(child[k as keyof typeof child])) {
            problems.push([i, k, v]);
          }
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Every card field the schema knows is generated (new fields must not be forgotten here).
    const missing = Object.keys(childInput.shape).filter(
      (k) => k !== 'confirmLikelyDuplicate' && !(k in children[0]!),
    );
    expect(missing).toEqual([]);
  });

  it('are as many as asked, reproducible from the seed, with unique valid personal codes', () => {
    expect(children).toHaveLength(SAMPLE);
    const again = generateChildren(SAMPLE, 'people-test', refs, today);
    expect(again.children).toEqual(children);
    expect(generateChildren(50, 'other', refs, today).children).not.toEqual(children.slice(0, 50));
    const codes = children.map((c) => c.personalCode).filter((c) => c !== null);
    expect(share(codes.length)).toBeGreaterThan(0.99);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of children.slice(0, 300)) {
      expect(validatePersonalCode(c.personalCode!, { birthDate: c.birthDate }).ok).toBe(true);
    }
    // Latvian names, with diacritics, found without them.
    expect(children.some((c) => /[āčēģīķļņšūž]/i.test(c.surname))).toBe(true);
    for (const c of children.slice(0, 50)) {
      expect(c.searchText).toContain(foldForSearch(c.surname));
    }
  });

  it('hold the register proportions of brief section 8', () => {
    const age = (c: (typeof children)[number]) => yearsOld(c.birthDate, today);
    expect(children.every((c) => age(c) >= 0 && age(c) <= 17)).toBe(true);
    // About two thirds aged 10–17.
    expect(share(children.filter((c) => age(c) >= 10).length)).toBeGreaterThan(0.6);
    expect(share(children.filter((c) => age(c) >= 10).length)).toBeLessThan(0.73);
    // About a third do not wish to be adopted or are held back by a sibling who does not.
    const refusingGroups = new Set(
      children
        .filter((c) => c.doesNotWishAdoption && c.siblingGroup !== null)
        .map((c) => c.siblingGroup),
    );
    const blocked = children.filter(
      (c) =>
        !c.doesNotWishAdoption &&
        c.siblingGroup !== null &&
        refusingGroups.has(c.siblingGroup) &&
        !siblingGroups[c.siblingGroup]!.mayBeSeparated,
    );
    const notWishing = children.filter((c) => c.doesNotWishAdoption);
    expect(share(notWishing.length + blocked.length)).toBeGreaterThan(0.27);
    expect(share(notWishing.length + blocked.length)).toBeLessThan(0.4);
    expect(notWishing.every((c) => c.status === 'not_consenting' && age(c) >= 12)).toBe(true);
    // 160–620 of ~1,200 cleared for adoption abroad.
    const abroad = share(children.filter((c) => c.clearedAbroad).length);
    expect(abroad).toBeGreaterThan(160 / 1200);
    expect(abroad).toBeLessThan(620 / 1200);
    // Consent from 12, recorded for most of them.
    expect(children.filter((c) => c.consent).every((c) => age(c) >= 12)).toBe(true);
    expect(
      share(children.filter((c) => c.consent).length, children.filter((c) => age(c) >= 12).length),
    ).toBeGreaterThan(0.6);
    // Most children are available; every status of the process occurs.
    expect(share(children.filter((c) => c.status === 'available').length)).toBeGreaterThan(0.45);
    for (const s of ['record_received', 'offered', 'pre_adoption_care', 'not_consenting']) {
      expect(children.some((c) => c.status === s)).toBe(true);
    }
  });

  it('come with diagnoses, disability, relatives and sibling groups', () => {
    const conditions = children.flatMap((c) => c.healthConditions);
    expect(conditions.every((h) => /^[A-Z]\d{2}(\.\d{1,2})?$/.test(h.icd10!))).toBe(true);
    for (const code of ['F84.0', 'Q90.0', 'F70', 'G80.1', 'H52.1', 'J45.9']) {
      expect(conditions.some((h) => h.icd10 === code)).toBe(true);
    }
    expect(share(children.filter((c) => c.healthConditions.length).length)).toBeGreaterThan(0.4);
    const disabled = share(children.filter((c) => c.disabilityGroup).length);
    expect(disabled).toBeGreaterThan(0.03);
    expect(disabled).toBeLessThan(0.2);
    expect(children.every((c) => c.relatives.some((r) => r.kind === 'mother'))).toBe(true);

    // Groups of 2–4 with one surname (in the form that agrees with each child's sex), one mother.
    const members = new Map<number, typeof children>();
    for (const c of children) {
      if (c.siblingGroup !== null)
        members.set(c.siblingGroup, [...(members.get(c.siblingGroup) ?? []), c]);
    }
    expect(members.size).toBe(siblingGroups.length);
    const inGroups = share([...members.values()].flat().length);
    expect(inGroups).toBeGreaterThan(0.25);
    expect(inGroups).toBeLessThan(0.5);
    for (const group of members.values()) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      expect(group.length).toBeLessThanOrEqual(4);
      const pairs = group.map((c) =>
        SURNAME_PAIRS.findIndex((p) => surnameFor(p, c.sex === 'female' ? 'F' : 'M') === c.surname),
      );
      expect(pairs[0]).toBeGreaterThanOrEqual(0);
      expect(new Set(pairs).size).toBe(1);
      expect(new Set(group.map((c) => JSON.stringify(c.relatives[0]))).size).toBe(1);
      // Each lists the others as brothers and sisters.
      for (const c of group) {
        expect(c.relatives.filter((r) => r.kind === 'sister' || r.kind === 'brother')).toHaveLength(
          group.length - 1,
        );
      }
    }
    const separable = siblingGroups.filter((g) => g.mayBeSeparated);
    expect(separable.length).toBeGreaterThan(0);
    expect(
      separable.every(
        (g) => g.separationDecisionNumber && g.separationDecisionDate && g.separationOrphanCourtId,
      ),
    ).toBe(true);
  });
});

describe('generated adopters', () => {
  it('pass the API input schema unchanged and the record rules', () => {
    const problems: unknown[] = [];
    for (const [i, adopter] of adopters.entries()) {
      const parsed = adopterInput.strict().safeParse(inputOf(adopterInput.shape, adopter));
      if (!parsed.success) problems.push([i, parsed.error.issues]);
      else {
        const errors = checkAdopter(parsed.data, today);
        if (errors.length) problems.push([i, errors]);
        for (const [k, v] of Object.entries(parsed.data)) {
          if (JSON.stringify(v) !== JSON.stringify(adopter[k as keyof typeof adopter])) {
            problems.push([i, k, v]);
          }
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(Object.keys(adopterInput.shape).filter((k) => !(k in adopters[0]!))).toEqual([]);
  });

  it('keep the age rule, and hold the brief’s proportions', () => {
    for (const a of adopters) {
      for (const born of [a.birthDate, a.spouseBirthDate].filter((b) => b !== null)) {
        expect(yearsOld(born, a.decisionDate)).toBeGreaterThanOrEqual(25);
        const gap = a.acceptsSiblings ? 16 : 18;
        expect(yearsOld(born, a.decisionDate) - a.wishedAgeTo).toBeGreaterThanOrEqual(gap);
      }
    }
    // 130–171 Latvian and 22–59 foreign adopters waiting.
    const waiting = adopters.filter((a) => a.status === 'waiting');
    const foreign = share(waiting.filter((a) => a.origin === 'foreign').length, waiting.length);
    expect(foreign).toBeGreaterThan(22 / (22 + 171));
    expect(foreign).toBeLessThan(59 / (59 + 130));
    expect(share(waiting.length)).toBeGreaterThan(0.6);
    // Latvian adopters mostly wish for children under 10.
    const latvian = adopters.filter((a) => a.origin === 'latvian');
    expect(share(latvian.filter((a) => a.wishedAgeTo < 10).length, latvian.length)).toBeGreaterThan(
      0.6,
    );
    const codes = adopters.flatMap((a) => [a.personalCode, a.spousePersonalCode]).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
    expect(adopters.some((a) => a.refusals.length > 0)).toBe(true);
  });
});

describe('in the database', () => {
  it('loads the demo register, and takes a 2,000-row sample through its constraints', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.db;
      await migrate(db, 'latest');
      await loadReferenceData(db);
      await loadDemoData(db, undefined);
      const count = async (t: 'children' | 'adopters' | 'siblingGroups') =>
        Number(
          (
            await db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('children')).toBe(DEMO_COUNTS.children);
      expect(await count('adopters')).toBe(DEMO_COUNTS.adopters);
      expect(await count('siblingGroups')).toBeGreaterThan(0);

      // A second register of the sample's size, with the real references.
      await db.deleteFrom('children').execute();
      await db.deleteFrom('siblingGroups').execute();
      await db.deleteFrom('adopters').execute();
      const realRefs = await peopleRefs(db);
      expect(realRefs.countryIds).toHaveLength(4);
      const generated = generateChildren(SAMPLE, 'people-test-db', realRefs, today);
      await insertChildren(db, generated, 500);
      await insertAdopters(db, generateAdopters(SAMPLE, 'people-test-db', realRefs, today), 500);
      expect(await count('children')).toBe(SAMPLE);
      expect(await count('adopters')).toBe(SAMPLE);

      // Read back as generated: sub-lists as arrays, members in their group.
      const first = generated.children.find((c) => c.siblingGroup !== null)!;
      const stored = await db
        .selectFrom('children')
        .selectAll()
        .where('personalCode', '=', first.personalCode)
        .executeTakeFirstOrThrow();
      expect(stored.relatives).toEqual(first.relatives);
      expect(stored.healthConditions).toEqual(first.healthConditions);
      const { rows } = await sql<{ size: number; surnames: number }>`
        select count(*)::int as size from children where sibling_group_id is not null
        group by sibling_group_id order by 1`.execute(db);
      expect(rows[0]!.size).toBeGreaterThanOrEqual(2);
      expect(rows[rows.length - 1]!.size).toBeLessThanOrEqual(4);
      expect(rows).toHaveLength(generated.siblingGroups.length);
    } finally {
      await database.close();
    }
  });
});
