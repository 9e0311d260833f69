import { rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import {
  proposedNewChild,
  PSEUDONYM_TEST_KEY,
  storedRows,
} from '../test-support/pseudonymise-fixture';
import { verifyChain } from '../audit/chain';
import { childDerived } from '../children/schema';
import { adopterDerived } from '../adopters/schema';
import {
  validatePersonalCode,
  formatPersonalCode,
  generatePersonalCode,
} from '../latvian/personal-code';
import { createRng } from '../latvian/random';
import { SURNAME_PAIRS } from '../latvian/names';
import { CLASSIFICATION } from './classification';
import { pseudonymiseDatabase } from './database';
import type { Needles } from './needles';
import { collectNeedles, scanForNeedles } from './scan';
import { placeholderFile } from './files';

// A register with demo data and a day's work on it (edits, a status move with a reason, proposals,
// a photo, sign-ins, mail) is pseudonymised in place, on PostgreSQL and PGlite: afterwards no
// personal code, name pair, e-mail or phone of PROD is found anywhere, every kept column is as it
// was, and one person has one pseudonym in the card, its history and the proposals.
// refresh.test.ts runs the whole refresh from a backup.

const rng = createRng('pseudonymise-fixture');
type Row = Record<string, unknown>;

let t: TestApp;
let needles: Needles;
let before: Record<string, Row[]>;
let editedChild: number;
let proposedCode: string;

const byId = (list: Row[]) => new Map(list.map((r) => [String(r.id), r]));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [specialist, institution, court] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('care_institution'),
    t.token('orphan_court'),
  ]);
  const institutionUser = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'care-institution')
    .executeTakeFirstOrThrow();
  const courtUser = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'orphan-court')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('users')
    .set({ email: 'gunta.ozola@iestade.example.lv' })
    .where('id', '=', institutionUser.id)
    .execute();

  // An edit of a child's name and relatives (field history), a move with a reason naming people.
  const child = await db
    .selectFrom('children')
    .select('id')
    .where('careProviderId', '=', institutionUser.careProviderId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  editedChild = child.id;
  const card = (await t.as(specialist).get(`/api/children/${child.id}`).expect(200)).body;
  const edited = (
    await t
      .as(specialist)
      .put(`/api/children/${child.id}`, {
        ...card,
        surname: `${card.surname as string}-Liepiņa`,
        relatives: [
          ...(card.relatives as object[]),
          {
            kind: 'grandmother',
            givenNames: 'Velta',
            surname: 'Zvaigzne',
            birthDate: '1950-04-04',
            residence: 'Aizkraukle',
            note: 'Zvana Veltai Zvaigznei uz 29111222.',
          },
        ],
      })
      .expect(200)
  ).body;
  await t
    .as(specialist)
    .post(`/api/children/${child.id}/status`, {
      status: 'suspended',
      changedOn: rigaToday(),
      reason: `Māte ${(card.relatives as Row[])[0]?.givenNames as string} sazinājās; kods ${card.personalCode as string}.`,
      version: edited.version,
    })
    .expect(200);
  // Proposals: the institution's update, the court's new child (never accepted: only in the JSON).
  await t
    .as(institution)
    .post('/api/change-requests', {
      resource: 'children',
      kind: 'update',
      recordId: child.id,
      changes: { health: 'Astma; ārste Līga Kalniņa.', personality: 'Mierīgs.' },
      comment: 'Zvanīt Guntai Ozolai.',
    })
    .expect(201);
  proposedCode = formatPersonalCode(generatePersonalCode(rng, '2019-08-30'));
  await t
    .as(court)
    .post('/api/change-requests', proposedNewChild(proposedCode, courtUser.orphanCourtId))
    .expect(201);
  // A photo; an adopter's contacts changed (their history).
  const photo = placeholderFile('photo').content;
  await t
    .request()
    .post(`/api/children/${child.id}/attachments`)
    .query({ category: 'photo', fileName: 'Ģirts Bērziņš 2025.png', note: 'Foto no Līgas' })
    .auth(specialist, { type: 'bearer' })
    .set('Content-Type', 'image/png')
    .send(Buffer.concat([photo, Buffer.from('real photo')]))
    .expect(201);
  const adopter = await db
    .selectFrom('adopters')
    .select('id')
    .where('personalCode', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const full = (await t.as(specialist).get(`/api/adopters/${adopter.id}`).expect(200)).body;
  await t
    .as(specialist)
    .put(`/api/adopters/${full.id as number}`, {
      ...full,
      email: 'jauna.adrese@example.lv',
      phone: '+371 26555444',
    })
    .expect(200);

  needles = await collectNeedles(db);
  before = {};
  for (const table of Object.keys(CLASSIFICATION)) before[table] = await storedRows(db, table);
}, 120_000);

afterAll(() => t?.close());

describe('the data before', () => {
  it('holds PROD people in every place the check looks (the check works)', async () => {
    expect(needles.codes).toContain(proposedCode.replace('-', ''));
    expect(needles.emails).toContain('jauna.adrese@example.lv');
    const report = await scanForNeedles(t.database.db, needles, 10_000);
    const where = new Set(report.findings.map((f) => `${f.table}.${f.column}`));
    for (const place of [
      'children.personal_code',
      'children.search_text',
      'children.given names + surname',
      'children.relatives',
      'adopters.email',
      'adopters.phone',
      'record_changes.changes',
      'change_requests.proposed',
      'child_status_changes.reason',
    ]) {
      expect(where).toContain(place);
    }
  });
});

describe('pseudonymising in place', () => {
  let after: Record<string, Row[]>;
  beforeAll(async () => {
    await pseudonymiseDatabase(t.database.db, { key: PSEUDONYM_TEST_KEY, needles });
    after = {};
    for (const table of Object.keys(CLASSIFICATION))
      after[table] = await storedRows(t.database.db, table);
  }, 120_000);

  it('leaves no PROD personal code, name, e-mail or phone anywhere', async () => {
    const report = await scanForNeedles(t.database.db, needles);
    expect(report.findings).toEqual([]);
    expect(report.rows).toBeGreaterThan(300);
  });

  it('keeps every column classified keep, and changes the pseudonymised ones', () => {
    for (const [table, rule] of Object.entries(CLASSIFICATION)) {
      if (rule.rows !== 'keep') continue;
      const old = byId(before[table]!);
      for (const row of after[table]!) {
        const was =
          row.id === undefined
            ? before[table]!.find((r) => r.name === row.name)
            : old.get(String(row.id));
        expect(was).toBeDefined();
        for (const [column, c] of Object.entries(rule.columns)) {
          if (c.treatment === 'keep')
            expect([table, column, row[column]]).toEqual([table, column, was![column]]);
          const empty =
            was![column] == null ||
            (Array.isArray(was![column]) && (was![column] as []).length === 0);
          if (
            ['personal-code', 'phone', 'email', 'text', 'relatives', 'user-name', 'file'].includes(
              c.how ?? '',
            ) &&
            !empty
          ) {
            expect([table, column, row[column]]).not.toEqual([table, column, was![column]]);
          }
        }
      }
    }
  });

  it('gives valid personal codes of the shifted birth date, recomputes search and sort keys', () => {
    for (const c of after.children!) {
      if (c.personal_code)
        expect(
          validatePersonalCode(String(c.personal_code), { birthDate: String(c.birth_date) }).ok,
        ).toBe(true);
      expect(String(c.birth_date).slice(0, 7)).toBe(
        String(byId(before.children!).get(String(c.id))!.birth_date).slice(0, 7),
      );
      const derived = childDerived({
        givenNames: c.given_names,
        surname: c.surname,
        personalCode: c.personal_code,
      });
      expect([c.search_text, c.name_sort]).toEqual([derived.searchText, derived.nameSort]);
    }
    for (const a of after.adopters!) {
      const derived = adopterDerived({
        givenNames: a.given_names,
        surname: a.surname,
        personalCode: a.personal_code,
        spouseGivenNames: a.spouse_given_names,
        spouseSurname: a.spouse_surname,
        spousePersonalCode: a.spouse_personal_code,
        email: a.email,
      });
      expect(a.search_text).toBe(derived.searchText);
      if (a.email) expect(a.email).toMatch(/@example\.invalid$/);
    }
  });

  it('gives one person the same pseudonym in the card, its history and the proposals', () => {
    const child = byId(after.children!).get(String(editedChild))!;
    const history = after.record_changes!.find(
      (r) => r.record_id === editedChild && 'surname' in (r.changes as Row),
    ) as { changes: { surname: { new: string } } };
    expect(history.changes.surname.new).toBe(child.surname);
    const proposal = after.change_requests!.find((r) => r.record_id === editedChild) as {
      values_at_proposal: { health: string };
    };
    expect(proposal.values_at_proposal.health).toBe(child.health);
    // Brothers and sisters keep a shared surname and their mother's pseudonym.
    const groups = new Map<unknown, Row[]>();
    for (const c of after.children!)
      if (c.sibling_group_id)
        groups.set(c.sibling_group_id, [...(groups.get(c.sibling_group_id) ?? []), c]);
    const shared = [...groups.values()].filter(
      (g) => new Set(g.map((c) => byId(before.children!).get(String(c.id))!.surname)).size === 1,
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const g of shared) {
      expect(
        new Set(g.map((c) => SURNAME_PAIRS.findIndex((pair) => pair.includes(String(c.surname)))))
          .size,
      ).toBe(1);
      const mothers = g.map((c) => {
        const m = (c.relatives as Row[]).find((r) => r.kind === 'mother');
        return m ? `${String(m.givenNames)} ${String(m.surname)} ${String(m.birthDate)}` : null;
      });
      expect(new Set(mothers).size).toBe(1);
    }
  });

  it('disables PROD accounts, empties sessions, tokens and mail, restarts the audit trail', async () => {
    for (const u of after.users!) {
      expect(u).toMatchObject({ active: false, password_hash: null, totp_secret: null });
      expect(u.username).toMatch(/^pseudonym-\d+$/);
    }
    for (const table of [
      'sessions',
      'refresh_tokens',
      'one_time_tokens',
      'recovery_codes',
      'outbox',
    ]) {
      expect([table, after[table]!.length]).toEqual([table, 0]);
    }
    expect(before.sessions!.length).toBeGreaterThan(0);
    expect(after.audit_events!.map((e) => e.action)).toEqual(['pseudonymised_copy']);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });

  it('replaces photos by a placeholder the download check accepts', () => {
    const [a] = after.child_attachments!;
    const png = placeholderFile('photo');
    expect(a).toMatchObject({
      media_type: 'image/png',
      sha256: png.sha256,
      size_bytes: png.content.length,
      storage_key: null,
      file_name: `photo-${String(a!.id)}.png`,
    });
    expect(Buffer.from(a!.content as Uint8Array).equals(png.content)).toBe(true);
  });
});
