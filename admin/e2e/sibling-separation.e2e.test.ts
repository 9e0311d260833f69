import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshots,
  signIn,
  yesterday,
} from './browser';
import { signInWithEnrolment } from './mfa';

// An orphan court's sibling-separation decision as a change request, in real Chromium on the demo
// data: the court opens a group of its children and proposes that they may be adopted separately,
// with its decision; the specialist finds the request (named by the members) in the inbox,
// accepts it, and the group's page shows the decision. A care institution gets no such button.

const shotOf = screenshots('sibling-separation', { fromTop: true });

(browserAvailable ? describe : describe.skip)('sibling separation proposals in Chromium', () => {
  const suite = consoleSuite();
  let court: { id: number; name: string };
  let otherCourt: { id: number; name: string };
  let group: { id: number; names: string[] };
  let requestUrl: string;
  const decisionNumber = 'BT-2026/214';
  const decisionDate = yesterday();

  beforeAll(async () => {
    const db = suite.server.database.db;
    court = await db
      .selectFrom('users as u')
      .innerJoin('orphanCourts as c', 'c.id', 'u.orphanCourtId')
      .select(['c.id', 'c.name'])
      .where('u.username', '=', 'barintiesa')
      .executeTakeFirstOrThrow();
    otherCourt = await db
      .selectFrom('orphanCourts')
      .select(['id', 'name'])
      .where('id', '!=', court.id)
      .orderBy('nameSort')
      .executeTakeFirstOrThrow();
    // A demo group not yet allowed to be separated, all of whose children are in the court's
    // care, so the court sees every member (the request is named by the visible ones).
    const members = await db
      .selectFrom('children as ch')
      .innerJoin('siblingGroups as g', 'g.id', 'ch.siblingGroupId')
      .select(['g.id as groupId', 'ch.surname', 'ch.givenNames', 'ch.careOrphanCourtId'])
      .where('g.mayBeSeparated', '=', false)
      .orderBy('g.id')
      .orderBy('ch.birthDate')
      .execute();
    const byGroup = new Map<number, typeof members>();
    for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m]);
    const found = [...byGroup].find(
      ([, ms]) => ms.length >= 2 && ms.every((m) => m.careOrphanCourtId === court.id),
    );
    expect(found).toBeDefined();
    const [id, ms] = found!;
    group = { id, names: ms.map((m) => `${m.surname} ${m.givenNames}`) };
  }, 120_000);

  const signedIn = async (username: string) => {
    const page = await newConsolePage(suite.browser, 'sibling-separation');
    await page.goto(suite.server.url);
    if (username === 'specialiste') {
      await signInWithEnrolment(page, username, E2E_PASSWORD);
    } else {
      await signIn(page, username, E2E_PASSWORD);
    }
    return page;
  };

  it('the orphan court proposes that the children may be separated; the group waits', async () => {
    const page = await signedIn('barintiesa');
    const shot = shotOf(page);
    await page.goto(`${suite.server.url}/#/sibling-groups/${group.id}/show`);
    for (const name of group.names) await page.getByRole('link', { name }).waitFor();
    const propose = page.getByRole('link', { name: 'Ierosināt izmaiņas' });
    await propose.waitFor();
    // The court proposes; only a specialist edits.
    expect(await page.getByRole('link', { name: 'Labot' }).count()).toBe(0);
    await propose.click();
    await page.waitForURL(/#\/change-requests\/create\?resource=sibling-groups&recordId=\d+$/);
    expect(page.url()).toContain(`recordId=${group.id}`);

    const separate = page.getByLabel('Bāriņtiesa atļāvusi šķirt', { exact: true });
    await separate.waitFor();
    expect(await separate.isChecked()).toBe(false);
    await page.getByRole('heading', { name: group.names.join(', ') }).waitFor();
    // Only the decision: the specialist's note is not the court's.
    expect(await page.locator('[name="note"]').count()).toBe(0);
    await separate.check();
    const courtInput = page.getByRole('combobox', { name: 'Bāriņtiesa, kas atļāvusi šķirt' });

    // Another court's decision is refused by the API, under the court's input.
    await courtInput.fill(otherCourt.name);
    await page.getByRole('option', { name: otherCourt.name, exact: true }).click();
    await page.locator('input[name="separationDecisionNumber"]').fill(decisionNumber);
    await page.locator('input[name="separationDecisionDate"]').fill(lvDate(decisionDate));
    await page.getByRole('button', { name: 'Nosūtīt speciālistam' }).click();
    const courtField = page.locator('.MuiFormControl-root', { has: courtInput });
    await courtField.getByText('Var norādīt tikai jūsu pašu iestādi').waitFor();
    await shot('01-refused-court');
    expect(page.url()).toContain('/change-requests/create');

    await courtInput.fill(court.name);
    await page.getByRole('option', { name: court.name, exact: true }).click();
    await page
      .locator('textarea[name="proposalComment"]')
      .fill('Bāriņtiesas sēdē vecākais bērns atteicās no adopcijas.');
    await shot('02-propose');
    await page.getByRole('button', { name: 'Nosūtīt speciālistam' }).click();
    await page.waitForURL(/#\/change-requests\/\d+\/show$/);
    requestUrl = page.url();
    await page.getByText('Gaida lēmumu').first().waitFor();
    const table = page.getByTestId('change-request-fields');
    await table.getByText(decisionNumber).waitFor();
    await shot('03-sent');

    const stored = await suite.server.database.db
      .selectFrom('siblingGroups')
      .select(['mayBeSeparated', 'separationDecisionNumber'])
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ mayBeSeparated: false, separationDecisionNumber: null });
    const request = await suite.server.database.db
      .selectFrom('changeRequests')
      .select(['resource', 'recordId', 'orphanCourtId', 'proposed'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(request).toEqual({
      resource: 'sibling-groups',
      recordId: group.id,
      orphanCourtId: court.id,
      proposed: {
        mayBeSeparated: true,
        separationOrphanCourtId: court.id,
        separationDecisionNumber: decisionNumber,
        separationDecisionDate: decisionDate,
      },
    });
  });

  it('the specialist sees it by the members, accepts it, and the group shows the decision', async () => {
    const page = await signedIn('specialiste');
    const shot = shotOf(page);
    await page.goto(`${suite.server.url}/#/change-requests`);
    const row = page.locator('table tbody tr', { hasText: group.names[0]! }).first();
    await row.waitFor({ timeout: 20_000 });
    const rowText = await row.innerText();
    expect(rowText).toContain(group.names.join(', '));
    expect(rowText).toContain('Brāļu un māsu grupas');
    expect(rowText).toContain('Bāriņtiesa atļāvusi šķirt');
    expect(rowText).toContain('Gaida lēmumu');

    await row.click();
    await page.waitForURL(/#\/change-requests\/\d+\/show$/);
    expect(page.url()).toBe(requestUrl);
    const table = page.getByTestId('change-request-fields');
    await table.getByText(court.name).waitFor();
    const cells = async (field: string) =>
      (await table.locator(`tr[data-field="${field}"] td`).allInnerTexts()).map((t) => t.trim());
    // Accept box, label, register now, proposed.
    expect(await cells('mayBeSeparated')).toEqual(['', 'Bāriņtiesa atļāvusi šķirt', 'Nē', 'Jā']);
    expect(await cells('separationOrphanCourtId')).toEqual([
      '',
      'Bāriņtiesa, kas atļāvusi šķirt',
      '—',
      court.name,
    ]);
    expect(await cells('separationDecisionNumber')).toEqual([
      '',
      'Lēmuma numurs',
      '—',
      decisionNumber,
    ]);
    expect(await cells('separationDecisionDate')).toEqual([
      '',
      'Lēmuma datums',
      '—',
      lvDate(decisionDate),
    ]);
    await shot('04-request');
    await page.getByRole('button', { name: 'Pieņemt visus' }).click();
    await page.getByText('Pieņemts', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: group.names.join(', ') }).click();
    await page.waitForURL(new RegExp(`#/sibling-groups/${group.id}/show$`));
    const field = (source: string) => page.locator(`.ra-field-${source}`).first();
    await field('separationDecisionNumber').getByText(decisionNumber).waitFor();
    await field('separationOrphanCourtId').getByText(court.name).waitFor();
    expect(await field('separationDecisionDate').innerText()).toContain(lvDate(decisionDate));
    // The specialist edits the group itself; proposing is for the orphan court.
    await page.getByRole('link', { name: 'Labot' }).waitFor();
    expect(await page.getByRole('link', { name: 'Ierosināt izmaiņas' }).count()).toBe(0);
    await shot('05-group-decided');

    const stored = await suite.server.database.db
      .selectFrom('siblingGroups')
      .select([
        'mayBeSeparated',
        'separationOrphanCourtId',
        'separationDecisionNumber',
        'separationDecisionDate',
      ])
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      mayBeSeparated: true,
      separationOrphanCourtId: court.id,
      separationDecisionNumber: decisionNumber,
      separationDecisionDate: decisionDate,
    });
  });

  it('a care institution sees a group of its children but proposes nothing there', async () => {
    const db = suite.server.database.db;
    const user = await db
      .selectFrom('users')
      .select('careProviderId')
      .where('username', '=', 'iestade')
      .executeTakeFirstOrThrow();
    const child = await db
      .selectFrom('children')
      .select(['id', 'surname', 'givenNames'])
      .where('careProviderId', '=', user.careProviderId!)
      .where('siblingGroupId', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The demo data puts none of the institution's children in a group: give one a group.
    const { id: groupId } = await db
      .insertInto('siblingGroups')
      .values({ note: null, mayBeSeparated: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('children')
      .set({ siblingGroupId: groupId })
      .where('id', '=', child.id)
      .execute();
    const page = await signedIn('iestade');
    await page.goto(`${suite.server.url}/#/sibling-groups/${groupId}/show`);
    await page.getByRole('link', { name: `${child.surname} ${child.givenNames}` }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole('link', { name: 'Ierosināt izmaiņas' }).count()).toBe(0);
    await page.goto(
      `${suite.server.url}/#/change-requests/create?resource=sibling-groups&recordId=${groupId}`,
    );
    await page.getByText('Jūsu iestāde neatbild ne par vienu šī ieraksta lauku').waitFor();
    expect(await page.locator('[name="mayBeSeparated"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nosūtīt speciālistam' }).count()).toBe(0);
  });
});
