import { createRng } from '../latvian/random';
import { formatPersonalCode, generatePersonalCode } from '../latvian/personal-code';
import { roles, type Role } from '../policies/roles';
import type { TestApp } from './test-app';

/**
 * Records on both sides of every scope, for the audit trail's tests (who may read which record's
 * history, and what each reader sees): children placed with the test care institution and/or in
 * the test orphan court's care, adopters the court did or did not recognise, sibling groups with
 * and without a child in those scopes, and change requests of the court and of the institution.
 * Everything is created through the API, so each record has its own events in the trail.
 */
export interface AuditWorld {
  token: Record<Role, string>;
  providerId: number;
  otherProviderId: number;
  courtId: number;
  otherCourtId: number;
  children: {
    /** With the institution (P0) and in the court's care (C0). */
    both: Card;
    /** In the court's care, with another institution. */
    courtOnly: Card;
    /** With the institution, in another court's care. */
    institutionOnly: Card;
    neither: Card;
  };
  adopters: { court: number; other: number };
  groups: { both: number; courtOnly: number; neither: number };
  requests: {
    /** The court's proposal about `courtOnly` (the issue's `legalStatusNote`). */
    court: number;
    /** The court's record sheet of a new child. */
    courtNewChild: number;
    /** The institution's proposal about `institutionOnly` (its personality). */
    institution: number;
  };
}

export interface Card {
  id: number;
  givenNames: string;
  surname: string;
  personalCode: string;
  birthDate: string;
  personality: string;
}

export const as = (t: TestApp, token: string) => ({
  get: (path: string, query: Record<string, string> = {}) =>
    t.request().get(path).query(query).auth(token, { type: 'bearer' }),
  post: (path: string, body: object = {}) =>
    t.request().post(path).auth(token, { type: 'bearer' }).send(body),
  put: (path: string, body: object) =>
    t.request().put(path).auth(token, { type: 'bearer' }).send(body),
});

export async function buildAuditWorld(t: TestApp, seed: string): Promise<AuditWorld> {
  const rng = createRng(seed);
  const token = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await t.token(r)] as const)),
  ) as Record<Role, string>;
  const db = t.database.db;
  const providers = await db.selectFrom('careProviders').select('id').orderBy('id').execute();
  const courts = await db.selectFrom('orphanCourts').select('id').orderBy('id').execute();
  const [providerId, otherProviderId] = [providers[0]!.id, providers[1]!.id];
  const [courtId, otherCourtId] = [courts[0]!.id, courts[1]!.id];
  const specialist = as(t, token.adoption_specialist);

  let n = 0;
  const child = async (careProviderId: number, careOrphanCourtId: number): Promise<Card> => {
    n += 1;
    const birthDate = `2010-03-${String(10 + n).padStart(2, '0')}`;
    const card = {
      givenNames: ['Ērika', 'Ģirts', 'Līvija', 'Ņikita'][n % 4]!,
      surname: ['Bērziņa', 'Ķēniņš', 'Šķēle', 'Žagare'][n % 4]!,
      personalCode: formatPersonalCode(generatePersonalCode(rng, birthDate)),
      birthDate,
      personality: `Atsaucīga, mīl zīmēt (${seed} ${n}).`,
    };
    const res = await specialist
      .post('/api/children', {
        ...card,
        sex: 'female',
        nationalityKind: 'citizen',
        religion: 'luteriete',
        recordSheetReceivedOn: '2025-03-03',
        careForm: 'care_institution',
        careOrphanCourtId,
        careDecisionNumber: 'BT-2025/21',
        careDecisionDate: '2025-02-14',
        careProviderId,
        development: 'Atbilst vecumam.',
        birthFamilyCharacterisation: 'Vecākiem atņemtas aizgādības tiesības.',
        consent: 'given',
        consentDate: '2024-05-02',
        clearedAbroad: false,
        confirmLikelyDuplicate: true,
      })
      .expect(201);
    return { ...card, id: res.body.id as number };
  };
  const children = {
    both: await child(providerId, courtId),
    courtOnly: await child(otherProviderId, courtId),
    institutionOnly: await child(providerId, otherCourtId),
    neither: await child(otherProviderId, otherCourtId),
  };

  const adopter = async (orphanCourtId: number) =>
    (
      await specialist
        .post('/api/adopters', {
          origin: 'latvian',
          givenNames: 'Dace',
          surname: 'Strazdiņa',
          birthDate: '1983-03-03',
          declaredAddress: 'Ozolu iela 9, Cēsis, LV-4101',
          orphanCourtId,
          decisionNumber: 'BT-2025/A44',
          decisionDate: '2025-02-02',
          enteredOn: '2025-02-20',
        })
        .expect(201)
    ).body.id as number;
  const adopters = { court: await adopter(courtId), other: await adopter(otherCourtId) };

  const group = async (childIds: number[]) => {
    const created = await specialist.post('/api/sibling-groups', { note: 'Divas māsas' });
    await specialist
      .put(`/api/sibling-groups/${created.body.id}/members`, { childIds, version: 1 })
      .expect(200);
    return created.body.id as number;
  };
  const groups = {
    both: await group([children.both.id, children.neither.id]),
    courtOnly: await group([children.courtOnly.id]),
    // A child is in one group at most: a sister of `neither` of its own.
    neither: await group([(await child(otherProviderId, otherCourtId)).id]),
  };

  const propose = async (role: Role, body: object) =>
    (await as(t, token[role]).post('/api/change-requests', body).expect(201)).body.id as number;
  const requests = {
    court: await propose('orphan_court', {
      resource: 'children',
      kind: 'update',
      recordId: children.courtOnly.id,
      changes: { legalStatusNote: 'X' },
    }),
    courtNewChild: await propose('orphan_court', {
      resource: 'children',
      kind: 'create',
      changes: {
        givenNames: 'Krišjānis',
        surname: 'Vītoliņš',
        sex: 'male',
        personalCode: formatPersonalCode(generatePersonalCode(rng, '2012-08-30')),
        birthDate: '2012-08-30',
        nationalityKind: 'citizen',
        recordSheetReceivedOn: '2026-01-12',
        careForm: 'foster_family',
        careOrphanCourtId: courtId,
        careDecisionNumber: 'BT-2025/301',
        careDecisionDate: '2025-12-01',
        personality: 'Kluss, lasa grāmatas.',
        clearedAbroad: false,
      },
    }),
    institution: await propose('care_institution', {
      resource: 'children',
      kind: 'update',
      recordId: children.institutionOnly.id,
      changes: { personality: 'Kļuvusi atklātāka.' },
    }),
  };
  return {
    token,
    providerId,
    otherProviderId,
    courtId,
    otherCourtId,
    children,
    adopters,
    groups,
    requests,
  };
}
